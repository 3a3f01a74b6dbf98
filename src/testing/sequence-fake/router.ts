/** The route for a method and path (below the prefix), with its decoded path parameters. */
export function matchRoute<Route extends { method: string; pattern: string }>(
  routes: readonly Route[],
  method: string,
  path: string,
): { route: Route; params: Record<string, string> } | undefined {
  const parts = path.split('/').filter(Boolean);
  for (const route of routes) {
    if (route.method !== method) continue;
    const pattern = route.pattern.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = pattern.every((segment, i) => {
      if (segment.startsWith(':')) params[segment.slice(1)] = decodeURIComponent(parts[i]!);
      return segment.startsWith(':') || segment === parts[i];
    });
    if (matches) return { route, params };
  }
  return undefined;
}
