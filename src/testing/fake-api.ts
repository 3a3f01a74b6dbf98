/**
 * A stateful in-memory implementation of one vendor API as a fetch handler: `Request` in, `Response` out. The same
 * object serves msw handlers, a custom `fetch` option, and the loopback sandbox server.
 */
export interface FakeApi<State = unknown> {
  /** Which API this is, e.g. `'rule'`; the sandbox mounts it under its own prefix. */
  readonly name: string;
  /** The key the fake accepts (anything else gets the vendor's 401). */
  readonly apiKey: string;
  /** Path prefixes the fake answers on any origin, e.g. `['/api/v2', '/api/v3']`. */
  readonly pathPrefixes: readonly string[];
  /** Answers one request. Links it returns (next pages) use the request's own origin. */
  fetch(request: Request): Promise<Response>;
  /** The current state, for assertions in tests (read it; do not mutate it). The same object for the fake's life. */
  readonly state: State;
  /**
   * Back to the initial (seeded) state, in place: `state` stays the same object with fresh contents, so a test
   * holding it across reset() reads the fresh state. Ids, request ids, rate-limit windows and fault counts restart.
   */
  reset(): void;
}

/** A failure to inject instead of the normal answer (see `FakeOptions.faults`). */
export interface FakeFault {
  /** Answer with this status and the API's own error body for a server failure. Default 500. */
  status?: number;
  /** Drop the connection instead: the fetch rejects with a `TypeError`, as fetch does. */
  network?: boolean;
  /** Let the fake process the request first (its state changes), then fail: an answer lost on its way back. */
  afterProcessing?: boolean;
  /** Headers to send with the status, e.g. `{ 'retry-after': '1' }`. */
  headers?: Record<string, string>;
}

/** `faults[i]` for the i-th request since creation or reset() (holes answer normally), or a function choosing. */
export type FakeFaults =
  | ReadonlyArray<FakeFault | undefined>
  | ((request: { method: string; url: URL }, index: number) => FakeFault | undefined);

/** Ten times what a full 1,000-subscriber import usually weighs; no vendor documents a byte limit. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 2 ** 20;

/** What every fake takes. */
export interface FakeOptions {
  /** The key the fake accepts; each fake has its own default. */
  apiKey?: string;
  /** Start with the fake's demo data. Default true. */
  seed?: boolean;
  /** The clock (ms since the epoch), read once per request. Default `Date.now`. */
  now?: () => number;
  /** Milliseconds to wait before answering each request, to exercise timeouts; the request's signal cancels it. */
  latencyMs?: number;
  /** Failures to inject: status answers or dropped connections, before or after processing. */
  faults?: FakeFaults;
  /** The largest request body accepted (bytes); a larger one gets the API's 413. Default 10 MiB. */
  maxBodyBytes?: number;
}

/** What a caller's `fetch` option needs: the fake as a plain function. */
export function fakeFetch(fake: FakeApi): typeof fetch {
  return (input, init) =>
    fake.fetch(input instanceof Request && init === undefined ? input : new Request(input, init));
}
