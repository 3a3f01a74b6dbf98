export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type QueryValue = string | number | boolean | undefined | null | ReadonlyArray<string | number>;

/** A call the SDK has no method for (`client.request(…)`), sent with the same auth, limits, retries and errors. */
export interface RawRequest {
  method: HttpMethod;
  /** Relative to the client's base URL. */
  path: string;
  query?: Record<string, QueryValue> | undefined;
  body?: unknown;
}
