import type { FakeCall, Middleware } from '../fake-call.js';
import type { FakeReply } from '../reply.js';

/** A request budget: `maxRequests` per `intervalMs`. */
export interface RateLimitBudget {
  maxRequests: number;
  intervalMs: number;
}

/** A fixed window that opens with its first request (as Laravel's throttle and most API gateways count). */
export interface RateLimitWindow {
  startedAt: number;
  /** Requests let through in this window, and how many of them were answered with a status of 400 or above. */
  count: number;
  errors: number;
}

export const openWindow = (): RateLimitWindow => ({
  startedAt: Number.NEGATIVE_INFINITY,
  count: 0,
  errors: 0,
});

/** The window as an API reports it: its budget, counts, when it closes (epoch ms), and the wait until then. */
export interface WindowReport {
  budget: RateLimitBudget;
  window: Readonly<RateLimitWindow>;
  resetAt: number;
  /** Whole seconds, at least 1, as a `Retry-After` header states them. */
  retryAfterSeconds: string;
}

/** How an API answers past its budget, and the headers it sends within it (counting that answer). */
export interface RateLimitAnswers {
  limited(report: WindowReport): FakeReply;
  counted?(report: WindowReport): Record<string, string>;
}

/** Counts requests in the call's window (in the state); past the budget, the API's 429 until the window closes. */
export const rateLimit =
  <S>(
    budget: RateLimitBudget | false,
    windowOf: (call: FakeCall<S>) => RateLimitWindow,
    answers: RateLimitAnswers,
  ): Middleware<S> =>
  async (call, next) => {
    if (!budget) return next();
    const window = windowOf(call);
    if (call.now >= window.startedAt + budget.intervalMs)
      Object.assign(window, openWindow(), { startedAt: call.now });
    const resetAt = window.startedAt + budget.intervalMs;
    const retryAfterSeconds = String(Math.max(1, Math.ceil((resetAt - call.now) / 1000)));
    const report = { budget, window, resetAt, retryAfterSeconds };
    if (window.count >= budget.maxRequests) return answers.limited(report);
    window.count++;
    const answer = await next();
    if (answer.status >= 400) window.errors++;
    return answer.withHeaders(answers.counted?.(report));
  };
