import type { Cluster, Redis } from 'ioredis';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import type { RateLimitOptions } from '../core/rate-limiter.js';
import { checkKnownKeys, checkNumber } from '../internal/check-number.js';
import { checkRateLimitOptions } from '../internal/rate-limit/create-rate-limiter.js';
import { MIN_SECRET_LENGTH, redactUrl } from '../internal/redact.js';

/**
 * Options of `redisRateLimit()`: where Redis is (`url` or `client`), and optionally a budget other than the
 * vendor's documented one (`maxRequests` per `intervalMs`, `maxConcurrent` in flight across all processes).
 */
export interface RedisRateLimitOptions extends RateLimitOptions {
  /**
   * `redis://[user:password@]host[:port][/db]`, or `rediss://…` for TLS. ruleseq opens its own ioredis clients
   * (on the first call, not before) and `close()` closes them.
   */
  url?: string | undefined;
  /** Your own ioredis `Redis` or `Cluster` client, instead of `url`. Used as it is; `close()` leaves it open. */
  client?: Redis | Cluster | undefined;
  /**
   * How long (ms) one request may hold a slot of the shared budget before the cluster takes it back, so a
   * process that crashes strands nothing. Default 60 000. The call itself still completes with its own outcome.
   */
  expiration?: number | undefined;
  /** How long (ms) a call waits for Redis to answer before it fails with `ConnectionError`. Default 10 000. */
  connectTimeout?: number | undefined;
}

/** Where Redis is: a URL ruleseq connects to, or a client the caller owns. */
export type RedisTarget = { url: string } | { client: Redis | Cluster };

export interface RedisRateLimitSettings {
  target: RedisTarget;
  budget: RateLimitOptions;
  expiration: number;
  connectTimeout: number;
}

const OPTION_NAMES = [
  'url',
  'client',
  'maxRequests',
  'intervalMs',
  'maxConcurrent',
  'expiration',
  'connectTimeout',
] as const;

function checkTarget(url: unknown, client: unknown): RedisTarget {
  if ((url === undefined) === (client === undefined)) {
    throw new ConfigurationError('redisRateLimit needs exactly one of url and client');
  }
  if (client !== undefined) {
    if (typeof (client as Partial<Redis> | null)?.duplicate !== 'function') {
      throw new ConfigurationError('redisRateLimit: client must be an ioredis Redis or Cluster client');
    }
    return { client: client as Redis | Cluster };
  }
  let parsed: URL | undefined;
  try {
    parsed = typeof url === 'string' ? new URL(url) : undefined;
  } catch {
    // The text may hold a password: it is not repeated.
  }
  if (!parsed) throw new ConfigurationError('redisRateLimit: url is not a valid URL');
  if (parsed.protocol !== 'redis:' && parsed.protocol !== 'rediss:') {
    throw new ConfigurationError(
      `redisRateLimit: url must start with redis:// or rediss://, got ${redactUrl(parsed)}`,
    );
  }
  if (!decodes(parsed.username) || !decodes(parsed.password)) {
    // ioredis decodes both and would throw a URIError on the first call; neither is repeated here.
    throw new ConfigurationError(
      "redisRateLimit: the url's user name or password is not valid percent-encoding (write % as %25)",
    );
  }
  if (parsed.password && decodeURIComponent(parsed.password).length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError(
      `redisRateLimit: the url's password is shorter than ${MIN_SECRET_LENGTH} characters, too short to be kept out of messages`,
    );
  }
  return { url: url as string };
}

function decodes(text: string): boolean {
  try {
    decodeURIComponent(text);
    return true;
  } catch {
    return false;
  }
}

/** Checks `redisRateLimit()` options before anything connects; throws `ConfigurationError`. */
export function checkRedisRateLimitOptions(options: RedisRateLimitOptions): RedisRateLimitSettings {
  if (typeof options !== 'object' || options === null) {
    throw new ConfigurationError('redisRateLimit needs options: { url } or { client }');
  }
  checkKnownKeys('redisRateLimit', options, OPTION_NAMES);
  const { url, client, maxRequests, intervalMs, maxConcurrent, expiration, connectTimeout } = options;
  const target = checkTarget(url, client);
  const budget = { maxRequests, intervalMs, maxConcurrent };
  checkRateLimitOptions('redisRateLimit', budget);
  checkNumber('redisRateLimit.expiration', expiration, { min: 1 });
  checkNumber('redisRateLimit.connectTimeout', connectTimeout, { min: 1 });
  return { target, budget, expiration: expiration ?? 60_000, connectTimeout: connectTimeout ?? 10_000 };
}
