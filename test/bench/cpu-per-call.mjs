// Target 2: client CPU per call (this process's user + system time; the server runs in another process) for one
// page of 100 subscribers with response validation on, against the card's stack used naively (ky with retry 0,
// p-retry, zod classic `.parse`) and against openai-node's `client.get` of the same page, with raw fetch +
// JSON.parse as the floor. Contenders take turns within each round (in a rotating order), so each round's ratio
// compares neighbours in time; the median of the rounds' ratios, which drift in machine load moves least. Node loads
// the build whose response schemas are compiled (z.compile); row 2b runs the browsers' build, on zod's plain parser,
// in this same process for comparison.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { RuleClient } from '../../dist/rule/index.js';
import { cardStackCall, openaiCall } from './card-stack.mjs';
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

/** `ruleseq/rule` as a browser bundler builds it (package.json `imports` without the `node` condition). */
async function browserBuildOfRule() {
  const dir = mkdtempSync(join(tmpdir(), 'ruleseq-bench-'));
  const outfile = join(dir, 'rule.mjs');
  await build({
    entryPoints: [new URL('../../dist/rule/index.js', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    outfile,
    logLevel: 'silent',
  });
  const module = await import(pathToFileURL(outfile).href);
  rmSync(dir, { recursive: true, force: true });
  return module.RuleClient;
}

/** Each contender's CPU per call in every round; within a round they take turns in a rotating order. */
async function takeTurns(contenders) {
  const names = Object.keys(contenders);
  for (const call of Object.values(contenders)) await cpuPerCall(call, WARM_UP);
  const rounds = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(round + i) % names.length];
      rounds[name].push(await cpuPerCall(contenders[name], CALLS));
    }
  }
  return rounds;
}

export default async function cpuPerCallBenchmark() {
  const server = await startServer({ mode: 'canned' });
  const BrowserRuleClient = await browserBuildOfRule();
  const page = `${server.baseUrl}/subscribers?limit=100`;
  // Responses are validated by default; the budget is far above the calls made, so the limiter never waits.
  const client = new RuleClient({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    rateLimit: { maxRequests: 1_000_000 },
  });
  const browserClient = new BrowserRuleClient({
    apiKey: server.apiKey,
    baseUrl: server.baseUrl,
    rateLimit: { maxRequests: 1_000_000 },
  });
  const raw = async () => JSON.parse(await (await fetch(page)).text());
  const sdk = () => client.subscribers.list({ limit: 100 });
  const browserBuild = () => browserClient.subscribers.list({ limit: 100 });
  // The escape hatch sends through the same transport (limiter, retries, errors) but has no schema.
  const transportOnly = () => client.request({ method: 'GET', path: 'subscribers', query: { limit: 100 } });
  const card = cardStackCall(server.baseUrl, server.apiKey);
  const openai = openaiCall(server.baseUrl, server.apiKey);
  for (const call of [sdk, browserBuild]) {
    const { data } = await call();
    if (data.length !== 100) throw new Error(`expected 100 subscribers, got ${data.length}`);
  }
  for (const call of [card, openai]) {
    const { subscribers } = await call();
    if (subscribers.length !== 100) throw new Error(`expected 100 subscribers, got ${subscribers.length}`);
  }

  const rounds = await takeTurns({ raw, sdk, transportOnly, card, openai });
  // Apart, so the browsers' build's extra garbage is not collected during the other contenders' turns.
  const browserRounds = await takeTurns({ raw, browserBuild });
  await server.stop();

  const ms = Object.fromEntries(Object.entries(rounds).map(([name, values]) => [name, median(values)]));
  const ratio = (name, base = 'raw') => median(rounds[name].map((value, i) => value / rounds[base][i]));
  ms.browserBuild = median(browserRounds.browserBuild);
  const browserRatio = median(browserRounds.browserBuild.map((value, i) => value / browserRounds.raw[i]));
  const data = { calls: CALLS, rounds: ROUNDS, cpuMsPerCall: ms, roundValues: { ...rounds, browserRounds } };
  const overCard = ratio('sdk', 'card');
  const overOpenai = ratio('sdk', 'openai');
  return [
    resultRow({
      id: '2',
      metric: "Client CPU per validated 100-subscriber page, against the card's stack used naively",
      sdk: `${ms.sdk.toFixed(2)} ms`,
      baseline: `${ms.card.toFixed(2)} ms ky (retry 0) + p-retry + zod classic .parse`,
      ratio: overCard,
      target: '≤ 1.0×',
      pass: overCard <= 1.0,
      data,
    }),
    resultRow({
      id: '2c',
      metric: "Same page, against openai-node's `client.get` (no validation)",
      sdk: `${ms.sdk.toFixed(2)} ms`,
      baseline: `${ms.openai.toFixed(2)} ms openai-node`,
      ratio: overOpenai,
      target: '≤ 1.0×',
      pass: overOpenai <= 1.0,
      data: { cpuMsPerCall: round(ms.openai, 3) },
    }),
    resultRow({
      id: '2d',
      metric: 'Same page: the SDK, the card stack and openai-node against raw fetch + JSON.parse',
      sdk: `${ratio('sdk').toFixed(2)}× / ${ratio('card').toFixed(2)}× / ${ratio('openai').toFixed(2)}×`,
      baseline: `${ms.raw.toFixed(2)} ms raw fetch + JSON.parse`,
      ratio: ratio('sdk'),
      data: { sdk: round(ratio('sdk'), 3), card: round(ratio('card'), 3), openai: round(ratio('openai'), 3) },
    }),
    resultRow({
      id: '2a',
      metric: 'Same page through client.request (transport only, no schema)',
      sdk: `${ms.transportOnly.toFixed(2)} ms`,
      baseline: `${ms.raw.toFixed(2)} ms`,
      ratio: ratio('transportOnly'),
      data: { cpuMsPerCall: round(ms.transportOnly, 3) },
    }),
    resultRow({
      id: '2b',
      metric: "Same page through the browsers' build (zod's plain parser, no compiler)",
      sdk: `${ms.browserBuild.toFixed(2)} ms`,
      baseline: `${ms.raw.toFixed(2)} ms`,
      ratio: browserRatio,
      data: { cpuMsPerCall: round(ms.browserBuild, 3) },
    }),
  ];
}
