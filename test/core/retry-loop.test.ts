import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import { InternalServerError, RateLimitError } from '../../src/core/errors/status-errors.js';
import { type RetryPlan, withRetries } from '../../src/internal/retry-loop.js';

const plan = (overrides: Partial<RetryPlan> = {}): RetryPlan => ({
  retries: 6,
  backoff: { initialMs: 500, maxMs: 8_000 },
  safeToRepeat: true,
  signal: undefined,
  maxRetryAfter: 60_000,
  serverWait: () => undefined,
  onRateLimited: () => {},
  ...overrides,
});

const refused = () => new ConnectionError('Connection failed', { refused: true });
const apiError = (status: number, retryAfter?: number) => {
  const init = {
    status,
    code: undefined,
    message: undefined,
    body: undefined,
    headers: {},
    requestId: undefined,
  };
  const rest = { method: 'GET', url: 'https://api.example.test/things' };
  return status === 429
    ? new RateLimitError({ ...init, ...rest, retryAfter })
    : new InternalServerError({ ...init, ...rest });
};

/** Runs a loop whose attempts fail with `failure(n)` until `succeedOn`, and returns when each attempt started. */
async function attemptTimes(retryPlan: RetryPlan, failure: (n: number) => Error, succeedOn = Infinity) {
  const starts: number[] = [];
  const run = withRetries(async (n) => {
    starts.push(performance.now());
    if (n < succeedOn) throw failure(n);
    return n;
  }, retryPlan);
  const outcome = run.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  await vi.runAllTimersAsync();
  return { starts, gaps: starts.slice(1).map((t, i) => t - (starts[i] as number)), outcome: await outcome };
}

describe('withRetries (p-retry with the SDK policy)', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('backs off exponentially from 0.5 s, jittered within [1, 2) × the base, capped at 8 s', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    expect((await attemptTimes(plan(), refused)).gaps).toEqual([500, 1_000, 2_000, 4_000, 8_000, 8_000]);
    vi.spyOn(Math, 'random').mockReturnValue(0.999);
    const { gaps, outcome } = await attemptTimes(plan(), refused);
    expect(gaps).toEqual([1_000, 1_999, 3_998, 7_996, 8_000, 8_000]);
    expect(outcome).toEqual({ error: expect.any(ConnectionError) });
  });

  it('makes 1 + retries attempts, and stops at the first success', async () => {
    expect((await attemptTimes(plan({ retries: 2 }), refused)).starts).toHaveLength(3);
    const { starts, outcome } = await attemptTimes(plan(), refused, 3);
    expect(starts).toHaveLength(3);
    expect(outcome).toEqual({ value: 3 });
  });

  it('never retries what the policy forbids: a 503 on a request that is not safe to repeat', async () => {
    const { starts } = await attemptTimes(plan({ safeToRepeat: false }), () => apiError(503));
    expect(starts).toHaveLength(1);
  });

  it("waits out a server's longer wait instead of the backoff, and keeps the backoff when the server asks less", async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const longer = await attemptTimes(plan({ serverWait: () => 3_000 }), () => apiError(503), 2);
    expect(longer.gaps).toEqual([3_000]);
    const shorter = await attemptTimes(plan({ serverWait: () => 100 }), () => apiError(503), 2);
    expect(shorter.gaps).toEqual([500]);
  });

  it('surfaces a wait above maxRetryAfter at once', async () => {
    const { starts, outcome } = await attemptTimes(
      plan({ serverWait: () => 120_000, maxRetryAfter: 60_000 }),
      () => apiError(429, 120_000),
    );
    expect(starts).toHaveLength(1);
    expect(outcome).toEqual({ error: expect.any(RateLimitError) });
  });

  it('tells the limiter about a 429 that named no wait, with the backoff to hold everyone back for', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0);
    const pauses: number[] = [];
    await attemptTimes(plan({ onRateLimited: (ms) => pauses.push(ms) }), () => apiError(429), 3);
    expect(pauses).toEqual([500, 1_000]);
  });

  it("ends the loop when the caller's signal aborts during a wait", async () => {
    const controller = new AbortController();
    const reason = new Error('caller gave up');
    setTimeout(() => controller.abort(reason), 1_000);
    const { starts, outcome } = await attemptTimes(
      plan({ signal: controller.signal, serverWait: () => 30_000 }),
      () => apiError(503),
    );
    expect(starts).toHaveLength(1);
    expect(outcome).toEqual({ error: reason });
  });
});
