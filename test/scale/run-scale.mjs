// Scale-out check of `ruleseq/redis` with real processes and a real redis-server (not part of `npm test`: it takes
// about a minute and measures time). Run after `npm run build`: `npm run test:scale`.
//
// 1. shared budget: 4 worker processes × 500 calls with one key against the Rule fake allowing 250 calls per 5 s;
//    together they never exceed it, no 429, every call completes.
// 2. killed worker: a worker holding every in-flight slot (its requests hang) is SIGKILLed; the others get the
//    full budget back once its slots expire.
// 3. 429 pauses all: another consumer spends the key's window; the first 429 one worker sees pauses all four.
// 4. idle past expiry: the cluster's Redis keys expire while its processes idle; the next calls register them again.
// 5. Redis restart: redis-server shut down mid-run (without and with saving its data) and started again; every
//    call completes and the budget holds.
// 6. Redis down: redis-server stops for longer than connectTimeout; every call waiting on it fails with a
//    retry-safe ConnectionError within connectTimeout, none hangs, and the cluster works again once Redis returns.
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
/** Forks a worker; `result` is its first burst's report, `next()` starts its next burst and resolves with that report. */
function startWorker(job) {
  const child = fork(resolve(import.meta.dirname, 'worker.mjs'), [JSON.stringify(job)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  const reports = [];
  const waiting = [];
  let exited;
  child.on('message', (report) => (waiting.shift()?.resolve ?? ((r) => reports.push(r)))(report));
  child.once('exit', (code, signal) => {
    children.delete(child);
    exited = new Error(`worker ${job.label} exited (${signal ?? code}) without a report`);
    for (const w of waiting.splice(0)) w.reject(exited);
  });
  const nextReport = () => {
    if (reports.length > 0) return Promise.resolve(reports.shift());
    if (exited) return Promise.reject(exited);
    return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
  };
  const result = nextReport();
  result.catch(() => {});
  return {
    child,
    result,
    next: (options) => {
      child.send({ options });
      return nextReport();
    },
  };
}

async function until(condition, ms, what) {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
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
const env = { redisUrl: '', redis: undefined, server: undefined };

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

function startWorkers(fake, labels, { calls, expiration = 60_000, ...more }) {
  const job = {
    redisUrl: env.redisUrl,
    baseUrl: fake.baseUrl,
    apiKey: fake.apiKey,
    ...BUDGET,
    expiration,
    calls,
    ...more,
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

function idlePastExpiry() {
  const name = 'idle past expiry';
  const expiration = 1_000; // the cluster's keys expire 2 × expiration after its last call
  return withFake(name, 'scale-idle-key', async (fake) => {
    const workers = startWorkers(fake, ['i1', 'i2'], { calls: 50, expiration, bursts: 2 });
    await completedCalls(name, workers, 100);
    const lastCall = Math.max(...fake.arrivals.map((a) => a.at));
    const settings = `${clusterKeyPrefix(fake)}_settings`;
    await until(async () => (await env.redis.exists(settings)) === 0, 10_000, 'the keys to expire');
    const expiredAfter = Date.now() - lastCall;
    // A heartbeat of each process meets the missing keys before the next call does.
    await sleep(HEARTBEAT_MS);
    const second = await Promise.all(workers.map((w) => w.next()));
    const ok = second.reduce((sum, r) => sum + r.ok, 0);
    check(
      name,
      'all 100 calls after the idle period complete',
      ok === 100,
      JSON.stringify(second.map((r) => r.firstFailures)),
    );
    const minTime = Number(await env.redis.hget(settings, 'minTime'));
    check(name, 'the settings are registered again', minTime === MIN_TIME, `minTime ${minTime}`);
    const limited = fake.arrivals.filter((a) => a.status === 429).length;
    check(name, 'zero 429s', limited === 0, `${limited} × 429`);
    const idle = Math.min(...second.map((r) => r.started)) - lastCall;
    summary.push(
      `${name}: 2 processes idle ${(idle / 1000).toFixed(1)} s; the cluster's keys expired ${(expiredAfter / 1000).toFixed(1)} s ` +
        `after the last call (expiration ${expiration} ms); the next ${ok}/100 calls ok, settings registered again; 429s: ${limited}`,
    );
  });
}

function redisRestart(save) {
  const name = `Redis restart (SHUTDOWN ${save ? 'SAVE' : 'NOSAVE'})`;
  const downMs = 1_000;
  return withFake(name, `scale-restart-${save ? 'save' : 'nosave'}-key`, async (fake) => {
    const workers = startWorkers(fake, ['r1', 'r2', 'r3', 'r4'], { calls: 100 });
    await until(() => fake.arrivals.length >= 100, 20_000, 'the workers to get going');
    const before = fake.arrivals.length;
    const downAt = Date.now();
    await env.server.shutdown({ save });
    await sleep(downMs);
    await env.server.start();
    const upAt = Date.now();
    const ok = await completedCalls(name, workers, 400);
    const times = fake.arrivals.map((a) => a.at);
    const resumed = Math.min(...times.filter((t) => t >= upAt)) - upAt;
    const limited = fake.arrivals.filter((a) => a.status === 429).length;
    const sliding = busiestSlidingWindow(times, BUDGET.intervalMs);
    check(name, 'zero 429s', limited === 0, `${limited} × 429`);
    check(name, 'never over the budget in any window', sliding <= BUDGET.maxRequests, `${sliding}`);
    summary.push(
      `${name}: redis-server shut down after ${before} of 400 calls and started again ${upAt - downAt} ms later; ` +
        `requests resumed ${resumed} ms after it was back; ${ok}/400 calls ok; busiest 5 s window ` +
        `${sliding}/${BUDGET.maxRequests}; 429s: ${limited}`,
    );
  });
}

function redisDown() {
  const name = 'Redis down';
  const connectTimeout = 2_000;
  return withFake(name, 'scale-down-key', async (fake) => {
    // No retries in the first burst: what is measured is how long one attempt waits on a dead Redis.
    const workers = startWorkers(fake, ['d1', 'd2', 'd3', 'd4'], {
      calls: 100,
      connectTimeout,
      bursts: 2,
      options: { maxRetries: 0 },
    });
    await until(() => fake.arrivals.length >= 40, 20_000, 'the workers to get going');
    const downAt = Date.now();
    await env.server.shutdown({ save: false });
    const first = await Promise.all(workers.map((w) => w.result));
    const failed = first.flatMap((r) => r.failures);
    const sent = fake.arrivals.length;
    const ok = first.reduce((sum, r) => sum + r.ok, 0);
    check(name, 'every call either completed or failed', ok + failed.length === 400);
    check(name, 'calls waiting on Redis fail', failed.length > 0);
    check(
      name,
      'every failure is a retry-safe ConnectionError',
      failed.every((f) => f.name === 'ConnectionError' && f.refused),
      JSON.stringify(first.flatMap((r) => r.firstFailures)),
    );
    const latest = Math.max(...failed.map((f) => f.at)) - downAt;
    check(name, 'every failure within connectTimeout', latest <= connectTimeout + 500, `${latest} ms`);
    await sleep(Math.max(0, downAt + 3 * connectTimeout - Date.now()));
    await env.server.start();
    const upAt = Date.now();
    // Retries on (the default): an attempt made before the clients have reconnected fails and is retried.
    const second = await Promise.all(workers.map((w) => w.next({})));
    const recovered = second.reduce((sum, r) => sum + r.ok, 0);
    check(
      name,
      'all 400 calls after Redis returns complete',
      recovered === 400,
      JSON.stringify(second.map((r) => r.firstFailures)),
    );
    const resumed = Math.min(...fake.arrivals.slice(sent).map((a) => a.at)) - upAt;
    const limited = fake.arrivals.filter((a) => a.status === 429).length;
    check(name, 'zero 429s', limited === 0, `${limited} × 429`);
    const earliest = Math.min(...failed.map((f) => f.at)) - downAt;
    summary.push(
      `${name}: redis-server stopped after ${sent} of 400 calls (connectTimeout ${connectTimeout} ms, no retries); ` +
        `the other ${failed.length} failed with a retry-safe ConnectionError ${earliest}–${latest} ms after it stopped, ` +
        `none hung; Redis back after ${upAt - downAt} ms: the next ${recovered}/400 calls ok, the first request ` +
        `${resumed} ms after it returned; 429s: ${limited}`,
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
  env.server = server;
  env.redis = new Redis(server.url, { maxRetriesPerRequest: null });
  env.redis.on('error', () => {}); // refused while redis-server restarts; it reconnects
  cleanups.unshift(() => env.redis.disconnect());
  summary.push(
    `redis-server ${server.version} on ${server.url}, budget ${BUDGET.maxRequests} per ${BUDGET.intervalMs} ms`,
  );
  await sharedBudget();
  await killedWorker();
  await pauseAll();
  await idlePastExpiry();
  await redisRestart(false);
  await redisRestart(true);
  await redisDown();
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
