// 10,000 calls through one RuleClient, 32 in flight, against the sandbox (in a child process), on the built package.
// Fails (exit 1) on an unhandled rejection, any process warning (a listener leak among them), an unexpected
// outcome, or a heap more than 10 MB above its starting size after garbage collection.
// Run with `npm run build && npm run test:load` (node --expose-gc).
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';

const CALLS = 10_000;
const IN_FLIGHT = 32;
const WARM_UP = 1_000;
const MAX_HEAP_GROWTH = 10 * 1024 * 1024;

if (!existsSync(new URL('../../dist/rule/index.js', import.meta.url))) {
  console.error('load: dist/ is missing; run `npm run build` first');
  process.exit(1);
}
if (typeof globalThis.gc !== 'function') {
  console.error('load: run with node --expose-gc (npm run test:load does)');
  process.exit(1);
}

const { RuleClient } = await import('ruleseq/rule');
const { NotFoundError } = await import('ruleseq');

const problems = [];
process.on('unhandledRejection', (reason) => problems.push(`unhandled rejection: ${reason}`));
process.on('warning', (warning) => problems.push(`warning: ${warning.name}: ${warning.message}`));

const sandbox = fork(new URL('./sandbox-process.mjs', import.meta.url));
const { baseUrl, apiKey } = await new Promise((resolve, reject) => {
  sandbox.once('message', resolve);
  sandbox.once('exit', (code) =>
    reject(new Error(`the sandbox process exited (${code}) before it was ready`)),
  );
});

// The limiter stays on (it is part of what must not leak), with room for the whole run.
const rule = new RuleClient({
  apiKey,
  baseUrl,
  rateLimit: { maxRequests: 1_000_000, intervalMs: 600_000, maxConcurrent: IN_FLIGHT },
});
// One caller signal shared by every call, as an app's shutdown signal would be: listeners must not pile up on it.
const shutdown = new AbortController();

/** The i-th call: reads, writes, a 404 taken through `.safe()`, a first page; each says what it must end in. */
function call(i) {
  const options = i % 2 === 0 ? { signal: shutdown.signal } : {};
  switch (i % 5) {
    case 0:
      return rule.subscribers
        .create({ subscriber: { email: `load${i}@example.com` }, tags: ['Load'] }, options)
        .then((s) => s.email === `load${i}@example.com`);
    case 1:
      return rule.subscribers.get({ email: 'john@example.com' }, options).then((s) => s.id === 1);
    case 2:
      return rule.subscribers
        .get({ email: `missing${i}@example.com` }, options)
        .safe()
        .then((r) => !r.ok && r.error instanceof NotFoundError);
    case 3:
      return rule.tags.list({ limit: 10 }, options).then((page) => page.data.length > 0);
    default:
      return rule.transactions
        .send(
          {
            type: 'email',
            subject: 'Load',
            from: { name: 'Shop', email: 'shop@example.com' },
            to: { email: `load${i}@example.com` },
            content: { html: '<p>Hej</p>', plain: 'Hej' },
          },
          options,
        )
        .then((t) => t.transaction_id > 0);
  }
}

/** Runs `count` calls with `IN_FLIGHT` at a time; returns how many ended as expected. */
async function run(from, count) {
  let next = from;
  let good = 0;
  const worker = async () => {
    while (next < from + count) {
      const i = next++;
      try {
        if (await call(i)) good += 1;
        else problems.push(`call ${i} ended unexpectedly`);
      } catch (error) {
        problems.push(`call ${i} threw ${error?.name}: ${error?.message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return good;
}

/** Heap in use after collections settle (finalizers and timers get a turn in between). */
async function settledHeap() {
  for (let round = 0; round < 5; round++) {
    globalThis.gc();
    await delay(20);
  }
  return process.memoryUsage().heapUsed;
}

await run(0, WARM_UP); // JIT, connection pool and caches reach their working size
const heapBefore = await settledHeap();
const started = performance.now();
const good = await run(WARM_UP, CALLS);
const seconds = (performance.now() - started) / 1000;
const heapAfter = await settledHeap();
sandbox.disconnect();

const growth = heapAfter - heapBefore;
if (good !== CALLS) problems.push(`${CALLS - good} of ${CALLS} calls did not end as expected`);
if (growth > MAX_HEAP_GROWTH) problems.push(`heap grew by ${(growth / 1024 / 1024).toFixed(1)} MB`);

const summary = {
  calls: CALLS,
  inFlight: IN_FLIGHT,
  asExpected: good,
  seconds: +seconds.toFixed(2),
  callsPerSecond: Math.round(CALLS / seconds),
  heapBeforeMB: +(heapBefore / 1024 / 1024).toFixed(2),
  heapAfterMB: +(heapAfter / 1024 / 1024).toFixed(2),
  heapGrowthMB: +(growth / 1024 / 1024).toFixed(2),
  problems: problems.slice(0, 20),
};
console.log(JSON.stringify(summary, null, 2));
if (problems.length > 0) {
  console.error(`load: FAILED (${problems.length} problems)`);
  process.exit(1);
}
console.log('load: ok');
