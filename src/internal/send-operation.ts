import type { ApiResponse } from '../core/api-promise.js';
import { APIPromise } from '../core/api-promise.js';
import { ResponseValidationError } from '../core/errors/response-validation-error.js';
import { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { RequestOptions } from '../core/request-options.js';
import { mapResponse, withData } from './api-response.js';
import type { Operation } from './operation.js';
import { operationName } from './parse-success.js';
import type { Transport } from './transport.js';

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
  const response = transport.request(op, options);
  // The answer to a write may be handed over as sent (see `parseSuccess`): without its envelope, it is the data.
  const read = op.method === 'GET' ? unwrap : (body: Body) => unwrap(body) ?? (body as unknown as T);
  if (transport.config.validateResponses) return new APIPromise<T, E>(mapResponse(response, read));
  return new APIPromise<T, E>(response.then((result) => unwrapUnchecked(transport, op, result, read)));
}

/**
 * With `validateResponses: false` the body was not checked, so unwrapping its envelope may meet a shape it cannot
 * read: that is the body's fault, reported as a `ResponseValidationError` with the body, not a `TypeError`.
 */
function unwrapUnchecked<Body, T>(
  transport: Transport,
  op: Operation<Body>,
  result: ApiResponse<Body>,
  unwrap: (body: Body) => T,
): ApiResponse<T> {
  try {
    return withData(result, unwrap(result.data));
  } catch (error) {
    throw new ResponseValidationError({
      issues: [{ message: `cannot be read (${error instanceof Error ? error.message : String(error)})` }],
      body: result.body,
      status: result.response.status,
      requestId: result.requestId,
      operation: operationName(op),
      redact: (text) => transport.redact(text),
    });
  }
}
