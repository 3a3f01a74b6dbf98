import { formatWallClock } from '../../core/time-zone.js';
import { countRequest, type RateLimitBudget, type RateLimitWindow } from '../fixed-window.js';
import { text } from './http.js';

export type { RateLimitBudget, RateLimitWindow };

/** Rule's documented example budget: 2000 requests per 10 minutes. */
export const RULE_RATE_LIMIT: RateLimitBudget = { maxRequests: 2000, intervalMs: 600_000 };

/** Rule's zone-less local time. */
const RULE_TIME_ZONE = 'Europe/Stockholm';

/**
 * Counts one request against the budget. Answers the 429 to send when the budget is spent, else the headers to add
 * to the response (`RequestsCount-Allowed` and `RequestsCount-Current`, the used count, as Rule sends them).
 */
export function takeRequest(
  window: RateLimitWindow,
  budget: RateLimitBudget,
  now: number,
): { limited: Response } | { headers: Record<string, string> } {
  const { allowed, used, resetAt } = countRequest(window, budget, now);
  if (!allowed) {
    // Whole seconds, rounded up, so a client that waits until then is inside the next window.
    const retryAt = Math.ceil(resetAt / 1000) * 1000;
    return {
      limited: text('Too Many Attempts.', 429, {
        'retry-after': formatWallClock(new Date(retryAt), RULE_TIME_ZONE),
        date: new Date(now).toUTCString(),
        'x-ratelimit-limit': String(budget.maxRequests),
        'x-ratelimit-remaining': '0',
      }),
    };
  }
  return {
    headers: { 'requestscount-allowed': String(budget.maxRequests), 'requestscount-current': String(used) },
  };
}
