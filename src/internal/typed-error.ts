import { HTTPError, TimeoutError as KyTimeoutError, NetworkError } from 'ky';
import { AbortError } from '../core/errors/abort-error.js';
import { ConnectionError } from '../core/errors/connection-error.js';
import { RuleseqError } from '../core/errors/ruleseq-error.js';
import { TimeoutError } from '../core/errors/timeout-error.js';
import type { AttemptState } from './attempt-state.js';
import { apiErrorFromHttp, type HttpErrorReaders } from './http-error.js';
import { sanitizeCause } from './redact.js';
import { isTransportFailure } from './transport-failure.js';

/**
 * What an attempt failed with, as the SDK's typed error: ky's `HTTPError` as an `ApiError`, its `TimeoutError` (or a
 * body that outlasted the attempt) as `TimeoutError`, its `NetworkError` and any other broken exchange as
 * `ConnectionError`, the caller's abort as `AbortError`. ky's own errors never leave: they hold the `Request`, whose
 * URL and headers may carry the key. Anything else (a bug, an exception from a user's hook: only fetch's own
 * failures are marked as the exchange's) passes through as is.
 */
export function toTypedError(error: unknown, attempt: AttemptState, readers: HttpErrorReaders): unknown {
  if (error instanceof RuleseqError) return error;
  // Refined once the call ends: the caller's abort and the total budget are told apart there.
  if (attempt.callSignal?.aborted) return new AbortError();
  if (error instanceof HTTPError) return apiErrorFromHttp(error, attempt.op, readers);
  if (error instanceof KyTimeoutError || attempt.bodyTimedOut)
    return new TimeoutError('attempt', attempt.timeout);
  if (error instanceof NetworkError || isTransportFailure(error)) {
    const cause = error instanceof NetworkError ? error.cause : error;
    const gotHeaders = attempt.response !== undefined;
    const detail = describe(cause);
    return new ConnectionError(
      readers.redact(
        gotHeaders ? `Connection lost while reading the response: ${detail}` : `Connection failed: ${detail}`,
      ),
      { refused: !gotHeaders && hasCode(cause, 'ECONNREFUSED'), cause: sanitizeCause(cause, readers.redact) },
    );
  }
  return error;
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
