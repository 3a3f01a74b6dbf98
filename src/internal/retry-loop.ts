import pRetry from 'p-retry';
import { ApiError } from '../core/errors/api-error.js';
import { isRetryableFailure } from './retry-policy.js';
import { abortableSleep } from './sleep.js';

/** How one call retries. */
export interface RetryPlan {
  /** Retries after the first attempt (`maxRetries`). */
  retries: number;
  /** Exponential backoff bounds in ms: from `initialMs`, doubling, times a random factor in [1, 2), at most `maxMs`. */
  backoff: { initialMs: number; maxMs: number };
  /** Whether repeating the request cannot duplicate a write (see `isSafeToRepeat`). */
  safeToRepeat: boolean;
  /** Further answers the vendor documents as "retry shortly" (see `isRetryableFailure`). */
  isTransient?: ((error: ApiError) => boolean) | undefined;
  /** The caller's signal and the total deadline: they end the loop, waits included. */
  signal: AbortSignal | undefined;
  /** A server wait longer than this (ms) is not waited for: the error surfaces at once. */
  maxRetryAfter: number;
  /** The wait an error response states, in ms. */
  serverWait: (error: ApiError) => number | undefined;
  /** A 429 that named no wait: the shared limiter holds everyone back for the backoff. */
  onRateLimited: (backoffMs: number) => void;
}

/**
 * Runs `attempt` (given its 1-based number) under p-retry with the SDK's retry policy. A server's wait replaces the
 * backoff when it is longer (the next attempt starts when the server said, not later), and the backoff applies when
 * the server asked for less or nothing.
 */
export function withRetries<T>(attempt: (attemptNumber: number) => Promise<T>, plan: RetryPlan): Promise<T> {
  return pRetry(attempt, {
    retries: plan.retries,
    factor: 2,
    minTimeout: plan.backoff.initialMs,
    maxTimeout: plan.backoff.maxMs,
    randomize: true,
    signal: plan.signal,
    // p-retry then waits `retryDelay`, the backoff; whatever the server asked for beyond it is waited here first.
    shouldRetry: async ({ error, retryDelay }) => {
      if (!isRetryableFailure(error, plan.safeToRepeat, plan.isTransient)) return false;
      if (!(error instanceof ApiError)) return true;
      const wait = plan.serverWait(error);
      if (wait === undefined) {
        if (error.status === 429) plan.onRateLimited(retryDelay);
        return true;
      }
      if (wait > plan.maxRetryAfter) return false;
      if (wait > retryDelay) await abortableSleep(wait - retryDelay, plan.signal);
      return true;
    },
  });
}
