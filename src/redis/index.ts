/**
 * `ruleseq/redis`: many processes share one API key's budget through Redis (Node; needs the `ioredis` package).
 *
 * @example
 * import { RuleClient } from 'ruleseq/rule';
 * import { redisRateLimit } from 'ruleseq/redis';
 *
 * const shared = redisRateLimit({ url: process.env.REDIS_URL });
 * const rule = new RuleClient({ apiKey: process.env.RULE_API_KEY, rateLimit: shared });
 */
export type {
  RateLimiterFactory,
  RateLimitOptions,
  RateLimitScope,
} from '../core/rate-limiter.js';
export { type RedisRateLimit, redisRateLimit } from './redis-rate-limit.js';
export type { RedisRateLimitOptions } from './redis-rate-limit-options.js';
