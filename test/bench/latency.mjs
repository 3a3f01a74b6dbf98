// Target 1: latency the default limiter adds to a call, sequential calls on loopback, against the same call with
// `rateLimit: false`: (1) under a budget it never reaches, and (1c) for bursts of 20 calls under Rule's real default
// budget (2,000 / 10 min, 4 in flight), each burst on a fresh key so it starts from a full budget. Contenders take
// turns within each round (so drift in machine load hits them alike); each round's median per contender, then the
// median of the rounds.
import Bottleneck from 'bottleneck';
import { RuleClient } from '../../dist/rule/index.js';
import { startServer } from './server-process.mjs';
import { median, resultRow, round, timeEach } from './stats.mjs';

const CALLS = 300;
const WARM_UP = 50;
const ROUNDS = 5;
const BURST = 20;
const BURSTS_PER_ROUND = 10;
/** Far above the calls made here, so the limiter is on but never makes a call wait. */
const UNDER_BUDGET = { maxRequests: 1_000_000 };

export default async function latency() {
  const server = await startServer({ mode: 'canned' });
  const client = (rateLimit, apiKey = server.apiKey) =>
    new RuleClient({ apiKey, baseUrl: server.baseUrl, rateLimit });
  const listWith = (rateLimit) => {
    const c = client(rateLimit);
    return () => c.templates.list();
  };
  let burstKeys = 0;
  /** Per-call times of bursts of 20, each through a new client on a key of its own (`rateLimit` as given). */
  const burstsWith = (rateLimit) => async () => {
    const times = [];
    for (let b = 0; b < BURSTS_PER_ROUND; b++) {
      const c = client(rateLimit, `burst-key-${++burstKeys}`);
      times.push(...(await timeEach(() => c.templates.list(), BURST)));
    }
    return times;
  };
  const contenders = {
    raw: async () => JSON.parse(await (await fetch(`${server.baseUrl}/templates`)).text()),
    sdk: listWith(UNDER_BUDGET),
    noLimiter: listWith(false),
    stockBottleneck: listWith(new Bottleneck({ maxConcurrent: 4, reservoir: 1_000_000 })),
  };
  const bursts = { sdkBurst: burstsWith(undefined), noLimiterBurst: burstsWith(false) };
  const rounds = Object.fromEntries(
    [...Object.keys(contenders), ...Object.keys(bursts)].map((name) => [name, []]),
  );
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, call] of Object.entries(contenders)) {
      await timeEach(call, WARM_UP);
      rounds[name].push(median(await timeEach(call, CALLS)));
    }
    for (const [name, run] of Object.entries(bursts)) rounds[name].push(median(await run()));
  }
  await server.stop();

  const ms = Object.fromEntries(Object.entries(rounds).map(([name, medians]) => [name, median(medians)]));
  const added = (name, base = 'noLimiter') => ms[name] - ms[base];
  const infoRow = (id, metric, name) =>
    resultRow({
      id,
      metric,
      sdk: `+${added(name, 'raw').toFixed(2)} ms (${ms[name].toFixed(2)} ms)`,
      baseline: `${ms.raw.toFixed(2)} ms raw fetch + JSON.parse`,
      ratio: ms[name] / ms.raw,
      data: { addedOverRawMs: round(added(name, 'raw'), 3) },
    });
  const data = { calls: CALLS, rounds: ROUNDS, burst: BURST, medianMs: ms, roundMediansMs: rounds };
  return [
    resultRow({
      id: '1',
      metric:
        'Added latency per call, default limiter under a budget it never reaches (sequential, loopback)',
      sdk: `+${added('sdk').toFixed(2)} ms (${ms.sdk.toFixed(2)} ms)`,
      baseline: `${ms.noLimiter.toFixed(2)} ms with rateLimit: false`,
      ratio: ms.sdk / ms.noLimiter,
      target: '≤ +1.0 ms',
      pass: added('sdk') <= 1.0,
      data: { ...data, addedMs: round(added('sdk'), 3) },
    }),
    resultRow({
      id: '1c',
      metric: "Same, bursts of 20 sequential calls under Rule's default budget (2,000 / 10 min, 4 in flight)",
      sdk: `+${added('sdkBurst', 'noLimiterBurst').toFixed(2)} ms (${ms.sdkBurst.toFixed(2)} ms)`,
      baseline: `${ms.noLimiterBurst.toFixed(2)} ms with rateLimit: false`,
      ratio: ms.sdkBurst / ms.noLimiterBurst,
      target: '≤ +1.0 ms',
      pass: added('sdkBurst', 'noLimiterBurst') <= 1.0,
      data: { addedMs: round(added('sdkBurst', 'noLimiterBurst'), 3) },
    }),
    infoRow('1a', 'Same call, rateLimit: false, against raw fetch', 'noLimiter'),
    infoRow(
      '1b',
      'Same call through a stock Bottleneck (maxConcurrent 4), against raw fetch',
      'stockBottleneck',
    ),
  ];
}
