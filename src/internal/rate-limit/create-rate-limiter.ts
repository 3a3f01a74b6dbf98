import { ConfigurationError } from '../../core/errors/configuration-error.js';
import {
  isBottleneck,
  isRateLimiter,
  isRateLimiterFactory,
  RATE_LIMIT_OPTION_NAMES,
  type RateLimiter,
  type RateLimiterFactory,
  type RateLimitOptions,
  type RateLimitSetting,
} from '../../core/rate-limiter.js';
import { checkKnownKeys, checkNumber } from '../check-number.js';
import { BottleneckRateLimiter } from './bottleneck-rate-limiter.js';
import { BudgetRateLimiter } from './budget-rate-limiter.js';
import { rateLimitScopeId } from './scope-id.js';

/** One limiter per (API, key, budget) in this process, so every client built with the same key shares a budget. */
const shared = new Map<string, RateLimiter>();
/** The same for limiters a factory made: one per (factory, API, key). */
const madeBy = new WeakMap<RateLimiterFactory, Map<string, RateLimiter>>();

function fromFactory(
  factory: RateLimiterFactory,
  budget: Required<RateLimitOptions>,
  scope: string,
  apiKey: string,
): RateLimiter {
  let made = madeBy.get(factory);
  if (!made) {
    made = new Map();
    madeBy.set(factory, made);
  }
  const key = `${scope}|${fingerprint(apiKey)}`;
  let limiter = made.get(key);
  if (!limiter) {
    const id = rateLimitScopeId(scope, apiKey);
    id.catch(() => {}); // surfaces where the factory awaits it; never as an unhandled rejection
    limiter = factory.createRateLimiter({ id, budget });
    made.set(key, limiter);
  }
  return limiter;
}

/** FNV-1a: keys the registry without holding the API key itself in memory. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(36) + text.length.toString(36);
}

/** Checks budget options (`rateLimit: { … }`, or a factory's own overrides); throws `ConfigurationError`. */
export function checkRateLimitOptions(name: string, options: RateLimitOptions): void {
  // The default limiter keeps one refill time per request of the window; a million is far above any vendor's budget.
  checkNumber(`${name}.maxRequests`, options.maxRequests, { integer: true, min: 1, max: 1_000_000 });
  checkNumber(`${name}.intervalMs`, options.intervalMs, { min: 1 });
  checkNumber(`${name}.maxConcurrent`, options.maxConcurrent, { integer: true, min: 1 });
}

/** The budget with each override that is set (an `undefined` one keeps the default instead of lifting the limit). */
export function resolveBudget(
  defaults: Required<RateLimitOptions>,
  overrides: RateLimitOptions,
): Required<RateLimitOptions> {
  return {
    maxRequests: overrides.maxRequests ?? defaults.maxRequests,
    intervalMs: overrides.intervalMs ?? defaults.intervalMs,
    maxConcurrent: overrides.maxConcurrent ?? defaults.maxConcurrent,
  };
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
  if (isRateLimiterFactory(setting)) return fromFactory(setting, defaults, scope, apiKey);
  if (setting !== undefined && (typeof setting !== 'object' || setting === null)) {
    throw new ConfigurationError(
      'rateLimit must be budget options, a RateLimiter, a Bottleneck, a limiter factory or false',
    );
  }
  // An unknown key is refused: `{ redis: … }` or a misspelt option must not quietly give a local limiter.
  checkKnownKeys('rateLimit', setting ?? {}, RATE_LIMIT_OPTION_NAMES);
  checkRateLimitOptions('rateLimit', setting ?? {});
  const options = resolveBudget(defaults, setting ?? {});
  const id = `${scope}|${fingerprint(apiKey)}|${options.maxRequests}/${options.intervalMs}/${options.maxConcurrent}`;
  let limiter = shared.get(id);
  if (!limiter) {
    limiter = new BudgetRateLimiter(options);
    shared.set(id, limiter);
  }
  return limiter;
}
