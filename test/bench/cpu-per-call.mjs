// Target 2: client CPU per call (this process's user + system time; the server runs in another process) for one
// page of 100 subscribers with response validation on, against raw fetch + JSON.parse of the same page. Contenders
// take turns within each round (in a rotating order), so each round's ratio compares neighbours in time; the median
// of the rounds' ratios, which drift in machine load moves least.
import { RuleClient } from '../../dist/rule/index.js';
import { startServer } from './server-process.mjs';
import { median, resultRow, round } from './stats.mjs';

const CALLS = 100;
const WARM_UP = 100;
const ROUNDS = 15;

/** CPU milliseconds per call over `count` sequential calls. */
async function cpuPerCall(call, count) {
  const before = process.cpuUsage();
  for (let i = 0; i < count; i++) await call();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000 / count;
}

export default async function cpuPerCallBenchmark() {
  const server = await startServer({ mode: 'canned' });
  const page = `${server.baseUrl}/subscribers?limit=100`;
  // Responses are validated by default; the budget is far above the calls made, so the limiter never waits.
  const client = new RuleClient({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    rateLimit: { maxRequests: 1_000_000 },
  });
  const contenders = {
    raw: async () => JSON.parse(await (await fetch(page)).text()),
    sdk: () => client.subscribers.list({ limit: 100 }),
    // The escape hatch sends through the same transport (limiter, retries, errors) but has no schema.
    transportOnly: () => client.request({ method: 'GET', path: 'subscribers', query: { limit: 100 } }),
  };
  const first = await contenders.sdk();
  if (first.data.length !== 100) throw new Error(`expected 100 subscribers, got ${first.data.length}`);

  const names = Object.keys(contenders);
  for (const call of Object.values(contenders)) await cpuPerCall(call, WARM_UP);
  const rounds = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      rounds[name].push(await cpuPerCall(contenders[name], CALLS));
    }
  }
  await server.stop();

  const ms = Object.fromEntries(names.map((name) => [name, median(rounds[name])]));
  const ratio = (name) => median(rounds[name].map((value, i) => value / rounds.raw[i]));
  const data = { calls: CALLS, rounds: ROUNDS, cpuMsPerCall: ms, roundValues: rounds };
  return [
    resultRow({
      id: '2',
      metric: 'Client CPU per call, 100-subscriber page, responses validated',
      sdk: `${ms.sdk.toFixed(2)} ms`,
      baseline: `${ms.raw.toFixed(2)} ms raw fetch + JSON.parse`,
      ratio: ratio('sdk'),
      target: '≤ 1.7×',
      pass: ratio('sdk') <= 1.7,
      data,
    }),
    resultRow({
      id: '2a',
      metric: 'Same page through client.request (transport only, no schema)',
      sdk: `${ms.transportOnly.toFixed(2)} ms`,
      baseline: `${ms.raw.toFixed(2)} ms`,
      ratio: ratio('transportOnly'),
      data: { cpuMsPerCall: round(ms.transportOnly, 3) },
    }),
  ];
}
