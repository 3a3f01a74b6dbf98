import type { FakeRequest } from './request.js';
import type { RuleFakeState } from './state.js';

/** What a handler gets besides the request. */
export interface FakeContext {
  state: RuleFakeState;
  now: () => number;
}

/** A handler answers with a `Response` or with a body to send as 200 JSON. */
export type Handler = (request: FakeRequest, ctx: FakeContext) => unknown;

/** One operation: `pattern` is relative to the API version, `:name` segments capture path parameters. */
export interface Route {
  version: 'v2' | 'v3';
  method: string;
  pattern: string;
  handler: Handler;
}

export type RouteMatch =
  | { kind: 'found'; route: Route; params: Record<string, string> }
  | { kind: 'wrong-method'; allowed: string[] }
  | { kind: 'none' };

function matchPattern(pattern: string, segments: string[]): Record<string, string> | undefined {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    const segment = segments[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}

/** The first route (in table order) whose pattern fits; literal routes must precede parameter routes. */
export function matchRoute(
  routes: readonly Route[],
  version: string,
  method: string,
  segments: string[],
): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    if (route.version !== version) continue;
    const params = matchPattern(route.pattern, segments);
    if (!params) continue;
    if (route.method === method) return { kind: 'found', route, params };
    allowed.push(route.method);
  }
  return allowed.length > 0 ? { kind: 'wrong-method', allowed } : { kind: 'none' };
}

/** A route of Rule's v2 API. */
export const v2 = (method: string, pattern: string, handler: Handler): Route => ({
  version: 'v2',
  method,
  pattern,
  handler,
});

/** A route of Rule's v3 API. */
export const v3 = (method: string, pattern: string, handler: Handler): Route => ({
  version: 'v3',
  method,
  pattern,
  handler,
});
