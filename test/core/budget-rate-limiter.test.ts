import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BudgetRateLimiter } from '../../src/internal/rate-limit/budget-rate-limiter.js';

const limiterOf = (maxRequests: number, intervalMs: number, maxConcurrent = 100) =>
  new BudgetRateLimiter({ maxRequests, intervalMs, maxConcurrent });

/** A task that records its start and finishes when released. */
function recorder() {
  const started: number[] = [];
  const releases: Array<() => void> = [];
  const load = { inFlight: 0, peak: 0 };
  const task = (id: number) => () =>
    new Promise<number>((resolve) => {
      started.push(id);
      load.peak = Math.max(load.peak, ++load.inFlight);
      releases.push(() => {
        load.inFlight--;
        resolve(id);
      });
    });
  return { started, releases, load, task };
}

const macrotask = () => new Promise((resolve) => setImmediate(resolve));

describe('BudgetRateLimiter without timers', () => {
  it('starts a request on an idle limiter before any timer or I/O callback runs', async () => {
    const limiter = limiterOf(10, 1_000);
    const events: string[] = [];
    const job = limiter.schedule(async () => void events.push('started'));
    await macrotask().then(() => events.push('first macrotask'));
    await job;
    expect(events).toEqual(['started', 'first macrotask']);
  });

  it('never runs more than maxConcurrent at once, in FIFO order', async () => {
    const limiter = limiterOf(100, 60_000, 3);
    const { started, releases, load, task } = recorder();
    const calls = Array.from({ length: 7 }, (_, i) => limiter.schedule(task(i)));
    await macrotask();
    expect(started).toEqual([0, 1, 2]);
    releases[1]?.();
    await calls[1];
    await macrotask();
    expect(started).toEqual([0, 1, 2, 3]);
    // Release the others one at a time, each as soon as it has started.
    for (const next of [0, 2, 3, 4, 5, 6]) {
      await vi.waitFor(() => expect(releases.length).toBeGreaterThan(next));
      releases[next]?.();
    }
    expect(load.peak).toBe(3);
    expect(await Promise.all(calls)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('passes a failure through and frees the slot', async () => {
    const limiter = limiterOf(10, 1_000, 1);
    await expect(limiter.schedule(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.schedule(async () => 'fine')).resolves.toBe('fine');
  });

  it('refuses at once when the signal is already aborted, and runs nothing', async () => {
    const limiter = limiterOf(10, 1_000);
    let ran = false;
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    expect(() => limiter.schedule(async () => (ran = true), controller.signal)).toThrow('gone');
    expect(ran).toBe(false);
  });
});

describe('BudgetRateLimiter budget', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('allows maxRequests starts in any interval-long span, even across a window edge', async () => {
    const limiter = limiterOf(5, 1_000);
    const starts: number[] = [];
    const run = () => limiter.schedule(async () => void starts.push(Date.now()));
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) void run();
    await vi.advanceTimersByTimeAsync(600);
    for (let i = 0; i < 9; i++) void run();
    await vi.advanceTimersByTimeAsync(0);
    // 3 at t0 and 2 at t0+600 use the budget; the rest wait for the oldest starts to leave the window.
    expect(starts.map((t) => t - t0)).toEqual([0, 0, 0, 600, 600]);
    await vi.advanceTimersByTimeAsync(399);
    expect(starts).toHaveLength(5);
    await vi.advanceTimersByTimeAsync(1);
    expect(starts.map((t) => t - t0)).toEqual([0, 0, 0, 600, 600, 1000, 1000, 1000]);
    await vi.advanceTimersByTimeAsync(600);
    expect(starts.map((t) => t - t0).slice(8)).toEqual([1600, 1600]);
    await vi.advanceTimersByTimeAsync(400);
    expect(starts).toHaveLength(12);
    // Any window of 1,000 ms holds at most 5 starts.
    for (const from of starts)
      expect(starts.filter((t) => t >= from && t < from + 1_000).length).toBeLessThanOrEqual(5);
  });

  it('counts a request from its answer, so a slow one cannot let the next window start early', async () => {
    const limiter = limiterOf(2, 1_000);
    const starts: number[] = [];
    const t0 = Date.now();
    const run = (ms: number) =>
      limiter.schedule(() => {
        starts.push(Date.now() - t0);
        return new Promise((resolve) => setTimeout(resolve, ms));
      });
    for (const ms of [300, 0, 0, 0]) void run(ms);
    // The server may have counted the slow request as late as t0+300: one slot frees at 1,000, the other at 1,300.
    await vi.advanceTimersByTimeAsync(1_300);
    expect(starts).toEqual([0, 0, 1_000, 1_300]);
  });

  it('holds every request, even on an idle limiter, while paused after a 429', async () => {
    const limiter = limiterOf(100, 1_000);
    limiter.pause(2_000);
    let ran = 0;
    const calls = [1, 2, 3].map(() => limiter.schedule(async () => ++ran));
    await vi.advanceTimersByTimeAsync(1_999);
    expect(ran).toBe(0);
    expect(limiter.queued).toBe(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(await Promise.all(calls)).toEqual([1, 2, 3]);
  });

  it('drops an aborted request from the queue: it never runs and uses no budget', async () => {
    const limiter = limiterOf(1, 1_000);
    await limiter.schedule(async () => 'first');
    const controller = new AbortController();
    let abortedRan = false;
    const aborted = limiter.schedule(async () => (abortedRan = true), controller.signal);
    const next = limiter.schedule(async () => 'next');
    controller.abort(new Error('user gave up'));
    await expect(aborted).rejects.toThrow('user gave up');
    expect(limiter.queued).toBe(1);
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(next).resolves.toBe('next');
    expect(abortedRan).toBe(false);
  });

  it("holds back what the server's stricter count says is spent, and gives it back on a looser one", async () => {
    const limiter = limiterOf(10, 60_000);
    limiter.observe(new Headers({ 'RequestsCount-Allowed': '10', 'RequestsCount-Current': '8' }));
    let ran = 0;
    for (let i = 0; i < 4; i++) void limiter.schedule(async () => ++ran);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(2);
    // The server's window turned over: its count (9 left) is looser than the hold, never looser than our own (8).
    limiter.observe(new Headers({ 'X-RateLimit-Limit': '10', 'X-RateLimit-Remaining': '9' }));
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(4);
    for (let i = 0; i < 10; i++) void limiter.schedule(async () => ++ran);
    await vi.advanceTimersByTimeAsync(0);
    expect(ran).toBe(10);
  });
});

describe('BudgetRateLimiter timers and the process', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('keep the process alive only while a call waits on them', async () => {
    const timers: Array<ReturnType<typeof setTimeout>> = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      const timer = realSetTimeout(fn, ms);
      timers.push(timer);
      return timer;
    }) as typeof setTimeout);
    const limiter = limiterOf(1, 200);

    await limiter.schedule(async () => 'one call');
    // A script that made one call must be able to exit: the token's refill must not hold it.
    const refill = timers.at(-1)!;
    expect(refill.hasRef()).toBe(false);

    let ran = false;
    const waiting = limiter.schedule(async () => {
      ran = true;
    });
    await macrotask();
    expect(ran).toBe(false);
    // Now a call waits for that refill: the process must stay up for it.
    expect(refill.hasRef()).toBe(true);
    await waiting;
    expect(ran).toBe(true);
  });
});
