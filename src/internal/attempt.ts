import type { KyInstance } from 'ky';
import type { ApiResponse } from '../core/api-promise.js';
import { ApiError } from '../core/errors/api-error.js';
import { RateLimitError } from '../core/errors/status-errors.js';
import type { RateLimiter } from '../core/rate-limiter.js';
import { apiResponse } from './api-response.js';
import { logAttempt } from './attempt-log.js';
import { ATTEMPT, type AttemptState } from './attempt-state.js';
import type { CallPlan } from './call-plan.js';
import { deadline } from './deadline.js';
import { exposedResponse } from './exposed-response.js';
import { type ErrorBodyReader, READ_ERROR_BODY } from './fetch-hand-off.js';
import { parseBody } from './parse-body.js';
import { parseSuccess, type SuccessReaders, unreadableBody } from './parse-success.js';
import { type BodyText, readBodyText } from './read-body.js';
import { redactBodyText, redactUrl, redactValue } from './redact.js';
import { markTransportFailure } from './transport-failure.js';

/** Error bodies only feed a message and `ApiError.body`: their beginning is kept, the rest is not downloaded. */
const MAX_ERROR_BODY_BYTES = 1024 * 1024;

/** What an attempt needs from its transport. */
export interface AttemptContext extends SuccessReaders {
  ky: KyInstance;
  rateLimiter: RateLimiter | undefined;
  maxResponseBytes: number;
  maxRetryAfter: number;
  typedError: (error: unknown, attempt: AttemptState) => unknown;
  requestIdOf: (response: Response, body: unknown) => string | undefined;
  serverWait: (headers: Headers) => number | undefined;
}

/**
 * One HTTP attempt of a call: ky sends it, the body is read within the attempt's timeout and size limits, the
 * limiter learns from the answer, and the outcome is an `ApiResponse` or a typed error. Logs one line.
 */
export async function sendAttempt(
  context: AttemptContext,
  plan: CallPlan,
  attempt: AttemptState,
): Promise<ApiResponse<never>> {
  // The timeout is the exchange's, not the time spent in the limiter's queue.
  attempt.started = performance.now();
  let response: Response;
  let body: BodyText;
  try {
    const readErrorBody = errorBodyReader(attempt);
    response = await context.ky(plan.input, {
      ...plan.kyOptions,
      context: { [ATTEMPT]: attempt },
      [READ_ERROR_BODY]: readErrorBody,
    } as Parameters<KyInstance>[1]);
    attempt.response = response;
    body = await readWithinAttempt(attempt, response, context.maxResponseBytes);
  } catch (error) {
    throw afterFailure(context, attempt, context.typedError(error, attempt));
  }
  const parsed = parseBody(body.text);
  // A server may echo the key in a successful answer too (Rule's next-page links carry `apikey=` under query auth):
  // nothing handed over holds it. One search of the text when it does not; the value is masked after parsing, so
  // a key of digits never turns a number into invalid JSON.
  const holdsKey = context.redact(body.text) !== body.text;
  if (holdsKey) parsed.value = redactValue(parsed.value, context.redact, true);
  const requestId = context.requestIdOf(response, parsed.value);
  log(context, attempt, response.status, requestId);
  context.rateLimiter?.observe(response.headers, waitWithinCap(context, response.headers));
  const source = { op: plan.op, response, requestId };
  if (body.truncated) {
    const message = `Body exceeds ${context.maxResponseBytes} bytes; the rest was not downloaded`;
    throw unreadableBody(source, body.text, message, context.redact);
  }
  // Query auth puts the key in the request URL, which `Response.url` repeats. The text is masked only when read.
  const exposed = () =>
    exposedResponse(
      response,
      holdsKey ? redactBodyText(body.text, parsed.json, context.redact) : body.text,
      context.redact(redactUrl(response.url)),
    );
  if (plan.op.ignoreBody) return apiResponse(undefined as never, parsed.value, requestId, exposed);
  const { data, body: raw } = await parseSuccess(source, parsed, context);
  return apiResponse(data as never, raw, requestId, exposed);
}

/**
 * The reader ky's fetch hand-off calls for an error status's body. Made apart from `sendAttempt`, so that the closure
 * ky holds on to shares no scope with the answer: closures made in one function share its variables, and this one
 * would keep every call's body text alive through young-generation collections (measured: a third of each call's
 * allocations survived them, ~100 µs of collection per 100-subscriber page).
 */
function errorBodyReader(attempt: AttemptState): ErrorBodyReader {
  return async (errorResponse) => {
    attempt.response = errorResponse;
    return (await readWithinAttempt(attempt, errorResponse, MAX_ERROR_BODY_BYTES)).text;
  };
}

/**
 * Reads a body within what is left of the attempt's timeout (ky's `timeout` bounds the wait for headers; the body
 * gets the rest of the same budget) and the caller's signal.
 */
async function readWithinAttempt(
  attempt: AttemptState,
  response: Response,
  maxBytes: number,
): Promise<BodyText> {
  const limit = deadline(Math.max(1, attempt.timeout - (performance.now() - attempt.started)));
  const signal = attempt.callSignal ? AbortSignal.any([limit.signal, attempt.callSignal]) : limit.signal;
  try {
    return await readBodyText(response, maxBytes, signal);
  } catch (error) {
    if (limit.signal.aborted) attempt.bodyTimedOut = true;
    throw markTransportFailure(error);
  } finally {
    limit.clear();
  }
}

/** Logs a failed attempt and lets the limiter learn from its answer; a 429 pauses it before the slot is freed. */
function afterFailure(context: AttemptContext, attempt: AttemptState, error: unknown): unknown {
  const { response } = attempt;
  if (error instanceof ApiError) {
    log(context, attempt, error.status, error.requestId);
    if (response) context.rateLimiter?.observe(response.headers, waitWithinCap(context, response.headers));
    const wait = error instanceof RateLimitError ? error.retryAfter : undefined;
    if (wait !== undefined && wait <= context.maxRetryAfter) context.rateLimiter?.pause(wait);
  } else {
    log(context, attempt, response ? `${response.status}, body lost` : 'no response', undefined);
  }
  return error;
}

/** A stated wait, as far as the limiter may hold calls for it: never longer than the client would wait itself. */
function waitWithinCap(context: AttemptContext, headers: Headers): number | undefined {
  if (!context.rateLimiter) return undefined;
  const wait = context.serverWait(headers);
  return wait === undefined ? undefined : Math.min(wait, context.maxRetryAfter);
}

function log(
  context: AttemptContext,
  attempt: AttemptState,
  outcome: number | string,
  requestId: string | undefined,
): void {
  logAttempt(context.logger, context.redact, {
    method: attempt.op.method,
    url: attempt.request?.url ?? attempt.op.path,
    outcome,
    started: attempt.started,
    attempt: attempt.attempt,
    requestId,
  });
}
