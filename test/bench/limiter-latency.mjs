// Added latency per call under the rate budget: raw fetch + JSON.parse vs the SDK without a limiter, with its
// default limiter, and with a stock Bottleneck instance. Medians over several rounds, as ratios against raw fetch
// measured in the same run. Run with `npm run bench` (builds first).
import { fork } from 'node:child_process';
import Bottleneck from 'bottleneck';
import { RuleClient } from '../../dist/rule/index.js';

const CALLS = 400;
const ROUNDS = 5;

const server = fork(new URL('./loopback-server.mjs', import.meta.url));
const { port } = await new Promise((resolve) => server.once('message', resolve));
const base = `http://127.0.0.1:${port}/api/v2`;

const client = (rateLimit) => new RuleClient({ apiKey: 'bench-key', baseUrl: base, rateLimit });
const contenders = {
  'raw fetch + JSON.parse': async () => JSON.parse(await (await fetch(`${base}/templates`)).text()),
  'ruleseq, rateLimit: false': (
    (c) => () =>
      c.templates.list()
  )(client(false)),
  'ruleseq, default limiter': (
    (c) => () =>
      c.templates.list()
  )(client(undefined)),
  'ruleseq, stock Bottleneck': (
    (c) => () =>
      c.templates.list()
  )(client(new Bottleneck({ maxConcurrent: 4, reservoir: 1e6 }))),
};

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const results = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, call] of Object.entries(contenders)) {
    for (let i = 0; i < 50; i++) await call(); // warm-up
    const times = [];
    for (let i = 0; i < CALLS; i++) {
      const start = performance.now();
      await call();
      times.push(performance.now() - start);
    }
    results[name].push(median(times));
  }
}
server.disconnect();

const raw = median(results['raw fetch + JSON.parse']);
const rows = Object.entries(results).map(([name, medians]) => {
  const ms = median(medians);
  return { name, median_ms: +ms.toFixed(3), added_ms: +(ms - raw).toFixed(3), ratio: +(ms / raw).toFixed(2) };
});
console.table(rows);
console.log(
  JSON.stringify({ benchmark: 'limiter-latency', node: process.version, calls: CALLS, rounds: ROUNDS, rows }),
);
