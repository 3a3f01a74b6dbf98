import Bottleneck from 'bottleneck';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BottleneckRateLimiter } from '../../src/core/rate-limit/bottleneck-rate-limiter.js';
import { createRateLimiter } from '../../src/core/rate-limit/create-rate-limiter.js';
import { readBudget } from '../../src/core/rate-limit/rate-limit-headers.js';
import { WindowRateLimiter } from '../../src/core/rate-limit/window-rate-limiter.js';

const limiters: Bottleneck[] = [];
function bottleneck(options: Bottleneck.ConstructorOptions): Bottleneck {
  const b = new Bottleneck(options);
  limiters.push(b);
  return b;
}
afterEach(async () => {
  await Promise.all(limiters.splice(0).map((b) => b.stop({ dropWaitingJobs: true }).catch(() => {})));
});

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

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
    await vi.waitFor(() => expect(release).toBeDefined());
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
    ) as WindowRateLimiter;
    expect(limiter).toBeInstanceOf(WindowRateLimiter);
    let ran = 0;
    const controller = new AbortController();
    const calls = Array.from({ length: 5 }, () => limiter.schedule(async () => ++ran, controller.signal));
    await tick(50);
    expect(ran).toBe(3);
    expect(limiter.queued).toBe(2);
    controller.abort(new Error('done'));
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(2);
  });
});
