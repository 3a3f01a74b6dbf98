import type { ClientOptions } from '../core/client-options.js';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import type { RateLimitOptions } from '../core/rate-limiter.js';
import type { AuthStrategy } from './auth.js';
import { checkHooks } from './check-hooks.js';
import { checkNumber } from './check-number.js';
import { createLevelledLogger, LOG_LEVEL_ENV } from './logger.js';
import { createRateLimiter } from './rate-limit/create-rate-limiter.js';
import { MIN_SECRET_LENGTH } from './redact.js';
import type { LocalTimeReader } from './retry-after.js';
import { isBrowser, readEnv } from './runtime.js';
import { MAX_TIMER_MS } from './timer.js';
import { Transport } from './transport.js';
import type { ErrorDetails, TransportConfig } from './transport-config.js';
import { checkBaseUrl } from './url-safety.js';

/** What a vendor client tells the shared transport about its API. */
export interface VendorProfile {
  /** Used in messages: "Rule", "Sequence", … */
  name: string;
  /** Environment variable holding the key. */
  apiKeyEnv: string;
  defaultBaseUrl: string;
  /** Environment variable holding a base URL to use instead (`RULE_BASE_URL`, …); a `baseUrl` option wins. */
  baseUrlEnv: string;
  auth: AuthStrategy;
  rateLimit: Required<RateLimitOptions>;
  idempotencyHeader?: string;
  /** Why the API takes no idempotency key, when it has no `idempotencyHeader` (refusing `idempotencyKey`). */
  noIdempotencyKey?: string;
  requestIdHeader?: string;
  readErrorBody: (body: unknown, status: number) => ErrorDetails;
  readRequestId?: (response: Response, body: unknown) => string | undefined;
  /** See `TransportConfig.isTransient`. */
  isTransient?: TransportConfig['isTransient'];
  /** Reads the API's zone-less timestamps (Rule's Retry-After), when it sends any. */
  readLocalTime?: LocalTimeReader;
  /** See `TransportConfig.prepareSchema`. */
  prepareSchema?: TransportConfig['prepareSchema'];
}

/**
 * Where a client sends: the `baseUrl` option, else the profile's environment variable, else the vendor's production
 * URL. `source` names the option or variable it came from, for error messages.
 */
export function chooseBaseUrl(
  options: ClientOptions,
  profile: VendorProfile,
): { url: string; source: string } {
  const fromEnv = options.baseUrl === undefined ? readEnv(profile.baseUrlEnv) : undefined;
  return fromEnv
    ? { url: fromEnv, source: profile.baseUrlEnv }
    : { url: options.baseUrl ?? profile.defaultBaseUrl, source: 'baseUrl' };
}

/** Validates client options and builds the transport a vendor client sends through. */
export function createTransport(options: ClientOptions, profile: VendorProfile): Transport {
  if (isBrowser() && !options.dangerouslyAllowBrowser) {
    throw new ConfigurationError(
      `${profile.name} client refused to start in a browser: anyone who opens the page can read the API key. ` +
        'Call the API from your server, or pass dangerouslyAllowBrowser: true if you accept that risk.',
    );
  }
  const apiKey = options.apiKey ?? readEnv(profile.apiKeyEnv);
  if (!apiKey) {
    // A variable the runtime would not let us read may well be set: "set it" alone would send the user in circles.
    throw new ConfigurationError(
      `No API key: pass apiKey or set the ${profile.apiKeyEnv} environment variable${
        apiKey === null
          ? `, which this runtime refused to read (Deno: --allow-env=${profile.apiKeyEnv},${profile.baseUrlEnv},${LOG_LEVEL_ENV})`
          : ''
      }`,
    );
  }
  // The key becomes a header, query or body value. Anything else would fail there as a TypeError quoting it.
  if (typeof apiKey !== 'string' || !/^[\x21-\x7e]+$/.test(apiKey)) {
    throw new ConfigurationError('The API key must be printable ASCII without spaces or line breaks');
  }
  if (apiKey.length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError(
      `The API key is shorter than ${MIN_SECRET_LENGTH} characters: no real key is, and one so short could not be kept out of messages`,
    );
  }
  checkNumber('timeout', options.timeout, { min: 1 });
  checkNumber('totalTimeout', options.totalTimeout, { min: 1 });
  checkNumber('maxRetries', options.maxRetries, { integer: true });
  checkNumber('maxRetryAfter', options.maxRetryAfter);
  checkHooks(options.hooks);
  const { url, source } = chooseBaseUrl(options, profile);
  const baseUrl = checkBaseUrl(url, options.allowInsecureHttp ?? false, source);

  // The profile's readers and headers pass through as they are (TransportConfig names them alike).
  return new Transport({
    ...profile,
    baseUrl,
    apiKey,
    timeout: options.timeout ?? 30_000,
    totalTimeout: options.totalTimeout,
    maxRetries: options.maxRetries ?? 2,
    // A longer wait could not be timed anyway: setTimeout fires it at once.
    maxRetryAfter: Math.min(options.maxRetryAfter ?? 60_000, MAX_TIMER_MS),
    rateLimiter: createRateLimiter(options.rateLimit, profile.rateLimit, baseUrl.origin, apiKey),
    fetch: options.fetch,
    logger: createLevelledLogger(options.logger, options.logLevel),
    validateResponses: options.validateResponses ?? true,
    defaultHeaders: options.defaultHeaders,
    hooks: options.hooks,
    idempotencyRefusal: profile.noIdempotencyKey ?? `${profile.name} takes no idempotency key`,
  });
}
