import type { ApiError } from '../core/errors/api-error.js';
import type { Hooks } from '../core/hooks.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import type { AuthStrategy } from './auth.js';
import type { LevelledLogger } from './logger.js';
import type { LocalTimeReader } from './retry-after.js';
import type { ResponseSchema } from './standard-schema.js';

/** What a vendor's error body says, in a vendor-neutral shape. */
export interface ErrorDetails {
  code?: string | undefined;
  message?: string | undefined;
}

export interface TransportConfig {
  baseUrl: URL;
  apiKey: string;
  auth: AuthStrategy;
  timeout: number;
  totalTimeout: number | undefined;
  maxRetries: number;
  /** Server waits longer than this (ms) are not waited for; the error surfaces. Capped at what a timer holds. */
  maxRetryAfter: number;
  rateLimiter: RateLimiter | undefined;
  fetch: typeof fetch | undefined;
  logger: LevelledLogger;
  validateResponses: boolean;
  defaultHeaders?: Record<string, string>;
  /** The user's hooks (`ClientOptions.hooks`), run by ky for every attempt. */
  hooks?: Hooks;
  /** Header carrying an idempotency key on every non-GET call, for APIs that honour one. */
  idempotencyHeader?: string;
  /** Why an API without an idempotency header refuses `RequestOptions.idempotencyKey` (the error's message). */
  idempotencyRefusal?: string;
  /** Header carrying `RequestOptions.requestId`. */
  requestIdHeader?: string;
  readErrorBody: (body: unknown, status: number) => ErrorDetails;
  readRequestId?: (response: Response, body: unknown) => string | undefined;
  /** Answers the API documents as "retry shortly" (Sequence Platform's 409 `*_IN_PROGRESS`), retried like a 503. */
  isTransient?: (error: ApiError) => boolean;
  /** Reads the API's zone-less Retry-After timestamps; without it only seconds and HTTP-dates are understood. */
  readLocalTime?: LocalTimeReader;
  /** Swaps a response schema for an equivalent, faster one before it validates (a vendor's compiled schemas). */
  prepareSchema?: <T>(schema: ResponseSchema<T>) => ResponseSchema<T>;
  /** Exponential backoff bounds in ms. */
  backoff?: { initialMs: number; maxMs: number };
  /** A 2xx body longer than this is refused with a `ResponseValidationError`. Default 32 MiB. */
  maxResponseBytes?: number;
}
