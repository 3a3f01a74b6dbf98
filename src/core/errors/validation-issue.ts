import { formatPath } from '../../internal/input-path.js';

/** One problem found by a schema, in the Standard Schema shape that zod and zod/mini both produce. */
export interface ValidationIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** Issues whose message already names its place in the caller's notation (`tags is required`). */
const sentences = new WeakSet<ValidationIssue>();

/** Marks an issue whose message is a whole sentence, path included, so it is shown as it is. */
export function wholeSentence(issue: ValidationIssue): ValidationIssue {
  sentences.add(issue);
  return issue;
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
      if (sentences.has(issue)) return issue.message;
      const path = formatPath(issue.path ?? []);
      return path ? `${path}: ${describe(issue)}` : describe(issue);
    })
    .join('; ');
}
