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
  /** The current state, for assertions in tests (read it; do not mutate it). */
  readonly state: State;
  /** Back to the initial (seeded) state. */
  reset(): void;
}

/** What a caller's `fetch` option needs: the fake as a plain function. */
export function fakeFetch(fake: FakeApi): typeof fetch {
  return (input, init) =>
    fake.fetch(input instanceof Request && init === undefined ? input : new Request(input, init));
}
