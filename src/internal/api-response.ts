import type { ApiResponse } from '../core/api-promise.js';

/** Where an `ApiResponse` keeps its `Response`: first the function that makes it, then the `Response` itself. */
const RESPONSE = Symbol('ruleseq.response');

type Lazy = { [RESPONSE]: Response | (() => Response) };

/**
 * The one getter of every `ApiResponse`. A getter made per object (a closure) would give each object a hidden class
 * of its own, and V8 then keeps every call's answer alive through young-generation collections: ~100 µs of garbage
 * collection per call, measured on a 100-subscriber page.
 */
function lazyResponse(this: Lazy): Response {
  const held = this[RESPONSE];
  if (typeof held !== 'function') return held;
  const response = held();
  this[RESPONSE] = response;
  return response;
}

/**
 * An `ApiResponse` whose `response` is made on first read and then kept. Most calls never look at it, and copying
 * a `Response` re-encodes its whole body. The property stays an own, enumerable one, so spreading or destructuring
 * the result still yields the `Response`.
 */
export function apiResponse<T>(
  data: T,
  body: unknown,
  requestId: string | undefined,
  makeResponse: () => Response,
): ApiResponse<T> {
  const result = { data, body, requestId } as ApiResponse<T>;
  Object.defineProperty(result, RESPONSE, { value: makeResponse, writable: true });
  return Object.defineProperty(result, 'response', { enumerable: true, get: lazyResponse });
}

/** The same response with other data (envelope unwrapping, pages), without making its `Response`. */
export function withData<A, B>(result: ApiResponse<A>, data: B): ApiResponse<B> {
  return apiResponse(data, result.body, result.requestId, () => result.response);
}

/** Maps the data of a response, keeping the `Response` and request id (envelope unwrapping). */
export function mapResponse<A, B>(
  response: Promise<ApiResponse<A>>,
  map: (data: A) => B,
): Promise<ApiResponse<B>> {
  return response.then((r) => withData(r, map(r.data)));
}
