/** An incoming request, parsed once: which API version and route segments, its query and its JSON body. */
export interface FakeRequest {
  readonly url: URL;
  readonly method: string;
  /** `v2` or `v3`, or undefined when the path is under neither prefix. */
  readonly version: string | undefined;
  /** Decoded path segments after `/api/v2` or `/api/v3` (undefined if a segment is not valid percent-encoding). */
  readonly segments: string[] | undefined;
  readonly query: URLSearchParams;
  /** The parsed JSON body; `undefined` without one. */
  readonly body: unknown;
  readonly bodyIsInvalidJson: boolean;
  readonly authorization: string | null;
  /** Path parameters of the matched route. */
  params: Record<string, string>;
}

const API_PREFIX = /\/api\/(v2|v3)(?=\/|$)/;

function decodeSegments(path: string): string[] | undefined {
  try {
    return path.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return undefined;
  }
}

export async function parseRequest(request: Request): Promise<FakeRequest> {
  const url = new URL(request.url);
  const prefix = API_PREFIX.exec(url.pathname);
  const raw = request.method === 'GET' || request.method === 'HEAD' ? '' : await request.text();
  let body: unknown;
  let bodyIsInvalidJson = false;
  if (raw.trim() !== '') {
    try {
      body = JSON.parse(raw);
    } catch {
      bodyIsInvalidJson = true;
    }
  }
  return {
    url,
    method: request.method.toUpperCase(),
    version: prefix?.[1],
    segments: prefix ? decodeSegments(url.pathname.slice(prefix.index + prefix[0].length)) : undefined,
    query: url.searchParams,
    body,
    bodyIsInvalidJson,
    authorization: request.headers.get('authorization'),
    params: {},
  };
}

/** The body as an object (`{}` when absent or not an object), for reading optional properties. */
export function bodyObject(request: FakeRequest): Record<string, unknown> {
  const { body } = request;
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : {};
}
