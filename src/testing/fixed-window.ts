/** A request budget for a fake: `maxRequests` per `intervalMs`. */
export interface RateLimitBudget {
  maxRequests: number;
  intervalMs: number;
}

/** A fixed window that opens with its first request (as Laravel's throttle and most API gateways count). */
export interface RateLimitWindow {
  startedAt: number;
  count: number;
}

/** Counts one request: whether it is within budget, how many the window has used, and when it resets (ms). */
export function countRequest(
  window: RateLimitWindow,
  budget: RateLimitBudget,
  now: number,
): { allowed: boolean; used: number; resetAt: number } {
  if (now >= window.startedAt + budget.intervalMs) {
    window.startedAt = now;
    window.count = 0;
  }
  const resetAt = window.startedAt + budget.intervalMs;
  if (window.count >= budget.maxRequests) return { allowed: false, used: window.count, resetAt };
  window.count++;
  return { allowed: true, used: window.count, resetAt };
}
