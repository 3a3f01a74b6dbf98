import { RequestValidationError } from '../core/errors/request-validation-error.js';

/** Where the API key travels. Placed per request by the transport (`placeAuth`). */
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

/** Where one request carries the key: a header, a query parameter, or a field of its JSON body. */
export interface AuthPlacement {
  header?: readonly [name: string, value: string];
  query?: readonly [name: string, value: string];
  /** The body to send, with the key field added. */
  body?: Record<string, unknown>;
}

/** Places the key for one request whose JSON body (if any) is `body`. */
export function placeAuth(strategy: AuthStrategy, apiKey: string, body: unknown): AuthPlacement {
  switch (strategy.kind) {
    case 'header':
      return { header: [strategy.header, strategy.scheme ? `${strategy.scheme} ${apiKey}` : apiKey] };
    case 'query':
      return { query: [strategy.param, apiKey] };
    case 'body':
      // A request without a JSON object body has nowhere else to carry it.
      return isPlainObject(body)
        ? { body: { ...body, [strategy.field]: apiKey } }
        : { query: [strategy.param, apiKey] };
  }
}

/** The query parameter or body field a caller's extras must not set, since it carries the key. */
export function authNames(strategy: AuthStrategy): { query?: string; body?: string } {
  if (strategy.kind === 'query') return { query: strategy.param };
  if (strategy.kind === 'body') return { query: strategy.param, body: strategy.field };
  return {};
}

/**
 * Refuses caller extras (`extraQuery`, `extraBody`) that name the parameter or field carrying the key, in any case:
 * the client sends the key itself, once.
 */
export function refuseAuthName(extras: object, authName: string | undefined, context: string): void {
  const name = authName && Object.keys(extras).find((key) => key.toLowerCase() === authName.toLowerCase());
  if (name) {
    throw new RequestValidationError(
      [{ message: 'carries the API key, which the client sends itself', path: [name] }],
      context,
    );
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
