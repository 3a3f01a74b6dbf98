import type Bottleneck from 'bottleneck';

/** What the transport needs from a limiter. Implement it to plug in any scheduler. */
export interface RateLimiter {
  /** Runs `task` once the budget and the in-flight cap allow; rejects with the signal's reason if aborted first. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Holds back every request sharing this limiter for `ms` (after a 429). */
  pause(ms: number): void;
  /**
   * Lets the limiter adopt the server's own view of the budget from response headers. `serverWait` is the wait the
   * same response states (`Retry-After`, `retry-after-ms` or `X-RateLimit-Reset`, in ms), when it states one: it
   * bounds anything the limiter infers from the counts.
   */
  observe(headers: Headers, serverWait?: number): void;
}

/** A budget of `maxRequests` per `intervalMs`, with at most `maxConcurrent` requests in flight. */
export interface RateLimitOptions {
  maxRequests?: number | undefined;
  intervalMs?: number | undefined;
  maxConcurrent?: number | undefined;
}

export const RATE_LIMIT_OPTION_NAMES = ['maxRequests', 'intervalMs', 'maxConcurrent'] as const;

/** What a client tells a {@link RateLimiterFactory} about the limiter it needs. */
export interface RateLimitScope {
  /**
   * Hex SHA-256 of the API's origin and the API key: equal in every process that calls the same API with the same
   * key, and never the key itself, so it can name shared state (Redis keys) without exposing the key.
   */
  id: Promise<string>;
  /** The vendor's documented budget. */
  budget: Required<RateLimitOptions>;
}

/**
 * Makes the limiter for each API and key a client is created for (e.g. `redisRateLimit()` from `ruleseq/redis`).
 * Called once per API and key in a process; every client created with the same factory, API and key shares it.
 */
export interface RateLimiterFactory {
  createRateLimiter(scope: RateLimitScope): RateLimiter;
}

/**
 * `ClientOptions.rateLimit`: budget options, a limiter (or Bottleneck instance) to share, a limiter factory, or
 * `false` for none.
 */
export type RateLimitSetting = RateLimitOptions | RateLimiter | Bottleneck | RateLimiterFactory | false;

export function isRateLimiter(value: unknown): value is RateLimiter {
  const v = value as Partial<RateLimiter> | null;
  return (
    typeof v?.schedule === 'function' && typeof v.pause === 'function' && typeof v.observe === 'function'
  );
}

export function isBottleneck(value: unknown): value is Bottleneck {
  const v = value as Partial<Bottleneck> | null;
  return typeof v?.schedule === 'function' && typeof v.updateSettings === 'function';
}

export function isRateLimiterFactory(value: unknown): value is RateLimiterFactory {
  return typeof (value as Partial<RateLimiterFactory> | null)?.createRateLimiter === 'function';
}
