// Scale-out check of `ruleseq/redis` with real processes and a real redis-server (not part of `npm test`: it takes
// about a minute and measures time). Run after `npm run build`: `npm run test:scale`.
//
// 1. shared budget: 4 worker processes × 500 calls with one key against the Rule fake allowing 250 calls per 5 s;
//    together they never exceed it, no 429, every call completes.
// 2. killed worker: a worker holding every in-flight slot (its requests hang) is SIGKILLed; the others get the
//    full budget back once its slots expire.
// 3. 429 pauses all: another consumer spends the key's window; the first 429 one worker sees pauses all four.
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { startRecordingFake } from './recording-fake.mjs';
import { startRedisServer } from './redis-server.mjs';
import { busiestFixedWindow, busiestSlidingWindow } from './windows.mjs';

const root = resolve(import.meta.dirname, '../..');
const BUDGET = { maxRequests: 250, intervalMs: 5_000 };
/** What the clustered limiter spaces requests by for BUDGET: (5 000 ms + 250 ms slack) / 250. */
const MIN_TIME = Math.ceil(
  (BUDGET.intervalMs + Math.min(1_000, BUDGET.intervalMs * 0.05)) / BUDGET.maxRequests,
);
const MAX_CONCURRENT = 4; // Rule's default in-flight cap, shared by the whole cluster
/** Bottleneck's heartbeat (5 s) is when the cluster notices expired slots when nothing else happens. */
const HEARTBEAT_MS = 5_000;

const failures = [];
const summary = [];
function check(scenario, what, ok, detail = '') {
  if (!ok) failures.push(`${scenario}: ${what}${detail ? ` (${detail})` : ''}`);
}

const children = new Set();
function startWorker(job) {
  const child = fork(resolve(import.meta.dirname, 'worker.mjs'), [JSON.stringify(job)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const result = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code, signal) => {
      children.delete(child);
      reject(new Error(`worker ${job.label} exited (${signal ?? code}) without a report`));
    });
  });
  result.catch(() => {});
  return { child, result };
}

async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** The Redis keys of the cluster a client of this fake joins (named after a hash of the API origin and key). */
function clusterKeyPrefix(fake) {
  const scope = createHash('sha256')
    .update(`${new URL(fake.baseUrl).origin}\n${fake.apiKey}`)
    .digest('hex');
  return `b_ruleseq_{${scope.slice(0, 32)}}_${BUDGET.maxRequests}_${BUDGET.intervalMs}_${MAX_CONCURRENT}`;
}

/** The redis-server of this run and a client to inspect it; set by main(). */
const env = { redisUrl: '', redis: undefined };

async function checkRedisState(scenario, fake) {
  const { redis } = env;
  const keys = await redis.keys('*');
  const leaked = keys.filter((k) => k.includes(fake.apiKey));
  check(scenario, 'no Redis key holds the API key', leaked.length === 0, leaked.join(', '));
  const prefix = clusterKeyPrefix(fake);
  const ours = keys.filter((k) => k.startsWith(prefix));
  check(scenario, 'the cluster state is in Redis', ours.length > 0, `no key starts with ${prefix}`);
  const ttls = await Promise.all(ours.map((k) => redis.pttl(k)));
  check(
    scenario,
    'every key of the cluster expires',
    ttls.every((t) => t > 0),
    `PTTLs ${ttls.join(', ')}`,
  );
  const running = Number(await redis.hget(`${prefix}_settings`, 'running'));
  check(scenario, 'no slot is left taken', running === 0, `running = ${running}`);
}

/** Runs a scenario against a fresh Rule fake with its own key (so its own cluster), then checks Redis. */
async function withFake(name, apiKey, scenario) {
  const fake = await startRecordingFake({ apiKey, budget: BUDGET });
  try {
    await scenario(fake);
    await checkRedisState(name, fake);
  } finally {
    await fake.close();
  }
}

function startWorkers(fake, labels, { calls, expiration = 60_000 }) {
  const job = {
    redisUrl: env.redisUrl,
    baseUrl: fake.baseUrl,
    apiKey: fake.apiKey,
    ...BUDGET,
    expiration,
    calls,
  };
  return labels.map((label) => startWorker({ ...job, label }));
}

/** Waits for the workers' reports; checks that every call completed and answers how many did. */
async function completedCalls(name, workers, expected) {
  const reports = await Promise.all(workers.map((w) => w.result));
  const ok = reports.reduce((sum, r) => sum + r.ok, 0);
  const why = JSON.stringify(reports.flatMap((r) => r.firstFailures));
  check(name, `all ${expected} calls complete`, ok === expected, why);
  return ok;
}

const rate = (count, ms) => (count / (ms / 1000)).toFixed(1);

function sharedBudget() {
  const name = 'shared budget';
  return withFake(name, 'scale-budget-key', async (fake) => {
    const workers = startWorkers(fake, ['w1', 'w2', 'w3', 'w4'], { calls: 500 });
    const ok = await completedCalls(name, workers, 2000);
    const times = fake.arrivals.map((a) => a.at);
    const limited = fake.arrivals.filter((a) => a.status === 429).length;
    const fixed = busiestFixedWindow(times, BUDGET.intervalMs);
    const sliding = busiestSlidingWindow(times, BUDGET.intervalMs);
    check(name, 'zero 429s', limited === 0, `${limited} × 429`);
    check(name, 'one request per call (no retries)', times.length === 2000, `${times.length}`);
    check(name, 'never over the budget in a fixed window', fixed <= BUDGET.maxRequests, `${fixed}`);
    check(name, 'never over the budget in any window', sliding <= BUDGET.maxRequests, `${sliding}`);
    const span = Math.max(...times) - Math.min(...times);
    summary.push(
      `${name}: ${ok}/2000 calls ok from 4 processes in ${(span / 1000).toFixed(1)} s = ${rate(times.length, span)} ` +
        `req/s (permitted ${rate(BUDGET.maxRequests, BUDGET.intervalMs)}, paced ${rate(1, MIN_TIME)}); busiest ` +
        `fixed window ${fixed}/${BUDGET.maxRequests}, busiest sliding ${BUDGET.intervalMs / 1000} s window ` +
        `${sliding}/${BUDGET.maxRequests}; 429s: ${limited}`,
    );
  });
}

function killedWorker() {
  const name = 'killed worker';
  const expiration = 4_000;
  return withFake(name, 'scale-kill-key', async (fake) => {
    fake.hold.add('victim');
    const [victim] = startWorkers(fake, ['victim'], { calls: 40, expiration });
    const heldBy = () => fake.arrivals.filter((a) => a.worker === 'victim');
    await until(() => heldBy().length >= MAX_CONCURRENT, 20_000, 'the victim to take every slot');
    const heldSince = heldBy()[0].at;
    const survivors = startWorkers(fake, ['s1', 's2', 's3'], { calls: 200, expiration });
    await sleep(1_500);
    const early = fake.arrivals.filter((a) => a.worker !== 'victim').length;
    check(name, 'the others wait while the victim holds every slot', early === 0, `${early} got through`);
    victim.child.kill('SIGKILL');
    const killedAt = Date.now();
    const ok = await completedCalls(name, survivors, 600);
    const theirs = fake.arrivals.filter((a) => a.worker !== 'victim').map((a) => a.at);
    const resumed = Math.min(...theirs);
    check(
      name,
      'the slots come back within the expiration (plus one heartbeat)',
      resumed <= heldSince + expiration + HEARTBEAT_MS + 2_000,
      `resumed ${resumed - heldSince} ms after the victim took them, expiration ${expiration} ms`,
    );
    const measured = theirs.length / ((Math.max(...theirs) - resumed) / 1000);
    const paced = 1000 / MIN_TIME;
    check(
      name,
      'the others then get the full budget',
      measured >= 0.8 * paced,
      `${measured.toFixed(1)} req/s`,
    );
    const limited = fake.arrivals.filter((a) => a.status === 429).length;
    const sliding = busiestSlidingWindow(
      fake.arrivals.map((a) => a.at),
      BUDGET.intervalMs,
    );
    check(name, 'zero 429s', limited === 0, `${limited} × 429`);
    check(name, 'never over the budget in any window', sliding <= BUDGET.maxRequests, `${sliding}`);
    summary.push(
      `${name}: SIGKILLed a worker holding all ${MAX_CONCURRENT} slots ${killedAt - heldSince} ms after it took ` +
        `them; the 3 others resumed ${resumed - heldSince} ms after (expiration ${expiration} ms) and completed ` +
        `${ok}/600 calls at ${measured.toFixed(1)} req/s (paced ${paced.toFixed(1)}); 429s: ${limited}`,
    );
  });
}

function pauseAll() {
  const name = '429 pauses all';
  return withFake(name, 'scale-pause-key', async (fake) => {
    const workers = startWorkers(fake, ['p1', 'p2', 'p3', 'p4'], { calls: 100 });
    await until(() => fake.arrivals.length >= 20, 20_000, 'the workers to start');
    await fake.exhaustWindow();
    const windowEnd = fake.windowEndsAt();
    const ok = await completedCalls(name, workers, 400);
    const fromWorkers = fake.arrivals.filter((a) => a.worker.startsWith('p'));
    const limited = fromWorkers.filter((a) => a.status === 429);
    check(name, 'a worker met the 429', limited.length >= 1);
    // Without a shared pause the other three would keep sending every few ms until the window reopens.
    const first = Math.min(...limited.map((a) => a.at));
    const whileClosed = fromWorkers.filter((a) => a.at >= first && a.at < windowEnd);
    check(
      name,
      'only requests already in flight met the closed window',
      whileClosed.length <= MAX_CONCURRENT,
      `${whileClosed.length} requests`,
    );
    const last = Math.max(...whileClosed.map((a) => a.at));
    summary.push(
      `${name}: another consumer spent the window; the ${whileClosed.length} worker requests in flight met a 429, ` +
        `then none of the 4 workers sent anything for ${windowEnd - last} ms until the window reopened; ` +
        `${ok}/400 calls ok`,
    );
  });
}

/** Stops whatever is still running: workers, then redis-server. Safe to call twice. */
const cleanups = [];
function cleanUp() {
  for (const child of children) child.kill('SIGKILL');
  for (const cleanup of cleanups.splice(0)) cleanup();
}

async function main() {
  if (!existsSync(resolve(root, 'dist/redis/index.js')))
    throw new Error('dist/ is missing: run npm run build');
  const server = await startRedisServer();
  cleanups.push(server.stop);
  env.redisUrl = server.url;
  env.redis = new Redis(server.url);
  cleanups.unshift(() => env.redis.disconnect());
  summary.push(
    `redis-server ${server.version} on ${server.url}, budget ${BUDGET.maxRequests} per ${BUDGET.intervalMs} ms`,
  );
  await sharedBudget();
  await killedWorker();
  await pauseAll();
}

const watchdog = setTimeout(() => {
  console.error('FAIL scale-out check: over 5 minutes');
  cleanUp();
  process.exit(1);
}, 300_000);
watchdog.unref();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    cleanUp();
    process.exit(1);
  });
}

const started = Date.now();
try {
  await main();
} catch (error) {
  failures.push(error instanceof Error ? error.message : String(error));
} finally {
  cleanUp();
}
console.log(summary.join('\n- '));
if (failures.length > 0) {
  console.log(`FAIL scale-out check:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
  process.exitCode = 1;
} else {
  console.log(`ok   scale-out check (${((Date.now() - started) / 1000).toFixed(0)} s)`);
}
