import { apiResponse } from './api-response.js';
import { type AuthStrategy, applyAuth } from './auth.js';
import { checkJsonBody, checkQueryValue, checkRequestOptions } from './check-request.js';
import { deadline } from './deadline.js';
import { AbortError } from './errors/abort-error.js';
import { ApiError } from './errors/api-error.js';
import { ConfigurationError } from './errors/configuration-error.js';
import { ConnectionError } from './errors/connection-error.js';
import { ResponseValidationError } from './errors/response-validation-error.js';
import { RuleseqError } from './errors/ruleseq-error.js';
import { apiErrorFor, RateLimitError } from './errors/status-errors.js';
import { TimeoutError } from './errors/timeout-error.js';
import { exposedResponse } from './exposed-response.js';
import { newIdempotencyKey } from './idempotency.js';
import type { LevelledLogger } from './logger.js';
import type { RateLimiter } from './rate-limit/rate-limiter.js';
import { readBodyText } from './read-body.js';
import { createRedactor, type Redactor, redactUrl, sanitizeCause } from './redact.js';
import type { RequestOptions } from './request-options.js';
import { type LocalTimeReader, parseRetryAfter } from './retry-after.js';
import { backoffDelay, isRetryableFailure, isSafeToRepeat } from './retry-policy.js';
import { abortableSleep } from './sleep.js';
import type { ResponseSchema } from './standard-schema.js';
import { joinUrl, sameOrigin } from './url-safety.js';

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
  /** Server waits longer than this (ms) are not waited for; the error surfaces. */
  maxRetryAfter: number;
  rateLimiter: RateLimiter | undefined;
  fetch: typeof fetch | undefined;
  logger: LevelledLogger;
  validateResponses: boolean;
  defaultHeaders?: Record<string, string>;
  /** Header carrying an idempotency key on every non-GET call, for APIs that honour one. */
  idempotencyHeader?: string;
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
/** Far above any documented answer (a page holds at most 100 items), far below what would strain memory. */
const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Error bodies only feed a message and `ApiError.body`: their beginning is kept, the rest is not downloaded. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;
/** The longest delay a timer holds (about 24.8 days); anything longer means "no limit" in practice. */
const MAX_TIMER_MS = 2_147_483_647;

/** A timeout as timers accept it: whole milliseconds, within their range. */
const timerMs = (ms: number) => Math.min(Math.ceil(ms), MAX_TIMER_MS);

/** What stays fixed across the attempts of one call, plus the attempt's number for logging. */
interface AttemptContext {
  attempt: number;
  idempotencyKey: string | undefined;
  /** The operation's body as JSON, serialised once for every attempt. */
  json: string | undefined;
}

/**
 * Sends operations: rate limiter, then the retry loop, then one fetch per attempt; maps failures to
 * typed errors with every secret redacted. Knows no vendor: each client supplies auth, error-body and request-id
 * readers.
 */
export class Transport {
  readonly config: TransportConfig;
  readonly #redact: Redactor;
  readonly #backoff: { initialMs: number; maxMs: number };
  readonly #maxResponseBytes: number;

  constructor(config: TransportConfig) {
    if (!config.apiKey) throw new ConfigurationError('apiKey is required');
    this.config = config;
    this.#redact = createRedactor([config.apiKey]);
    this.#backoff = config.backoff ?? DEFAULT_BACKOFF;
    this.#maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** Redacts the API key from any text (for callers that build their own messages). */
  redact(text: string): string {
    return this.#redact(text);
  }

  async request<T>(op: Operation<T>, callOptions: RequestOptions = {}): Promise<ApiResponse<T>> {
    const { config } = this;
    const options = checkRequestOptions(callOptions);
    const json = op.body === undefined ? undefined : checkJsonBody(op.body);
    const url = this.#buildUrl(op);
    const idempotencyKey =
      config.idempotencyHeader && op.method !== 'GET'
        ? (options.idempotencyKey ?? newIdempotencyKey())
        : undefined;
    const safeToRepeat = isSafeToRepeat(op.method, idempotencyKey !== undefined);
    const totalTimeout = options.totalTimeout ?? config.totalTimeout;
    const totalDeadline = totalTimeout === undefined ? undefined : deadline(timerMs(totalTimeout));
    const totalSignal = totalDeadline?.signal;
    const signals = [options.signal, totalSignal].filter((s): s is AbortSignal => s !== undefined);
    const callSignal = signals.length > 0 ? AbortSignal.any(signals) : undefined;

    try {
      const retries = options.maxRetries ?? config.maxRetries;
      for (let attempt = 1; ; attempt++) {
        // An abort that came before this attempt (or between two) sends nothing.
        callSignal?.throwIfAborted();
        const context = { attempt, idempotencyKey, json };
        const run = () => this.#attempt(op, url, options, context, callSignal);
        try {
          return await (config.rateLimiter ? config.rateLimiter.schedule(run, callSignal) : run());
        } catch (error) {
          const backoff = backoffDelay(attempt, this.#backoff);
          if (attempt > retries || !(await this.#beforeRetry(error, safeToRepeat, backoff, callSignal))) {
            throw error;
          }
          await abortableSleep(backoff, callSignal);
        }
      }
    } catch (error) {
      throw this.#classify(error, options.signal, totalSignal, totalTimeout);
    } finally {
      totalDeadline?.clear();
    }
  }

  /** Decides on a retry and waits out whatever the server asked for beyond the backoff. */
  async #beforeRetry(
    error: unknown,
    safeToRepeat: boolean,
    backoff: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    if (!isRetryableFailure(error, safeToRepeat, this.config.isTransient)) return false;
    if (!(error instanceof ApiError)) return true;
    const serverWait = parseRetryAfter(new Headers(error.headers), Date.now, this.config.readLocalTime);
    if (serverWait === undefined) {
      if (error.status === 429) this.config.rateLimiter?.pause(backoff);
      return true;
    }
    if (serverWait > this.config.maxRetryAfter) return false;
    if (serverWait > backoff) await abortableSleep(serverWait - backoff, signal);
    return true;
  }

  /**
   * Pauses the shared limiter for a 429's wait (when the client will honour it) while the request still holds its
   * slot, so no queued request slips out before the wait is known to every request sharing the budget.
   */
  #pauseFor(error: RateLimitError): void {
    const wait = error.retryAfter;
    if (wait !== undefined && wait <= this.config.maxRetryAfter) this.config.rateLimiter?.pause(wait);
  }

  #buildUrl(op: Operation<unknown>): URL {
    const absolute = /^https?:\/\//i.test(op.path);
    const url = absolute ? new URL(op.path) : joinUrl(this.config.baseUrl, op.path);
    if (!sameOrigin(url, this.config.baseUrl)) {
      // Defence in depth: pagination already refuses foreign links before they get here.
      throw new ConfigurationError(`Refusing to send credentials to ${url.origin}`);
    }
    for (const [name, value] of Object.entries(op.query ?? {})) {
      if (value === undefined || value === null) continue;
      checkQueryValue(name, value);
      if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
      else url.searchParams.set(name, String(value));
    }
    return url;
  }

  async #attempt(
    op: Operation<unknown>,
    baseUrl: URL,
    options: RequestOptions,
    context: AttemptContext,
    callSignal: AbortSignal | undefined,
  ): Promise<ApiResponse<never>> {
    const { config } = this;
    const url = new URL(baseUrl);
    const headers = new Headers({ accept: 'application/json', ...config.defaultHeaders });
    for (const [name, value] of new Headers(options.headers)) headers.set(name, value);
    if (context.idempotencyKey && config.idempotencyHeader) {
      headers.set(config.idempotencyHeader, context.idempotencyKey);
    }
    if (options.requestId && config.requestIdHeader) headers.set(config.requestIdHeader, options.requestId);
    const body = applyAuth(config.auth, config.apiKey, { headers, url, body: op.body });
    const timeout = options.timeout ?? config.timeout;
    const attemptDeadline = deadline(timerMs(timeout));
    const attemptSignal = callSignal
      ? AbortSignal.any([attemptDeadline.signal, callSignal])
      : attemptDeadline.signal;

    const started = performance.now();
    let response: Response | undefined;
    let text: string;
    let truncated: boolean;
    // Only the network exchange maps to transport errors; a bug in a schema or reader must surface as itself.
    try {
      if (body !== undefined) headers.set('content-type', 'application/json');
      // Called unbound: browsers throw "Illegal invocation" when fetch runs with a foreign `this` (`config.fetch(…)`).
      const send = config.fetch ?? globalThis.fetch;
      response = await send(url, {
        method: op.method,
        headers,
        signal: attemptSignal,
        // Credentials must never follow a redirect; a 3xx surfaces as an ApiError instead.
        redirect: 'manual',
        // Body auth adds the key to the body; otherwise it is the operation's own, already serialised.
        ...(body === undefined ? {} : { body: body === op.body ? context.json : JSON.stringify(body) }),
      });
      const limit = response.ok ? this.#maxResponseBytes : MAX_ERROR_BODY_BYTES;
      ({ text, truncated } = await readBodyText(response, limit, attemptSignal));
    } catch (error) {
      const outcome = response ? `${response.status}, body lost` : 'no response';
      this.#logAttempt(op.method, url, outcome, started, context.attempt, undefined);
      throw this.#transportFailure(error, attemptSignal, callSignal, timeout, response !== undefined);
    } finally {
      attemptDeadline.clear();
    }
    const parsed = parseBody(text);
    const requestId = this.#requestId(response, parsed.value);
    this.#logAttempt(op.method, url, response.status, started, context.attempt, requestId);
    config.rateLimiter?.observe(response.headers);
    if (!response.ok) {
      const error = this.#httpError(op, url, response, text, requestId);
      if (error instanceof RateLimitError) this.#pauseFor(error);
      throw error;
    }
    if (truncated) {
      const message = `Body exceeds ${this.#maxResponseBytes} bytes; the rest was not downloaded`;
      throw this.#unreadableBody(op, response, text, requestId, message);
    }
    // Query auth puts the key in the request URL, which `Response.url` repeats.
    const exposed = () => exposedResponse(response, text, this.#redact(redactUrl(response.url)));
    if (op.ignoreBody) return apiResponse(undefined as never, parsed.value, requestId, exposed);
    const { data, body: raw } = await this.#parseSuccess(op, response, parsed, requestId);
    return apiResponse(data as never, raw, requestId, exposed);
  }

  #requestId(response: Response, body: unknown): string | undefined {
    const fromHeader = response.headers.get('x-request-id') ?? undefined;
    if (!this.config.readRequestId) return fromHeader;
    return this.config.readRequestId(response, body) ?? fromHeader;
  }

  async #parseSuccess(
    op: Operation<unknown>,
    response: Response,
    parsed: ParsedBody,
    requestId: string | undefined,
  ): Promise<{ data: unknown; body: unknown }> {
    const body = parsed.value;
    if (!parsed.json) {
      if (!this.config.validateResponses) return { data: body, body };
      const contentType = response.headers.get('content-type') ?? 'no content type';
      throw this.#unreadableBody(
        op,
        response,
        body as string,
        requestId,
        `Expected a JSON body, got ${contentType}`,
      );
    }
    if (!op.schema) return { data: body, body };
    const schema = this.config.prepareSchema?.(op.schema) ?? op.schema;
    const result = await schema['~standard'].validate(body);
    if (!result.issues) return { data: result.value, body };
    const error = new ResponseValidationError({
      issues: result.issues,
      body,
      status: response.status,
      requestId,
      operation: operationName(op),
      redact: this.#redact,
    });
    if (this.config.validateResponses) throw error;
    // Opted out: hand over the body as sent, and say so once per occurrence.
    this.config.logger.log('warn', error.message);
    return { data: body, body };
  }

  /** A 2xx body that cannot be parsed at all; only its redacted beginning is kept. */
  #unreadableBody(
    op: Operation<unknown>,
    response: Response,
    text: string,
    requestId: string | undefined,
    message: string,
  ): ResponseValidationError {
    return new ResponseValidationError({
      issues: [{ message }],
      // Redacted before it is cut, so a key at the cut cannot survive in part.
      body: this.#redact(text).slice(0, 2_000),
      status: response.status,
      requestId,
      operation: operationName(op),
      redact: this.#redact,
    });
  }

  #httpError(
    op: Operation<unknown>,
    url: URL,
    response: Response,
    text: string,
    requestId: string | undefined,
  ): ApiError {
    const body = parseBody(text).value;
    const details = this.config.readErrorBody(body, response.status);
    const location = response.headers.get('location');
    const hint = op.hints?.[response.status];
    const message =
      response.status >= 300 && response.status < 400
        ? `ruleseq does not follow redirects${location ? ` (to ${redactUrl(new URL(location, url))})` : ''}`
        : [details.message, hint && `(${hint})`].filter(Boolean).join(' ') || undefined;
    return apiErrorFor(
      {
        status: response.status,
        code: details.code,
        message,
        body,
        headers: this.#redactedHeaders(response.headers),
        requestId,
        method: op.method,
        url: redactUrl(url),
        redact: this.#redact,
      },
      parseRetryAfter(response.headers, Date.now, this.config.readLocalTime),
    );
  }

  /** Response headers with credentials masked: a redirect's `Location` may carry the key back. */
  #redactedHeaders(headers: Headers): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [name, value] of headers)
      out[name] = this.#redact(name === 'location' ? redactUrl(value) : value);
    return out;
  }

  /** Turns a fetch failure into ConnectionError, TimeoutError or AbortError. */
  #transportFailure(
    error: unknown,
    attemptSignal: AbortSignal,
    callSignal: AbortSignal | undefined,
    timeout: number,
    gotHeaders: boolean,
  ): RuleseqError {
    if (callSignal?.aborted) return new AbortError(); // refined by #classify once the loop ends
    if (attemptSignal.aborted) return new TimeoutError('attempt', timeout);
    const refused = !gotHeaders && hasCode(error, 'ECONNREFUSED');
    const detail = describe(error);
    return new ConnectionError(
      this.#redact(
        gotHeaders ? `Connection lost while reading the response: ${detail}` : `Connection failed: ${detail}`,
      ),
      { refused, cause: sanitizeCause(error, this.#redact) },
    );
  }

  /** The final error of a call: the caller's abort and the total budget take precedence over attempt failures. */
  #classify(
    error: unknown,
    userSignal: AbortSignal | undefined,
    totalSignal: AbortSignal | undefined,
    totalTimeout: number | undefined,
  ): RuleseqError {
    if (userSignal?.aborted) return new AbortError(sanitizeCause(userSignal.reason, this.#redact));
    if (totalSignal?.aborted) return new TimeoutError('total', totalTimeout ?? 0);
    if (error instanceof RuleseqError) return error;
    // Not an API or network outcome: a programming error, passed through untouched.
    throw error;
  }

  #logAttempt(
    method: string,
    url: URL,
    /** The status, or what went wrong instead of a complete response. */
    outcome: number | string,
    started: number,
    attempt: number,
    requestId: string | undefined,
  ): void {
    const logger = this.config.logger;
    const failed = typeof outcome === 'string' || outcome >= 400;
    const level = failed ? 'info' : 'debug';
    if (!logger.enabled(level)) return;
    const ms = Math.round(performance.now() - started);
    logger.log(
      level,
      this.#redact(
        `${method} ${redactUrl(url)} -> ${outcome} in ${ms} ms (attempt ${attempt}${requestId ? `, request id ${requestId}` : ''})`,
      ),
    );
  }
}

/** `GET subscribers/{id}` style name for messages, without the query. */
function operationName(op: Operation<unknown>): string {
  return `${op.method} ${op.path.replace(/\?.*$/, '')}`;
}

/** A body parsed once: its JSON value (`undefined` when empty), or the text itself when it is not JSON. */
interface ParsedBody {
  value: unknown;
  json: boolean;
}

function parseBody(text: string): ParsedBody {
  if (text === '') return { value: undefined, json: true };
  try {
    return { value: JSON.parse(text), json: true };
  } catch {
    return { value: text, json: false };
  }
}

function hasCode(error: unknown, code: string): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === code) return true;
    if (Array.isArray((e as { errors?: unknown }).errors)) {
      if ((e as { errors: unknown[] }).errors.some((inner) => hasCode(inner, code))) return true;
    }
  }
  return false;
}

function describe(error: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    const message = e instanceof Error ? e.message : String(e);
    parts.push(typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message);
  }
  return parts.join(': ') || 'unknown error';
}
