/** An incoming request read once: where it points below the API prefix, its body and its credentials. */
export interface ParsedRequest {
  readonly method: string;
  readonly url: URL;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly signal: AbortSignal;
  /** The fake's path prefix the path is under (after any mount: `/rule/api/v2`), if any. */
  readonly prefix: string | undefined;
  /** The segments below it, decoded; undefined when one is not valid percent-encoding. */
  readonly segments: string[] | undefined;
  /** The JSON or form body: undefined without one, or when `bodyError` says why not. */
  readonly body: unknown;
  /** The body if it is an object, else `{}`: for reading optional fields. */
  readonly fields: Record<string, unknown>;
  readonly bodyError: 'invalid' | 'too-large' | undefined;
  /** `Authorization: <scheme> <token>`, split. */
  readonly authorization: { scheme: string; token: string } | undefined;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function locate(pathname: string, prefixes: readonly string[]): [string | undefined, string[]] {
  const segments = pathname.split('/').filter(Boolean);
  for (let at = 0; at < segments.length; at++) {
    for (const prefix of prefixes) {
      const parts = prefix.split('/').filter(Boolean);
      if (parts.every((part, i) => segments[at + i] === part))
        return [prefix, segments.slice(at + parts.length)];
    }
  }
  return [undefined, []];
}

/** The body's text, reading no further than `max` bytes: undefined when it is longer. */
async function readText(request: Request, max: number): Promise<string | undefined> {
  if (!request.body) return '';
  if (Number(request.headers.get('content-length')) > max) return undefined;
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let [size, text] = [0, ''];
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    size += chunk.value.byteLength;
    if (size > max) return reader.cancel().then(() => undefined);
    text += decoder.decode(chunk.value, { stream: true });
  }
  return text + decoder.decode();
}

/** A form body as an object (as the vendors' frameworks read one), anything else as JSON. */
function parseBody(text: string | undefined, type: string): Pick<ParsedRequest, 'body' | 'bodyError'> {
  if (text === undefined) return { body: undefined, bodyError: 'too-large' };
  if (text.trim() === '') return { body: undefined, bodyError: undefined };
  if (/^application\/x-www-form-urlencoded/i.test(type)) {
    return { body: Object.fromEntries(new URLSearchParams(text)), bodyError: undefined };
  }
  try {
    return { body: JSON.parse(text), bodyError: undefined };
  } catch {
    return { body: undefined, bodyError: 'invalid' };
  }
}

export async function parseRequest(request: Request, prefixes: readonly string[], maxBodyBytes: number) {
  const url = new URL(request.url);
  const [prefix, rest] = locate(url.pathname, prefixes);
  let segments: string[] | undefined;
  try {
    segments = rest.map(decodeURIComponent);
  } catch {
    segments = undefined;
  }
  const { body, bodyError } = parseBody(
    await readText(request, maxBodyBytes),
    request.headers.get('content-type') ?? '',
  );
  const credentials = /^(\S+)\s+(.+)$/.exec(request.headers.get('authorization')?.trim() ?? '');
  const parsed: ParsedRequest = {
    method: request.method.toUpperCase(),
    url,
    query: url.searchParams,
    headers: request.headers,
    signal: request.signal,
    prefix,
    segments,
    body,
    fields: isObject(body) ? body : {},
    bodyError,
    authorization: credentials ? { scheme: credentials[1]!, token: credentials[2]! } : undefined,
  };
  return parsed;
}
