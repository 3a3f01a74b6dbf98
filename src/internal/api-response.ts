import type { ApiResponse } from '../core/api-promise.js';

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
  let response: Response | undefined;
  return Object.defineProperty({ data, body, requestId } as ApiResponse<T>, 'response', {
    enumerable: true,
    get: () => (response ??= makeResponse()),
  });
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
