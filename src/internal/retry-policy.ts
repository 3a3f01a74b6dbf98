import { ApiError } from '../core/errors/api-error.js';
import { ConnectionError } from '../core/errors/connection-error.js';
import { TimeoutError } from '../core/errors/timeout-error.js';

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/**
 * Whether repeating the request cannot duplicate a write: an idempotent method, or a request that carries an
 * idempotency key the server honours.
 */
export function isSafeToRepeat(method: string, hasIdempotencyKey: boolean): boolean {
  return hasIdempotencyKey || IDEMPOTENT_METHODS.has(method.toUpperCase());
}

/**
 * Whether a failed attempt may be tried again. A request that is not safe to repeat is retried only when the failure
 * proves the server did not process it: a 429, or a connection refused before any byte was sent. `isTransient`
 * names further answers the vendor documents as "retry shortly" (retried like a 503).
 */
export function isRetryableFailure(
  error: unknown,
  safeToRepeat: boolean,
  isTransient?: (error: ApiError) => boolean,
): boolean {
  if (error instanceof ApiError) {
    if (error.status === 429) return true;
    return safeToRepeat && (RETRYABLE_STATUSES.has(error.status) || isTransient?.(error) === true);
  }
  if (error instanceof ConnectionError) return safeToRepeat || error.refused;
  if (error instanceof TimeoutError) return safeToRepeat && error.kind === 'attempt';
  return false;
}

/**
 * Whether a failed attempt may still have been applied: anything but an answer that refuses the request (a 4xx other
 * than 408 and the vendor's "still in progress") or a connection refused before any byte was sent.
 */
export function mayHaveApplied(error: unknown, isTransient?: (error: ApiError) => boolean): boolean {
  return !(error instanceof ApiError
    ? error.status < 500 && error.status !== 408 && !isTransient?.(error)
    : error instanceof ConnectionError && error.refused);
}
