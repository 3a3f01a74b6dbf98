import type { Options as KyOptions } from 'ky';
import { RequestValidationError } from '../core/errors/request-validation-error.js';
import type { RequestOptions } from '../core/request-options.js';
import { authNames, placeAuth } from './auth.js';
import { newIdempotencyKey } from './idempotency.js';
import type { Operation } from './operation.js';
import { bodyWithExtras, jsonPayload } from './request-body.js';
import { requestTarget } from './request-target.js';
import { isSafeToRepeat } from './retry-policy.js';
import { timerMs } from './timer.js';
import type { TransportConfig } from './transport-config.js';

/** Everything about a call that stays the same on every attempt, checked before anything is sent. */
export interface CallPlan {
  op: Operation<unknown>;
  /** ky's input: a path under the base URL, or an absolute same-origin URL. */
  input: string | URL;
  /** ky's options for each attempt (method, query, body, headers, timeout, signal). */
  kyOptions: KyOptions;
  idempotencyKey: string | undefined;
  requestId: string | undefined;
  safeToRepeat: boolean;
  timeout: number;
  callSignal: AbortSignal | undefined;
}

/** An API without an idempotency header refuses a key rather than drop it silently. */
export function refuseUnusableKey(options: RequestOptions, config: TransportConfig): void {
  if (options.idempotencyKey !== undefined && !config.idempotencyHeader) {
    throw new RequestValidationError(
      [
        {
          message: config.idempotencyRefusal ?? 'this API takes no idempotency key',
          path: ['idempotencyKey'],
        },
      ],
      'options',
    );
  }
}

/** Plans a call; invalid input throws `RequestValidationError` and nothing is sent. */
export function planCall(
  op: Operation<unknown>,
  options: RequestOptions,
  config: TransportConfig,
  callSignal: AbortSignal | undefined,
): CallPlan {
  refuseUnusableKey(options, config);
  const names = authNames(config.auth);
  const body = bodyWithExtras(op, options.extraBody, names.body);
  const auth = placeAuth(config.auth, config.apiKey, body);
  const payload = jsonPayload(auth.body ?? body);
  const { input, searchParams } = requestTarget(op, config.baseUrl, options.extraQuery, names.query);
  if (auth.query) {
    // The key replaces a parameter of the same name (say, in a raw request's query): it is sent once, as the client's.
    const [name, key] = auth.query;
    searchParams.splice(0, searchParams.length, ...searchParams.filter(([param]) => param !== name), [
      name,
      key,
    ]);
  }
  const idempotencyKey =
    config.idempotencyHeader && op.method !== 'GET'
      ? (options.idempotencyKey ?? newIdempotencyKey())
      : undefined;
  const timeout = options.timeout ?? config.timeout;
  return {
    op,
    input,
    kyOptions: {
      method: op.method,
      // ky refuses a timeout longer than a timer holds; the client's own is ky's default already.
      ...(options.timeout === undefined ? {} : { timeout: timerMs(timeout) }),
      ...(callSignal ? { signal: callSignal } : {}),
      ...(searchParams.length > 0 ? { searchParams } : {}),
      // Serialised once per call (checkJsonBody); ky sets the content type and sends this text on every attempt.
      ...(payload ? { json: payload.json, stringifyJson: () => payload.text } : {}),
      ...(options.headers || options.extraHeaders ? { headers: callHeaders(options) } : {}),
    },
    idempotencyKey,
    requestId: config.requestIdHeader ? options.requestId : undefined,
    safeToRepeat: isSafeToRepeat(op.method, idempotencyKey !== undefined),
    timeout,
    callSignal,
  };
}

/** `headers`, then `extraHeaders` over them. The SDK's own (auth, idempotency, request id) are set after both. */
function callHeaders(options: RequestOptions): Headers {
  const headers = new Headers(options.headers);
  for (const [name, value] of new Headers(options.extraHeaders)) headers.set(name, value);
  return headers;
}
