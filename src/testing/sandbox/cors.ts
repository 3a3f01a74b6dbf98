/** CORS for browser apps calling the sandbox from any local dev server. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-request-id',
  'access-control-expose-headers':
    'x-request-id, retry-after, x-ratelimit-limit, x-ratelimit-remaining, requestscount-allowed, requestscount-current, ' +
    'x-errorpercent-limit, x-errorpercent-current, idempotent-replayed',
  'access-control-max-age': '600',
};

/** The answer to a preflight, or `undefined` for any other request. */
export function preflight(request: Request): Response | undefined {
  return request.method === 'OPTIONS'
    ? new Response(null, { status: 204, headers: CORS_HEADERS })
    : undefined;
}

/** The fake's response with CORS headers added. */
export function withCors(response: Response): Response {
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
