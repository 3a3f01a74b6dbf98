/** Statuses whose responses cannot have a body (the `Response` constructor refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** The same status and headers with `text` as the body (already read from the original, which cannot be read twice). */
export function withBodyText(response: Response, text: string): Response {
  const body = NULL_BODY_STATUSES.has(response.status) || text === '' ? null : text;
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/**
 * The `Response` that `.withResponse()` hands out: the original's status and headers, its body (already read by the
 * SDK, any echoed key masked) readable again, and `url` replaced by the given redacted one, since a fetch `Response`
 * repeats the request URL, which may carry the key.
 */
export function exposedResponse(response: Response, text: string, url: string): Response {
  const copy = withBodyText(response, text);
  Object.defineProperty(copy, 'url', { value: url, enumerable: true });
  return copy;
}
