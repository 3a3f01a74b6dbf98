import type { KyInstance } from 'ky';
import type { ApiResponse } from '../core/api-promise.js';
import { AbortError } from '../core/errors/abort-error.js';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import { RequestValidationError } from '../core/errors/request-validation-error.js';
import { RuleseqError } from '../core/errors/ruleseq-error.js';
import { TimeoutError } from '../core/errors/timeout-error.js';
import type { RequestOptions } from '../core/request-options.js';
import { type AttemptContext, sendAttempt } from './attempt.js';
import type { AttemptState } from './attempt-state.js';
import { placeAuth } from './auth.js';
import { type CallPlan, planCall, refuseUnusableKey } from './call-plan.js';
import { checkRequestOptions } from './check-request.js';
import { deadline } from './deadline.js';
import type { HttpErrorReaders } from './http-error.js';
import { runBeforeRetry } from './ky-hooks.js';
import { createKyInstance } from './ky-instance.js';
import type { Operation } from './operation.js';
import { createRedactor, type Redactor, redactUrl, sanitizeCause } from './redact.js';
import { statedWait } from './retry-after.js';
import { type RetryPlan, withRetries } from './retry-loop.js';
import { mayHaveApplied } from './retry-policy.js';
import { MAX_TIMER_MS } from './timer.js';
import type { TransportConfig } from './transport-config.js';
import { toTypedError } from './typed-error.js';
import { reportUndocumentedAnswer } from './undocumented-answer.js';

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
    // A server may echo anything there, the key included: the id reaches errors, logs and results.
    const requestIdOf = (response: Response, body: unknown) =>
      redact(config.readRequestId?.(response, body) ?? response.headers.get('x-request-id') ?? '') ||
      undefined;
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
      warned: new Set(),
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

  /** Reports a write whose 2xx answer is not the documented shape: a warning once per `operation`, debug after. */
  reportUndocumentedAnswer(operation: unknown, name: string, body: unknown): void {
    reportUndocumentedAnswer(this.#attempts, operation, name, body);
  }

  /**
   * Checks per-call options as every call of this transport would, for a method that fans out into many calls and
   * must refuse bad options before the first (instead of reporting each call failed).
   */
  checkOptions(options: unknown): RequestOptions {
    const checked = checkRequestOptions(options);
    refuseUnusableKey(checked, this.config);
    return checked;
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
    // The key of a write whose attempt may have been applied (see `mayHaveApplied`).
    let unsure: string | undefined;
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
            if (attempt.request && mayHaveApplied(error, config.isTransient)) unsure = plan.idempotencyKey;
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
      const final = this.#classify(error, options.signal, total?.signal, totalTimeout);
      // A keyed write that may have gone through: the caller needs its key to retry without writing twice.
      if (unsure && final instanceof RuleseqError) {
        final.message += this.#redact(` (outcome unknown; retry with idempotencyKey "${unsure}")`);
        (final as { idempotencyKey: string }).idempotencyKey = unsure;
      }
      throw final;
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
