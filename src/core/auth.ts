/** Where the API key travels. Resolved per request by the transport. */
export type AuthStrategy =
  | { kind: 'header'; header: string; scheme: string | undefined }
  | { kind: 'query'; param: string }
  | { kind: 'body'; field: string; param: string };

/** `Authorization: <scheme> <key>` (scheme `Bearer`, `ApiKey`, …) or a bare header value when scheme is undefined. */
export function headerAuth(scheme: string | undefined, header = 'Authorization'): AuthStrategy {
  return { kind: 'header', header, scheme };
}

/** `?<param>=<key>`. Values are masked in every URL the SDK exposes. */
export function queryAuth(param: string): AuthStrategy {
  return { kind: 'query', param };
}

/** A top-level JSON body field; requests without a JSON object body fall back to the query parameter. */
export function bodyAuth(field: string, fallbackParam: string): AuthStrategy {
  return { kind: 'body', field, param: fallbackParam };
}

export interface AuthTarget {
  headers: Headers;
  url: URL;
  body: unknown;
}

/** Applies the key to one outgoing request; returns the body to send (possibly with the key field added). */
export function applyAuth(strategy: AuthStrategy, apiKey: string, target: AuthTarget): unknown {
  switch (strategy.kind) {
    case 'header':
      target.headers.set(strategy.header, strategy.scheme ? `${strategy.scheme} ${apiKey}` : apiKey);
      return target.body;
    case 'query':
      target.url.searchParams.set(strategy.param, apiKey);
      return target.body;
    case 'body':
      if (isPlainObject(target.body)) return { ...target.body, [strategy.field]: apiKey };
      target.url.searchParams.set(strategy.param, apiKey);
      return target.body;
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
