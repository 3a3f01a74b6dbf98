import type { HTTPError } from 'ky';
import type { ApiError } from '../core/errors/api-error.js';
import { apiErrorFor } from '../core/errors/status-errors.js';
import type { Operation } from './operation.js';
import { isJsonContentType, parseBody } from './parse-body.js';
import { type Redactor, redactUrl } from './redact.js';
import type { ErrorDetails } from './transport-config.js';

/** What turning an error status into an `ApiError` needs from the client. */
export interface HttpErrorReaders {
  redact: Redactor;
  readErrorBody: (body: unknown, status: number) => ErrorDetails;
  requestIdOf: (response: Response, body: unknown) => string | undefined;
  /** The wait the response states, in ms. */
  serverWait: (headers: Headers) => number | undefined;
}

/**
 * ky's `HTTPError` as the SDK's `ApiError` subclass for its status; the error masks every secret in what it keeps
 * (the URL, the message, the body, the headers, the request id).
 */
export function apiErrorFromHttp(
  error: HTTPError,
  op: Operation<unknown>,
  readers: HttpErrorReaders,
): ApiError {
  const { response, request } = error;
  const { redact } = readers;
  // JSON-typed bodies arrive parsed (see the ky instance's `parseJson`); anything else as the text, which is JSON
  // often enough.
  const body =
    typeof error.data === 'string' && !isJsonContentType(response.headers.get('content-type'))
      ? parseBody(error.data).value
      : error.data;
  const details = readers.readErrorBody(body, response.status);
  const hintFor = op.hints?.[response.status];
  const hint = typeof hintFor === 'function' ? hintFor(details.code) : hintFor;
  const message =
    response.status >= 300 && response.status < 400
      ? `ruleseq does not follow redirects${redirectTarget(response.headers.get('location'), request.url)}`
      : [details.message, hint && `(${hint})`].filter(Boolean).join(' ') || undefined;
  return apiErrorFor(
    {
      status: response.status,
      code: details.code,
      message,
      body,
      headers: redactedHeaders(response.headers),
      requestId: readers.requestIdOf(response, body),
      method: request.method,
      url: redactUrl(request.url),
      redact,
    },
    readers.serverWait(response.headers),
  );
}

/** ` (to <where>)`, credentials masked; a `Location` that is no URL at all is quoted as text, never parsed twice. */
function redirectTarget(location: string | null, requestUrl: string): string {
  if (!location) return '';
  let target: string;
  try {
    target = redactUrl(new URL(location, requestUrl));
  } catch {
    target = JSON.stringify(redactUrl(location));
  }
  return ` (to ${target})`;
}

/** Response headers with credential parameters masked: a redirect's `Location` may carry the key back. */
function redactedHeaders(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) out[name] = name === 'location' ? redactUrl(value) : value;
  return out;
}
