import Bottleneck from 'bottleneck';
import { afterEach, describe, expect, it } from 'vitest';
import { BottleneckRateLimiter } from '../../src/core/rate-limit/bottleneck-rate-limiter.js';
import { createRateLimiter } from '../../src/core/rate-limit/create-rate-limiter.js';
import { MicrotaskBottleneck } from '../../src/core/rate-limit/microtask-bottleneck.js';
import { readBudget } from '../../src/core/rate-limit/rate-limit-headers.js';

const limiters: Bottleneck[] = [];
function bottleneck(options: Bottleneck.ConstructorOptions): MicrotaskBottleneck {
  const b = new MicrotaskBottleneck(options);
  limiters.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((b) => b.stop({ dropWaitingJobs: true }).catch(() => {})));
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));
const macrotask = () => new Promise((r) => setImmediate(r));

describe('MicrotaskBottleneck', () => {
  it('starts a job on an idle limiter without waiting for a timer', async () => {
    const limiter = bottleneck({ maxConcurrent: 4, reservoir: 100 });
    const events: string[] = [];
    const job = limiter.schedule(async () => events.push('job started'));
    await macrotask().then(() => events.push('first macrotask'));
    await job;
    expect(events).toEqual(['job started', 'first macrotask']);
  });

  it('a stock Bottleneck does need timers (why the subclass exists)', async () => {
    const stock = new Bottleneck({ maxConcurrent: 4, reservoir: 100 });
    limiters.push(stock);
    const events: string[] = [];
    const job = stock.schedule(async () => events.push('job started'));
    await macrotask().then(() => events.push('first macrotask'));
    await job;
    expect(events[0]).toBe('first macrotask');
  });

  it('stops at the reservoir and resumes when it refills', async () => {
    const limiter = bottleneck({ reservoir: 5, reservoirRefreshAmount: 5, reservoirRefreshInterval: 300 });
    let done = 0;
    const jobs = Array.from({ length: 8 }, () => limiter.schedule(async () => ++done));
    await tick(100);
    expect(done).toBe(5);
    await Promise.all(jobs);
    expect(done).toBe(8);
  });

  it('never runs more than maxConcurrent at once', async () => {
    const limiter = bottleneck({ maxConcurrent: 3 });
    let inFlight = 0;
    let peak = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        limiter.schedule(async () => {
          peak = Math.max(peak, ++inFlight);
          await tick(5);
          inFlight--;
        }),
      ),
    );
    expect(peak).toBe(3);
  });

  it('propagates task failures and keeps working afterwards', async () => {
    const limiter = bottleneck({ maxConcurrent: 1 });
    await expect(limiter.schedule(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule(async () => 'fine')).resolves.toBe('fine');
  });
});

describe('BottleneckRateLimiter', () => {
  it('holds every queued request while paused', async () => {
    const limiter = new BottleneckRateLimiter(bottleneck({ maxConcurrent: 4 }));
    limiter.pause(250);
    const started: number[] = [];
    const t0 = Date.now();
    await Promise.all([1, 2, 3].map(() => limiter.schedule(async () => started.push(Date.now() - t0))));
    expect(started).toHaveLength(3);
    for (const at of started) expect(at).toBeGreaterThanOrEqual(240);
  });

  it('rejects a queued call on abort and never runs it', async () => {
    const limiter = new BottleneckRateLimiter(bottleneck({ maxConcurrent: 1 }));
    let release!: () => void;
    const blocker = limiter.schedule(() => new Promise<void>((r) => (release = r)));
    const controller = new AbortController();
    let ran = false;
    const queued = limiter.schedule(async () => (ran = true), controller.signal);
    controller.abort(new Error('stop'));
    await expect(queued).rejects.toThrow('stop');
    release();
    await blocker;
    await tick(10);
    expect(ran).toBe(false);
  });

  it("adopts the server's stricter count from RequestsCount headers", async () => {
    const b = bottleneck({ reservoir: 2000 });
    const limiter = new BottleneckRateLimiter(b);
    limiter.observe(new Headers({ 'RequestsCount-Allowed': '2000', 'RequestsCount-Current': '1990' }));
    await tick(10);
    expect(await b.currentReservoir()).toBe(10);
    // A looser server count never raises our own.
    limiter.observe(new Headers({ 'X-RateLimit-Limit': '2000', 'X-RateLimit-Remaining': '1500' }));
    await tick(10);
    expect(await b.currentReservoir()).toBe(10);
  });

  it('keeps refilling the reservoir after adopting a stricter count', async () => {
    // Bottleneck's updateSettings stops the refresh for good (bottleneck#185); these calls would then never run.
    const b = new Bottleneck({ reservoir: 3, reservoirRefreshAmount: 3, reservoirRefreshInterval: 50 });
    limiters.push(b);
    const limiter = new BottleneckRateLimiter(b);
    limiter.observe(new Headers({ 'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': '0' }));
    await tick(10);
    expect(await b.currentReservoir()).toBe(0);
    const ran = await Promise.all(Array.from({ length: 7 }, (_, i) => limiter.schedule(async () => i)));
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
});

describe('readBudget', () => {
  it('reads both header families', () => {
    expect(readBudget(new Headers({ 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '7' }))).toEqual({
      limit: 100,
      remaining: 7,
    });
    expect(
      readBudget(new Headers({ 'RequestsCount-Allowed': '2000', 'RequestsCount-Current': '12' })),
    ).toEqual({
      limit: 2000,
      remaining: 1988,
    });
    expect(readBudget(new Headers({ 'X-RateLimit-Remaining': 'soon' }))).toBeUndefined();
  });
});

describe('createRateLimiter', () => {
  const defaults = { maxRequests: 2000, intervalMs: 600_000, maxConcurrent: 4 };

  it('shares one limiter per API and key', () => {
    const a = createRateLimiter(undefined, defaults, 'https://app.rule.io', 'key-one');
    const b = createRateLimiter(undefined, defaults, 'https://app.rule.io', 'key-one');
    const c = createRateLimiter(undefined, defaults, 'https://app.rule.io', 'key-two');
    const d = createRateLimiter(undefined, defaults, 'https://api.getsequence.io', 'key-one');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(d).not.toBe(a);
  });

  it('honours false, a RateLimiter and a Bottleneck instance', () => {
    expect(createRateLimiter(false, defaults, 's', 'k')).toBeUndefined();
    const own = new BottleneckRateLimiter(bottleneck({}));
    expect(createRateLimiter(own, defaults, 's', 'k')).toBe(own);
    const user = new Bottleneck({ maxConcurrent: 1 });
    limiters.push(user);
    const wrapped = createRateLimiter(user, defaults, 's', 'k');
    expect(wrapped).toBeInstanceOf(BottleneckRateLimiter);
    expect((wrapped as BottleneckRateLimiter).bottleneck).toBe(user);
  });

  it('enforces a small budget end to end', async () => {
    const limiter = createRateLimiter(
      { maxRequests: 3, intervalMs: 60_000, maxConcurrent: 2 },
      defaults,
      'budget-test',
      'k',
    ) as BottleneckRateLimiter;
    limiters.push(limiter.bottleneck);
    let ran = 0;
    const calls = Array.from({ length: 5 }, () => limiter.schedule(async () => ++ran));
    await tick(100);
    expect(ran).toBe(3);
    await limiter.bottleneck.stop({ dropWaitingJobs: true });
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
  });
});
