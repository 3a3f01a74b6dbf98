import { BottleneckRateLimiter } from './bottleneck-rate-limiter.js';
import {
  isBottleneck,
  isRateLimiter,
  type RateLimiter,
  type RateLimitOptions,
  type RateLimitSetting,
} from './rate-limiter.js';
import { WindowRateLimiter } from './window-rate-limiter.js';

/** One limiter per (API, key, budget) in this process, so every client built with the same key shares a budget. */
const shared = new Map<string, RateLimiter>();

/** FNV-1a: keys the registry without holding the API key itself in memory. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36) + text.length.toString(36);
}

/**
 * Resolves `ClientOptions.rateLimit`. `scope` names the API (its base URL) so that two APIs never share a budget.
 */
export function createRateLimiter(
  setting: RateLimitSetting | undefined,
  defaults: Required<RateLimitOptions>,
  scope: string,
  apiKey: string,
): RateLimiter | undefined {
  if (setting === false) return undefined;
  if (isRateLimiter(setting)) return setting;
  if (isBottleneck(setting)) return new BottleneckRateLimiter(setting);
  const options = { ...defaults, ...setting };
  const id = `${scope}|${fingerprint(apiKey)}|${options.maxRequests}/${options.intervalMs}/${options.maxConcurrent}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new WindowRateLimiter(options);
    shared.set(id, limiter);
  }
  return limiter;
}
