import type Bottleneck from 'bottleneck';

/** What the transport needs from a limiter. Implement it to plug in any scheduler. */
export interface RateLimiter {
  /** Runs `task` once the budget and the in-flight cap allow; rejects with the signal's reason if aborted first. */
  schedule<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** Holds back every request sharing this limiter for `ms` (after a 429). */
  pause(ms: number): void;
  /** Lets the limiter adopt the server's own view of the budget from response headers. */
  observe(headers: Headers): void;
}

/** A budget of `maxRequests` per `intervalMs`, with at most `maxConcurrent` requests in flight. */
export interface RateLimitOptions {
  maxRequests?: number;
  intervalMs?: number;
  maxConcurrent?: number;
}

/** `ClientOptions.rateLimit`: options, a limiter (or Bottleneck instance) to share, or `false` for none. */
export type RateLimitSetting = RateLimitOptions | RateLimiter | Bottleneck | false;

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
