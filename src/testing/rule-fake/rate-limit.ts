import type { RateLimitAnswers, RateLimitBudget, WindowReport } from '../kernel/middleware/rate-limit.js';
import { text } from '../kernel/reply.js';
import { ruleTime } from './state.js';

/** Rule's documented example budget: 2000 requests per 10 minutes. */
export const RULE_RATE_LIMIT: RateLimitBudget = { maxRequests: 2000, intervalMs: 600_000 };

/** Rule also blocks keys whose answers are more than 49 % errors; the fake reports the share, it does not block. */
const errorPercent = ({ window }: WindowReport) => ({
  'x-errorpercent-limit': '49',
  'x-errorpercent-current': String(window.count === 0 ? 0 : Math.round((100 * window.errors) / window.count)),
});

/**
 * Rule's headers (rule.md §4.2): `RequestsCount-Allowed` and `RequestsCount-Current` (used, not remaining) on every
 * answer within budget; past it, the plain-text 429 with `X-RateLimit-Limit`, `X-RateLimit-Remaining: 0` and
 * `Retry-After` as a zone-less Stockholm time (both with `X-ErrorPercent-*`).
 */
export const ruleRateLimit: RateLimitAnswers = {
  limited: (report) =>
    text(429, 'Too Many Attempts.', {
      // Whole seconds, rounded up, so a client that waits until then is inside the next window.
      'retry-after': ruleTime(Math.ceil(report.resetAt / 1000) * 1000),
      'x-ratelimit-limit': String(report.budget.maxRequests),
      'x-ratelimit-remaining': '0',
      ...errorPercent(report),
    }),
  counted: (report) => ({
    'requestscount-allowed': String(report.budget.maxRequests),
    'requestscount-current': String(report.window.count),
    ...errorPercent(report),
  }),
};
