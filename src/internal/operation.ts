import type { HttpMethod, QueryValue } from '../core/raw-request.js';
import type { ResponseSchema } from './standard-schema.js';

/** One logical API call, as a resource method describes it. */
export interface Operation<T = unknown> {
  method: HttpMethod;
  /** Relative to the base URL, or an absolute URL on the same origin (pagination links). */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Validates the parsed 2xx body. Omitted: the body is returned as parsed. */
  schema?: ResponseSchema<T>;
  /**
   * What the answer to a write must satisfy even when it is not the documented shape (which otherwise resolves): a
   * promise the API makes about what it did, such as Sequence leaving every created rule disabled.
   */
  invariant?: ResponseSchema<unknown>;
  /**
   * Text appended to the message of an error with that status (e.g. the permission a 403 means is missing); a
   * function picks by the error's `code`, since one status can mean several things.
   */
  hints?: Partial<Record<number, string | ((code: string | undefined) => string | undefined)>>;
  /** The 2xx body carries nothing the caller needs (deletes): it is not validated, and may be any text. */
  ignoreBody?: boolean;
}
