import type { RateLimiterFactory, RateLimitScope } from '../core/rate-limiter.js';
import { resolveBudget } from '../internal/rate-limit/create-rate-limiter.js';
import { ClusteredRateLimiter } from './clustered-rate-limiter.js';
import { RedisLink } from './redis-link.js';
import { checkRedisRateLimitOptions, type RedisRateLimitOptions } from './redis-rate-limit-options.js';

/** A `rateLimit` value that shares each API key's budget with every process using the same Redis. */
export interface RedisRateLimit extends RateLimiterFactory {
  /** Leaves the shared limiters and closes the Redis clients ruleseq opened (not a `client` you passed). */
  close(): Promise<void>;
}

/**
 * Shares one API key's budget across processes (workers, serverless instances) through Redis: pass the result as
 * `rateLimit` to every client. All processes with the same API, key and budget stay together under the budget,
 * at most `maxConcurrent` requests are in flight across all of them, and a 429 seen by one pauses all. Nothing
 * connects until the first call; bad options throw `ConfigurationError` here.
 *
 * @example
 * const shared = redisRateLimit({ url: process.env.REDIS_URL });
 * const rule = new RuleClient({ rateLimit: shared });
 * // … on shutdown:
 * await shared.close();
 */
export function redisRateLimit(options: RedisRateLimitOptions): RedisRateLimit {
  const settings = checkRedisRateLimitOptions(options);
  const link = new RedisLink(settings.target);
  const limiters: ClusteredRateLimiter[] = [];
  return {
    createRateLimiter(scope: RateLimitScope) {
      const limiter = new ClusteredRateLimiter(link, {
        scopeId: scope.id,
        budget: resolveBudget(scope.budget, settings.budget),
        expiration: settings.expiration,
        connectTimeout: settings.connectTimeout,
      });
      limiters.push(limiter);
      return limiter;
    },
    async close() {
      await Promise.all(limiters.map((limiter) => limiter.close()));
      await link.close();
    },
  };
}
