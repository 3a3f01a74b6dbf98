import type { KyInstance } from 'ky';
import { type AttemptContext, sendAttempt } from './attempt.js';
import type { AttemptState } from './attempt-state.js';
import { type AuthStrategy, placeAuth } from './auth.js';
import { type CallPlan, planCall } from './call-plan.js';
import { checkRequestOptions } from './check-request.js';
import { deadline } from './deadline.js';
import { AbortError } from './errors/abort-error.js';
import type { ApiError } from './errors/api-error.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { RequestValidationError } from './errors/request-validation-error.js';
import { RuleseqError } from './errors/ruleseq-error.js';
import { TimeoutError } from './errors/timeout-error.js';
import { type Hooks, runBeforeRetry } from './hooks.js';
import type { HttpErrorReaders } from './http-error.js';
import { createKyInstance } from './ky-instance.js';
import type { LevelledLogger } from './logger.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { createRedactor, type Redactor, redactUrl, sanitizeCause } from './redact.js';
import type { RequestOptions } from './request-options.js';
import { type LocalTimeReader, statedWait } from './retry-after.js';
import { type RetryPlan, withRetries } from './retry-loop.js';
import type { ResponseSchema } from './standard-schema.js';
import { MAX_TIMER_MS } from './timer.js';
import { toTypedError } from './typed-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

/** One logical API call, as a resource method describes it. */
export interface Operation<T = unknown> {
  method: HttpMethod;
  /** Relative to the base URL, or an absolute URL on the same origin (pagination links). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates the parsed 2xx body. Omitted: the body is returned as parsed. */
  schema?: ResponseSchema<T>;
  /** Text appended to the message of an error with that status (e.g. the permission a 403 means is missing). */
  hints?: Partial<Record<number, string>>;
  /** The 2xx body carries nothing the caller needs (deletes): it is not validated, and may be any text. */
  ignoreBody?: boolean;
}

/** A parsed response with what `.withResponse()` exposes. */
export interface ApiResponse<T> {
  data: T;
  /** The parsed body exactly as the server sent it, before envelope unwrapping and validation. */
  body: unknown;
  response: Response;
  requestId: string | undefined;
}

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

const DEFAULT_BACKOFF = { initialMs: 500, maxMs: 8_000 };
const NO_OPTIONS: RequestOptions = Object.freeze({});
/** Far above any documented answer (a page holds at most 100 items), far below what would strain memory. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * Sends operations: the call is planned and checked, then p-retry runs its attempts, each through the rate limiter
 * and made by ky; failures come back as typed errors with every secret redacted. Knows no vendor: each client
 * supplies auth, error-body and request-id readers.
 */
export class Transport {
  readonly config: TransportConfig;
  readonly #redact: Redactor;
  readonly #ky: KyInstance;
  readonly #attempts: AttemptContext;
  /** The retry loop's view of the client, made once: every call would otherwise build the same closures. */
  readonly #retryReaders: Pick<RetryPlan, 'serverWait' | 'onRateLimited' | 'maxRetryAfter' | 'backoff'>;

  constructor(config: TransportConfig) {
    if (!config.apiKey) throw new ConfigurationError('apiKey is required');
    this.config = config;
    const redact = createRedactor([config.apiKey]);
    this.#redact = redact;
    const serverWait = (headers: Headers) => statedWait(headers, config.readLocalTime);
    const requestIdOf = (response: Response, body: unknown) => {
      const fromHeader = response.headers.get('x-request-id') ?? undefined;
      return config.readRequestId?.(response, body) ?? fromHeader;
    };
    const readers: HttpErrorReaders = {
      redact,
      readErrorBody: config.readErrorBody,
      requestIdOf,
      serverWait,
    };
    const typedError = (error: unknown, attempt: AttemptState) => toTypedError(error, attempt, readers);
    this.#ky = createKyInstance({
      ...config,
      authHeader: placeAuth(config.auth, config.apiKey, undefined).header,
      redact,
      redactUrl: (url) => redact(redactUrl(url)),
      typedError,
    });
    this.#attempts = {
      ...config,
      ky: this.#ky,
      maxResponseBytes: config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
      maxRetryAfter: Math.min(config.maxRetryAfter, MAX_TIMER_MS),
      typedError,
      requestIdOf,
      serverWait,
      redact,
    };
    this.#retryReaders = {
      backoff: config.backoff ?? DEFAULT_BACKOFF,
      maxRetryAfter: this.#attempts.maxRetryAfter,
      serverWait: (error) => serverWait(new Headers(error.headers)),
      onRateLimited: (backoffMs) => config.rateLimiter?.pause(backoffMs),
    };
  }

  /** Redacts the API key from any text (for callers that build their own messages). */
  redact(text: string): string {
    return this.#redact(text);
  }

  async request<T>(op: Operation<T>, callOptions?: RequestOptions): Promise<ApiResponse<T>> {
    const { config } = this;
    // Most calls pass no options: nothing to check.
    const options = callOptions === undefined ? NO_OPTIONS : checkRequestOptions(callOptions);
    const totalTimeout = options.totalTimeout ?? config.totalTimeout;
    const total = totalTimeout === undefined ? undefined : deadline(totalTimeout);
    const callSignal =
      options.signal && total
        ? AbortSignal.any([options.signal, total.signal])
        : (options.signal ?? total?.signal);
    try {
      const plan = planCall(op, options, config, callSignal);
      let failed: { error: RuleseqError; request: Request | undefined } | undefined;
      return await withRetries(
        async (attemptNumber) => {
          const attempt = this.#newAttempt(plan, attemptNumber);
          if (failed && config.hooks)
            await runBeforeRetry(config.hooks, attempt, failed, this.#attempts.redact);
          const run = () => sendAttempt(this.#attempts, plan, attempt);
          try {
            return (await (config.rateLimiter
              ? config.rateLimiter.schedule(run, callSignal)
              : run())) as never;
          } catch (error) {
            if (error instanceof RuleseqError) failed = { error, request: attempt.request };
            throw error;
          }
        },
        {
          ...this.#retryReaders,
          retries: options.maxRetries ?? config.maxRetries,
          safeToRepeat: plan.safeToRepeat,
          isTransient: config.isTransient,
          signal: callSignal,
        },
      );
    } catch (error) {
      throw this.#classify(error, options.signal, total?.signal, totalTimeout);
    } finally {
      total?.clear();
    }
  }

  #newAttempt(plan: CallPlan, attempt: number): AttemptState {
    return {
      op: plan.op,
      attempt,
      callSignal: plan.callSignal,
      timeout: plan.timeout,
      started: performance.now(),
      idempotencyKey: plan.idempotencyKey,
      requestId: plan.requestId,
    };
  }

  /** The final error of a call: the caller's abort and the total budget take precedence over attempt failures. */
  #classify(
    error: unknown,
    userSignal: AbortSignal | undefined,
    totalSignal: AbortSignal | undefined,
    totalTimeout: number | undefined,
  ): unknown {
    // Input refused before anything was sent stays what it is, whatever happened to the signals meanwhile.
    if (error instanceof RequestValidationError) return error;
    if (userSignal?.aborted) return new AbortError(sanitizeCause(userSignal.reason, this.#redact));
    if (totalSignal?.aborted) return new TimeoutError('total', totalTimeout ?? 0);
    // Anything else is a typed error already, or a programming error passed through untouched.
    return error;
  }
}
