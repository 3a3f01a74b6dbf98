// Target 1: latency the SDK adds to a call while under the rate budget, sequential calls on loopback. Contenders
// take turns within each round (so drift in machine load hits them alike); each round's median per contender, then
// the median of the rounds.
import Bottleneck from 'bottleneck';
import { RuleClient } from '../../dist/rule/index.js';
import { startServer } from './server-process.mjs';
import { median, resultRow, round, timeEach } from './stats.mjs';

const CALLS = 300;
const WARM_UP = 50;
const ROUNDS = 5;
/** Far above the calls made here, so the limiter is on but never makes a call wait. */
const UNDER_BUDGET = { maxRequests: 1_000_000 };

export default async function latency() {
  const server = await startServer({ mode: 'canned' });
  const client = (rateLimit) => new RuleClient({ apiKey: server.apiKey, baseUrl: server.baseUrl, rateLimit });
  const listWith = (rateLimit) => {
    const c = client(rateLimit);
    return () => c.templates.list();
  };
  const contenders = {
    raw: async () => JSON.parse(await (await fetch(`${server.baseUrl}/templates`)).text()),
    sdk: listWith(UNDER_BUDGET),
    noLimiter: listWith(false),
    stockBottleneck: listWith(new Bottleneck({ maxConcurrent: 4, reservoir: 1_000_000 })),
  };
  const rounds = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(contenders)) {
      await timeEach(call, WARM_UP);
      rounds[name].push(median(await timeEach(call, CALLS)));
    }
  }
  await server.stop();

  const ms = Object.fromEntries(Object.entries(rounds).map(([name, medians]) => [name, median(medians)]));
  const added = (name) => ms[name] - ms.raw;
  const infoRow = (id, metric, name) =>
    resultRow({
      id,
      metric,
      sdk: `+${added(name).toFixed(2)} ms`,
      baseline: `${ms.raw.toFixed(2)} ms`,
      ratio: ms[name] / ms.raw,
      data: { addedMs: round(added(name), 3) },
    });
  const data = { calls: CALLS, rounds: ROUNDS, medianMs: ms, roundMediansMs: rounds };
  return [
    resultRow({
      id: '1',
      metric: 'Added latency per call, default limiter under budget (sequential, loopback)',
      sdk: `+${added('sdk').toFixed(2)} ms (${ms.sdk.toFixed(2)} ms)`,
      baseline: `${ms.raw.toFixed(2)} ms raw fetch + JSON.parse`,
      ratio: ms.sdk / ms.raw,
      target: '≤ +0.5 ms',
      pass: added('sdk') <= 0.5,
      data: { ...data, addedMs: round(added('sdk'), 3) },
    }),
    infoRow('1a', 'Same call, rateLimit: false (no limiter)', 'noLimiter'),
    infoRow('1b', 'Same call through a stock Bottleneck (maxConcurrent 4)', 'stockBottleneck'),
  ];
}
