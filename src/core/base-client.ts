import { APIPromise } from './api-promise.js';
import type { RuleseqError } from './errors/ruleseq-error.js';
import type { RequestOptions } from './request-options.js';
import type { HttpMethod, QueryValue, Transport } from './transport.js';

/** A call the SDK has no method for, sent with the same auth, limits, retries and errors as every other. */
export interface RawRequest {
  method: HttpMethod;
  /** Relative to the client's base URL. */
  path: string;
  query?: Record<string, QueryValue>;
  body?: unknown;
}

/** What every vendor client shares: its transport and the generic escape hatch. */
export abstract class BaseClient<E extends RuleseqError> {
  protected readonly transport: Transport;

  protected constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends any request to this API; the body is returned as parsed JSON, unvalidated. */
  request<T = unknown>(request: RawRequest, options?: RequestOptions): APIPromise<T, E> {
    return new APIPromise<T, E>(this.transport.request<T>(request, options));
  }
}
