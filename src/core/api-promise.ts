import { RuleseqError } from './errors/ruleseq-error.js';

/** A parsed response with what `.withResponse()` exposes. */
export interface ApiResponse<T> {
  data: T;
  /** The parsed body as the server sent it, before envelope unwrapping and validation; an echoed API key masked. */
  body: unknown;
  response: Response;
  requestId: string | undefined;
}

/** `.safe()`'s outcome: never throws for anything the API or the network did. */
export type Result<T, E> = { ok: true; data: T } | { ok: false; error: E };

/**
 * The promise every method returns: await it for the data, or call `.withResponse()` for the raw `Response` and
 * request id, or `.safe()` for a `Result` union instead of a rejection.
 */
export class APIPromise<T, E extends RuleseqError = RuleseqError> implements PromiseLike<T> {
  readonly #response: Promise<ApiResponse<T>>;
  #data: Promise<T> | undefined;

  constructor(response: Promise<ApiResponse<T>>) {
    this.#response = response;
  }

  /** A promise already rejected with `error` (input validation: nothing was sent). */
  static reject<T, E extends RuleseqError>(error: E): APIPromise<T, E> {
    return new APIPromise<T, E>(Promise.reject(error));
  }

  /** Data together with the `Response` and the server's request id. */
  withResponse(): Promise<ApiResponse<T>> {
    return this.#response;
  }

  /** Resolves to `{ ok: true, data }` or `{ ok: false, error }`; rethrows only programming errors (bugs). */
  safe(): Promise<Result<T, E>> {
    return this.#response.then(
      ({ data }) => ({ ok: true as const, data }),
      (error: unknown) => {
        if (error instanceof RuleseqError) return { ok: false as const, error: error as E };
        throw error;
      },
    );
  }

  // biome-ignore lint/suspicious/noThenProperty: an awaitable promise-like is the point of this class.
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#data ??= this.#response.then((r) => r.data);
    return this.#data.then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}
