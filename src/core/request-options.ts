import type { QueryValue } from './raw-request.js';

/** Per-call options, accepted as the last argument of every method. */
export interface RequestOptions {
  /** Cancels the call, including any wait in the rate limiter and between retries. Rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms (overrides the client's). */
  timeout?: number | undefined;
  /** Budget for the whole call, rate-limiter queue, retries and waits included, in ms. */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt (overrides the client's). */
  maxRetries?: number | undefined;
  /**
   * Your own idempotency key, for APIs that honour one (Sequence); otherwise one is generated per call. An API
   * without idempotency keys (Rule, iCloudReady) refuses it with `RequestValidationError`.
   */
  idempotencyKey?: string | undefined;
  /** Extra headers for this call. Cannot replace authentication, the idempotency key or the request id. */
  headers?: Record<string, string> | undefined;
  /** Correlation id sent as the API's request-id header where it has one (Sequence `X-Request-ID`). */
  requestId?: string | undefined;
  /**
   * Query parameters sent as well as the documented ones (a parameter the vendor added after this SDK), checked,
   * redacted and logged like the rest; a name already in the query is replaced. Cannot carry the API key.
   */
  extraQuery?: Record<string, QueryValue> | undefined;
  /**
   * Top-level JSON body fields sent as well as the documented ones, replacing any of the same name. Only for a call
   * whose body is a JSON object. Cannot carry the API key.
   */
  extraBody?: Record<string, unknown> | undefined;
  /** Headers sent as well as the documented ones, after `headers`. Cannot replace the ones the SDK sets itself. */
  extraHeaders?: Record<string, string> | undefined;
}
