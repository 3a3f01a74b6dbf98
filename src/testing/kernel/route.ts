import type { Handler, Route } from './fake-call.js';

export const route = <S>(method: string, pattern: string, handle: Handler<S>, prefix?: string): Route<S> => ({
  method,
  prefix,
  parts: pattern.split('/').filter(Boolean),
  handle,
});

function paramsOf(parts: readonly string[], segments: readonly string[]): Record<string, string> | undefined {
  if (parts.length !== segments.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, part] of parts.entries()) {
    if (part.startsWith(':')) params[part.slice(1)] = segments[i]!;
    else if (part !== segments[i]) return undefined;
  }
  return params;
}

/**
 * The first route in table order that fits (so literal routes go before parameter routes) with its parameters;
 * without one, the methods the path does have routes for.
 */
export function matchRoute<S>(
  routes: readonly Route<S>[],
  prefix?: string,
  method = '',
  segments?: string[],
) {
  const allowed: string[] = [];
  for (const route of prefix && segments ? routes : []) {
    const params = (route.prefix ?? prefix) === prefix ? paramsOf(route.parts, segments!) : undefined;
    if (params && route.method === method) return { route, params, allowed };
    if (params) allowed.push(route.method);
  }
  return { route: undefined, params: {}, allowed };
}
