// Target 3: `for await` over 100,000 subscribers (1,000 pages of 100) from a server that answers each page after
// 20 ms, with a consumer that spends 10 ms (awaited, as I/O such as a database write is) on each page. The physical
// limit is the larger of the two totals: the server's, measured in this run as raw fetch + JSON.parse walking the
// same pages one after another (half before the SDK's walk and half after, so drift in machine load evens out), and
// the consumer's, measured during the SDK run. Prefetching overlaps the two.
// Heap: live heap after a full collection at item 10,000 and at item 100,000.
import { setTimeout as sleep } from 'node:timers/promises';
import { RuleClient } from '../../dist/rule/index.js';
import { startServer } from './server-process.mjs';
import { resultRow, round } from './stats.mjs';

const PAGES = 1000;
const PAGE_SIZE = 100;
const SERVER_LATENCY_MS = 20;
const CONSUMER_MS_PER_PAGE = 10;
const HEAP_FROM = 10_000;
const HEAP_TO = PAGES * PAGE_SIZE;

const heapAfterGc = () => {
  globalThis.gc();
  return process.memoryUsage().heapUsed;
};

/** Raw fetch + JSON.parse following `meta.next` from `first`, at most `max` pages, no consumer. */
async function rawWalk(first, max) {
  const start = performance.now();
  let pages = 0;
  for (let url = first; url && pages < max; pages++)
    url = JSON.parse(await (await fetch(url)).text()).meta.next;
  return { ms: performance.now() - start, pages };
}

async function sdkWalk(client) {
  let items = 0;
  let consumerMs = 0;
  let heapFrom = 0;
  let heapTo = 0;
  const start = performance.now();
  for await (const subscriber of client.subscribers.list({ limit: PAGE_SIZE })) {
    if (typeof subscriber.id !== 'number') throw new Error('unexpected item');
    items++;
    if (items === HEAP_FROM) heapFrom = heapAfterGc();
    if (items === HEAP_TO) heapTo = heapAfterGc();
    if (items % PAGE_SIZE === 0) {
      const consumeStart = performance.now();
      await sleep(CONSUMER_MS_PER_PAGE);
      consumerMs += performance.now() - consumeStart;
    }
  }
  const wallMs = performance.now() - start;
  if (items !== HEAP_TO) throw new Error(`SDK walk saw ${items} items`);
  return { wallMs, consumerMs, heapGrowthMB: (heapTo - heapFrom) / 2 ** 20 };
}

export default async function pagination() {
  const server = await startServer({ mode: 'canned', latencyMs: SERVER_LATENCY_MS, pages: PAGES });
  const first = `${server.baseUrl}/subscribers?limit=${PAGE_SIZE}`;
  // Rule's default budget (2,000 requests / 10 min) covers these 1,001 requests, so the defaults apply unchanged.
  const client = new RuleClient({ apiKey: server.apiKey, baseUrl: server.baseUrl });
  await rawWalk(first, 10); // warm-up: connections and JIT
  const before = await rawWalk(first, PAGES / 2);
  const sdk = await sdkWalk(client);
  const after = await rawWalk(`${first}&page=${PAGES / 2 + 1}`, PAGES);
  if (before.pages + after.pages !== PAGES) throw new Error('the raw walks missed pages');
  const serverMs = before.ms + after.ms;
  await server.stop();

  const limitMs = Math.max(serverMs, sdk.consumerMs);
  const ratio = sdk.wallMs / limitMs;
  const data = {
    pages: PAGES,
    serverLatencyMs: SERVER_LATENCY_MS,
    consumerMsPerPage: CONSUMER_MS_PER_PAGE,
    sdkWallMs: Math.round(sdk.wallMs),
    rawServerTotalMs: Math.round(serverMs),
    consumerTotalMs: Math.round(sdk.consumerMs),
    heapGrowthMB: round(sdk.heapGrowthMB),
  };
  const s = (ms) => `${(ms / 1000).toFixed(1)} s`;
  return [
    resultRow({
      id: '3',
      metric: '`for await` over 100,000 subscribers (1,000 pages, server 20 ms/page, consumer 10 ms/page)',
      sdk: s(sdk.wallMs),
      baseline: `${s(serverMs)} raw fetch walk; consumer ${s(sdk.consumerMs)}`,
      ratio,
      target: '≤ 1.1 × the larger',
      pass: ratio <= 1.1,
      data,
    }),
    resultRow({
      id: '3a',
      metric: 'Heap growth from item 10,000 to item 100,000',
      sdk: `${sdk.heapGrowthMB.toFixed(1)} MB`,
      target: '≤ 20 MB',
      pass: sdk.heapGrowthMB <= 20,
      data: { heapGrowthMB: round(sdk.heapGrowthMB) },
    }),
  ];
}
