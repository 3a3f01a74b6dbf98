/** One problem found by a schema, in the Standard Schema shape that zod and zod/mini both produce. */
export interface ValidationIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/**
 * The issue's message, completed from the structured details schema libraries attach: zod/mini ships without
 * message locales, so an unknown key or a wrong type would otherwise read only "Invalid input".
 */
function describe(issue: ValidationIssue): string {
  const { keys, expected } = issue as { keys?: unknown; expected?: unknown };
  if (Array.isArray(keys) && keys.length > 0) {
    return `${issue.message}: unknown ${keys.length === 1 ? 'key' : 'keys'} ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
  }
  if (typeof expected === 'string' && issue.message === 'Invalid input')
    return `${issue.message}: expected ${expected}`;
  return issue.message;
}

/** `subscriber.email: Invalid email` — one line per issue, used in error messages. */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues
    .map((issue) => {
      const path = (issue.path ?? []).map((p) => String(typeof p === 'object' ? p.key : p)).join('.');
      return path ? `${path}: ${describe(issue)}` : describe(issue);
    })
    .join('; ');
}
