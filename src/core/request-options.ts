/** Per-call options, accepted as the last argument of every method. */
export interface RequestOptions {
  /** Cancels the call, including any wait between retries. Rejects with `AbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms (overrides the client's). */
  timeout?: number | undefined;
  /** Budget for the whole call, retries and waits included, in ms. */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt (overrides the client's). */
  maxRetries?: number | undefined;
  /** Your own idempotency key, for APIs that honour one (Sequence); otherwise one is generated per call. */
  idempotencyKey?: string | undefined;
  /** Extra headers for this call. Cannot replace authentication. */
  headers?: Record<string, string> | undefined;
  /** Correlation id sent as the API's request-id header where it has one (Sequence `X-Request-ID`). */
  requestId?: string | undefined;
}
