import { APIPromise, mapResponse } from './api-promise.js';
import { RuleseqError } from './errors/ruleseq-error.js';
import type { RequestOptions } from './request-options.js';
import type { Operation, Transport } from './transport.js';

/**
 * Builds and sends one operation, mapping its body with `unwrap`. An SDK error thrown while building (invalid
 * input) rejects the returned promise and nothing is sent; any other exception is a bug and propagates.
 */
export function sendOperation<Body, T, E extends RuleseqError>(
  transport: Transport,
  build: () => Operation<Body>,
  unwrap: (body: Body) => T,
  options?: RequestOptions,
): APIPromise<T, E> {
  let op: Operation<Body>;
  try {
    op = build();
  } catch (error) {
    if (error instanceof RuleseqError) return APIPromise.reject(error as E);
    throw error;
  }
  return new APIPromise<T, E>(mapResponse(transport.request(op, options), unwrap));
}
