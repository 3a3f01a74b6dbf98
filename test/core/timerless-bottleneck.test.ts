import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Bottleneck from 'bottleneck/light.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TimerlessBottleneck } from '../../src/internal/rate-limit/timerless-bottleneck.js';

// TimerlessBottleneck swaps Bottleneck's local-store `yieldLoop`, overrides `_run` and lets `Events#trigger` skip
// events nobody listens to. That is sound only for the
// exact code reviewed: the internals below, as Bottleneck 2.19.5 writes them. A new Bottleneck version fails here
// until someone has read its source again and recorded the new fingerprints.

const REVIEWED_VERSION = '2.19.5';
/** sha256 (first 16 hex digits) of each internal's source text in the reviewed version's light build. */
const REVIEWED: Record<string, string> = {
  'Bottleneck#_run': 'a81e0396e1d23b1f',
  'Bottleneck#_free': '40df7eb4d4d43855',
  'Bottleneck#_clearGlobalState': '56579874113ad58f',
  'Bottleneck#_drainOne': '06a9b35c62e4c54e',
  'LocalDatastore#yieldLoop': '85c61089d3e7258c',
  'LocalDatastore#__publish__': 'e063edcf8fb61559',
  'LocalDatastore#__disconnect__': 'a01f18f5fb1a70e7',
  'LocalDatastore#__updateSettings__': 'c4646f9500fe63fc',
  'LocalDatastore#__running__': 'fa3eca5bbe186b02',
  'LocalDatastore#__queued__': 'c4c879f9614502e0',
  'LocalDatastore#__done__': 'cb17ab71c0a6eca3',
  'LocalDatastore#__groupCheck__': 'b0b880b82c655e3a',
  'LocalDatastore#__incrementReservoir__': '568f187e30bb8e20',
  'LocalDatastore#__currentReservoir__': 'bfa420d5b7215516',
  'LocalDatastore#__check__': '8f654559d5d98833',
  'LocalDatastore#__register__': '7df067fab80413f1',
  'LocalDatastore#__submit__': '994fd5d1d4522d52',
  'LocalDatastore#__free__': '23e3b554252da56f',
  'Job#doRun': '66c8b9767d3136a3',
  'Job#doExecute': '7532d9a649e7ce81',
  'Events#trigger': '22d43701608f1e6b',
};

const fingerprint = (fn: unknown) => createHash('sha256').update(String(fn)).digest('hex').slice(0, 16);

const limiters: Bottleneck[] = [];
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((b) => b.stop({ dropWaitingJobs: true }).catch(() => {})));
});

/** Every internal TimerlessBottleneck relies on, read from a live stock limiter. */
async function internals(): Promise<Record<string, unknown>> {
  const stock = new Bottleneck({});
  limiters.push(stock);
  const inner = stock as unknown as { _store: object; _scheduled: Record<string, { job: object }> };
  let job: object | undefined;
  await stock.schedule(async () => {
    job = Object.values(inner._scheduled)[0]?.job;
  });
  const store = Object.getPrototypeOf(inner._store) as Record<string, unknown>;
  const jobPrototype = Object.getPrototypeOf(job) as Record<string, unknown>;
  const proto = Bottleneck.prototype as unknown as Record<string, unknown>;
  const found: Record<string, unknown> = {
    'Bottleneck#_run': proto._run,
    'Bottleneck#_free': proto._free,
    'Bottleneck#_clearGlobalState': proto._clearGlobalState,
    'Bottleneck#_drainOne': proto._drainOne,
    'LocalDatastore#yieldLoop': store.yieldLoop,
    'Job#doRun': jobPrototype.doRun,
    'Job#doExecute': jobPrototype.doExecute,
    'Events#trigger': (Bottleneck as unknown as { Events: { prototype: { trigger: unknown } } }).Events
      .prototype.trigger,
  };
  for (const name of Object.getOwnPropertyNames(store)) {
    if (/^__\w+__$/.test(name)) found[`LocalDatastore#${name}`] = store[name];
  }
  return found;
}

const macrotask = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Whether `limiter` runs a job before or after a macrotask (`setImmediate`). Timers are held until that macrotask has
 * run: a 0 ms timer may otherwise fire before or after it, depending on where the event loop is, and a job that
 * waits on one would be seen on either side.
 */
async function orderOf(limiter: Bottleneck, options: Bottleneck.JobOptions = {}): Promise<string[]> {
  limiters.push(limiter);
  const events: string[] = [];
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  try {
    const job = limiter.schedule(options, async () => void events.push('job'));
    await macrotask().then(() => events.push('macrotask'));
    await vi.runAllTimersAsync();
    await job;
  } finally {
    vi.useRealTimers();
  }
  return events;
}

describe('TimerlessBottleneck is pinned to the Bottleneck it was reviewed against', () => {
  it('package.json pins that exact version, and it is the one installed', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies.bottleneck).toBe(REVIEWED_VERSION);
    expect((Bottleneck as unknown as { version: string }).version).toBe(REVIEWED_VERSION);
  });

  it('the internals it touches are the reviewed ones, and no store step was added or removed', async () => {
    const found = await internals();
    expect(Object.fromEntries(Object.entries(found).map(([name, fn]) => [name, fingerprint(fn)]))).toEqual(
      REVIEWED,
    );
  });
});

describe('TimerlessBottleneck', () => {
  it('starts a job on an idle limiter before any timer or I/O callback, where stock Bottleneck waits for timers', async () => {
    expect(await orderOf(new TimerlessBottleneck({ maxConcurrent: 4, reservoir: 100 }))).toEqual([
      'job',
      'macrotask',
    ]);
    expect(await orderOf(new Bottleneck({ maxConcurrent: 4, reservoir: 100 }))).toEqual(['macrotask', 'job']);
  });

  it("keeps Bottleneck's accounting: the reservoir, maxConcurrent, queue order and failures", async () => {
    const limiter = new TimerlessBottleneck({ reservoir: 5, maxConcurrent: 2 });
    limiters.push(limiter);
    const started: number[] = [];
    let inFlight = 0;
    let peak = 0;
    const jobs = Array.from({ length: 8 }, (_, i) =>
      limiter.schedule(async () => {
        started.push(i);
        peak = Math.max(peak, ++inFlight);
        await macrotask();
        inFlight--;
        if (i === 1) throw new Error('boom');
        return i;
      }),
    );
    const settled = await Promise.allSettled(jobs.slice(0, 5));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(peak).toBe(2);
    expect(settled[1]).toMatchObject({ status: 'rejected', reason: { message: 'boom' } });
    expect(await limiter.currentReservoir()).toBe(0);
    await limiter.incrementReservoir(3);
    expect(await Promise.all(jobs.slice(5))).toEqual([5, 6, 7]);
  });

  it('still tells listeners, its own debug listeners included, every event of a job', async () => {
    const limiter = new TimerlessBottleneck({ maxConcurrent: 1 });
    limiters.push(limiter);
    const heard: string[] = [];
    limiter.on('done', () => void heard.push('done'));
    await limiter.schedule(async () => 1);
    expect(heard).toEqual(['done']);
    limiter.on('debug', (message: string) => void heard.push(message.split(' ')[0] ?? ''));
    limiter.on('failed', () => 0); // asks for a retry after 0 ms: the failed job runs once more
    let runs = 0;
    await limiter
      .schedule(async () => {
        runs++;
        if (runs === 1) throw new Error('once');
      })
      .catch(() => {});
    expect(runs).toBe(2);
    expect(heard).toContain('Event');
  });

  it("still waits on Bottleneck's own timer for a job with an expiration", async () => {
    expect(await orderOf(new TimerlessBottleneck({}), { expiration: 1_000 })).toEqual(['macrotask', 'job']);
  });
});
