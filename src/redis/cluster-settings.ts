import type Bottleneck from 'bottleneck';
import type { RateLimitOptions } from '../core/rate-limiter.js';

/**
 * What one window's spacing absorbs of timer delays, Redis round trips and clock differences between hosts:
 * 1 s, or 5 % of a shorter window.
 */
function slackMs(intervalMs: number): number {
  return Math.min(1_000, intervalMs * 0.05);
}

/**
 * The Bottleneck id every process with the same API, key and budget shares: it names the Redis keys, so it holds
 * the scope's hash (never the key) and the budget (limiters with other budgets must not share the settings). The
 * braces make it a hash tag: on a Redis Cluster all the keys land in one slot, as Bottleneck's scripts need.
 */
export function clusterId(scopeId: string, budget: Required<RateLimitOptions>): string {
  return `ruleseq_{${scopeId.slice(0, 32)}}_${budget.maxRequests}_${budget.intervalMs}_${budget.maxConcurrent}`;
}

/**
 * Settings that keep a whole cluster under `maxRequests` per `intervalMs` as the server counts them: requests
 * spaced `(intervalMs + slack) / maxRequests` apart (`minTime`, shared through Redis) and `maxConcurrent` in flight.
 *
 * Why spacing rather than a reservoir refilled every interval: Rule (Laravel's throttle) and most gateways count
 * in a fixed window that opens with the first request they see. A reservoir refilled on the cluster's own clock
 * lines up with that window only by chance; when its refill comes before the server's window closes, the burst it
 * lets through counts against the old window and meets 429s. Evenly spaced requests never put more than
 * `maxRequests` into any window of `intervalMs`, wherever the server's window starts.
 */
export function pacedSettings(
  budget: Required<RateLimitOptions>,
): Pick<Bottleneck.ConstructorOptions, 'maxConcurrent' | 'minTime'> {
  return {
    maxConcurrent: budget.maxConcurrent,
    minTime: Math.ceil((budget.intervalMs + slackMs(budget.intervalMs)) / budget.maxRequests),
  };
}
