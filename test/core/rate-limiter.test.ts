import { createHash } from 'node:crypto';
import Bottleneck from 'bottleneck';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import type { RateLimiter, RateLimitScope } from '../../src/core/rate-limiter.js';
import { BottleneckRateLimiter } from '../../src/internal/rate-limit/bottleneck-rate-limiter.js';
import { BudgetRateLimiter } from '../../src/internal/rate-limit/budget-rate-limiter.js';
import { createRateLimiter } from '../../src/internal/rate-limit/create-rate-limiter.js';
import { readBudget } from '../../src/internal/rate-limit/rate-limit-headers.js';

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

  it('keeps the outcome of a task that outlives its job expiration, and frees the slot at expiry', async () => {
    const limiter = new BottleneckRateLimiter(bottleneck({ maxConcurrent: 1 }), {
      jobOptions: { expiration: 30 },
    });
    const events: string[] = [];
    const slow = limiter.schedule(async () => {
      await tick(120);
      events.push('slow done');
      return 'slow result';
    });
    const next = limiter.schedule(async () => events.push('next started'));
    await expect(slow).resolves.toBe('slow result');
    await next;
    // The expired job gave its slot back before it finished, so the next one did not wait for it.
    expect(events).toEqual(['next started', 'slow done']);
  });

  it('a limiter failure before the task started still rejects', async () => {
    const b = bottleneck({});
    await b.stop();
    let ran = false;
    await expect(new BottleneckRateLimiter(b).schedule(async () => (ran = true))).rejects.toThrow(/stopped/);
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
    limiter.observe(new Headers({ 'X-RateLimit-Limit': '3', 'X-RateLimit-Remaining': '1' }));
    await tick(10);
    expect(await b.currentReservoir()).toBe(1);
    const ran = await Promise.all(Array.from({ length: 7 }, (_, i) => limiter.schedule(async () => i)));
    expect(ran).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('pauses until the stated wait when the server reports none left, and only briefly without one', async () => {
    vi.useFakeTimers();
    try {
      const spent = { 'X-RateLimit-Limit': '2000', 'X-RateLimit-Remaining': '0' };
      const timed = new BottleneckRateLimiter(bottleneck({ reservoir: 2000 }));
      timed.observe(new Headers(spent), 3_000);
      const bare = new BottleneckRateLimiter(bottleneck({ reservoir: 2000 }));
      bare.observe(new Headers(spent));
      const started: string[] = [];
      void timed.schedule(async () => started.push('timed'));
      void bare.schedule(async () => started.push('bare'));
      await vi.advanceTimersByTimeAsync(999);
      expect(started).toEqual([]);
      // About a second without a stated wait, never the window: the reservoir keeps its 2,000.
      await vi.advanceTimersByTimeAsync(100);
      expect(started).toEqual(['bare']);
      await vi.advanceTimersByTimeAsync(1_850);
      expect(started).toEqual(['bare']);
      await vi.advanceTimersByTimeAsync(100);
      expect(started).toEqual(['bare', 'timed']);
    } finally {
      vi.useRealTimers();
    }
  });
});

/** Two local Bottlenecks made to look clustered, their `publish` delivering to both, as Redis pub/sub does. */
function fakeCluster(): [Bottleneck, Bottleneck] {
  const members = [bottleneck({ maxConcurrent: 2 }), bottleneck({ maxConcurrent: 2 })] as const;
  const deliver = members.map((m) => m.publish.bind(m));
  for (const member of members) {
    Object.assign(member, {
      datastore: 'ioredis',
      publish: (message: string) => Promise.all(deliver.map((d) => d(message))).then(() => {}),
    });
  }
  return [members[0], members[1]];
}

describe('BottleneckRateLimiter on a clustered Bottleneck', () => {
  it('a pause in one process holds the requests of the others', async () => {
    const [here, there] = fakeCluster();
    const paused = new BottleneckRateLimiter(here);
    const other = new BottleneckRateLimiter(there);
    paused.pause(250);
    await tick(10);
    const t0 = Date.now();
    const startedAfter = await other.schedule(async () => Date.now() - t0);
    expect(startedAfter).toBeGreaterThanOrEqual(200);
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

  it('refuses unknown keys and bad numbers, and keeps defaults for undefined overrides', () => {
    const refused = [{ redis: { url: 'redis://x' } }, { maxRequests: 0 }, { intervalMs: -1 }, 'fast', null];
    for (const setting of refused) {
      expect(() => createRateLimiter(setting as never, defaults, 'validation', 'k'), String(setting)).toThrow(
        ConfigurationError,
      );
    }
    const limiter = createRateLimiter({ maxRequests: undefined }, defaults, 'validation', 'k');
    expect(limiter).toBe(createRateLimiter(undefined, defaults, 'validation', 'k'));
  });

  it('asks a factory once per API and key, with the vendor budget and a hashed scope id', async () => {
    const scopes: RateLimitScope[] = [];
    const factory = {
      createRateLimiter(scope: RateLimitScope): RateLimiter {
        scopes.push(scope);
        return new BottleneckRateLimiter(bottleneck({}));
      },
    };
    const a = createRateLimiter(factory, defaults, 'https://app.rule.io', 'secret-key-one');
    const b = createRateLimiter(factory, defaults, 'https://app.rule.io', 'secret-key-one');
    const c = createRateLimiter(factory, defaults, 'https://app.rule.io', 'secret-key-two');
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(scopes).toHaveLength(2);
    expect(scopes[0]!.budget).toEqual(defaults);
    const expected = createHash('sha256').update('https://app.rule.io\nsecret-key-one').digest('hex');
    expect(await scopes[0]!.id).toBe(expected);
    expect(await scopes[1]!.id).not.toBe(expected);
  });

  it('enforces a small budget end to end', async () => {
    const limiter = createRateLimiter(
      { maxRequests: 3, intervalMs: 60_000, maxConcurrent: 2 },
      defaults,
      'budget-test',
      'k',
    ) as BudgetRateLimiter;
    expect(limiter).toBeInstanceOf(BudgetRateLimiter);
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
