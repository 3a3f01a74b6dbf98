import { type ValidationIssue, wholeSentence } from '../core/errors/validation-issue.js';
import { definedKeysAt, formatPath, keyOf, quoteKey } from './input-path.js';
import { nearestName } from './nearest-name.js';

/** An issue as zod reports it; zod/mini leaves `message` at "Invalid input" unless a schema wrote its own. */
interface RawIssue extends ValidationIssue {
  code?: string;
  expected?: string;
  keys?: PropertyKey[];
  errors?: RawIssue[][];
  issues?: RawIssue[];
  values?: unknown[];
  /** A discriminated union's discriminator values, when the input matched none. */
  options?: unknown[];
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  pattern?: string;
}

type Path = ReadonlyArray<PropertyKey>;

const GENERIC = 'Invalid input';
const written = (issue: RawIssue) => issue.message !== GENERIC && issue.message !== '';
const pathOf = (issue: RawIssue, base: Path): Path => [...base, ...(issue.path ?? []).map(keyOf)];

function valueAt(input: unknown, path: Path): unknown {
  let current = input;
  for (const key of path) {
    if (typeof current !== 'object' || current === null || !Object.hasOwn(current, key)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** "a string", "an array", "null": how a value's kind reads in a sentence. */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'an invalid Date' : 'a Date';
  const type = typeof value;
  return type === 'object' || type === 'undefined' || type === 'boolean'
    ? `${article(type)} ${type}`
    : `a ${type}`;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');
const KINDS: Record<string, string> = { int: 'a whole number', nan: 'NaN', null: 'null', date: 'a Date' };
const expectedKind = (expected: string) => KINDS[expected] ?? `${article(expected)} ${expected}`;
/** "a", "a or b", "a, b or c". */
const either = (parts: readonly string[]) =>
  parts.length <= 2 ? parts.join(' or ') : `${parts.slice(0, -1).join(', ')} or ${parts.at(-1)}`;
const shown = (value: unknown) =>
  typeof value === 'string' ? quoteKey(value).replace(/^"|"$/g, "'") : String(value);

/** How good a union branch's complaints are as an explanation: wrong-kind and wrong-literal complaints mean wrong branch. */
function branchScore(issues: RawIssue[]): number {
  return issues.reduce((score, issue) => {
    const depth = issue.path?.length ?? 0;
    if (depth === 0 && (issue.code === 'invalid_type' || issue.code === 'invalid_union')) return score + 1000;
    if (depth <= 1 && issue.code === 'invalid_value') return score + 100;
    return score + 1;
  }, 0);
}

/** Each branch failed with a single complaint about the value itself: "must be a string or a number". */
function alternatives(branches: RawIssue[][]): string | undefined {
  if (branches.length === 0) return undefined;
  const parts: string[] = [];
  for (const issues of branches) {
    const [only] = issues;
    if (issues.length !== 1 || !only || (only.path?.length ?? 0) > 0) return undefined;
    if (only.code === 'invalid_type' && only.expected) parts.push(expectedKind(only.expected));
    else if (only.code === 'invalid_value' && only.values) parts.push(...only.values.map(shown));
    else return undefined;
  }
  return either([...new Set(parts)]);
}

/**
 * A union used as a discriminated one (each branch a literal at the same key, `type: 'email'` or `'text_message'`)
 * that no branch's literal matched: that key and every literal it takes.
 */
function unmatchedTag(branches: RawIssue[][]): { key: PropertyKey; values: unknown[] } | undefined {
  let key: PropertyKey | undefined;
  const values = new Set<unknown>();
  for (const issues of branches) {
    const tag = issues.find((issue) => issue.code === 'invalid_value' && issue.path?.length === 1);
    const at = tag && keyOf(tag.path![0]!);
    if (at === undefined || (key !== undefined && at !== key)) return undefined;
    key = at;
    for (const value of tag!.values ?? []) values.add(value);
  }
  return key === undefined ? undefined : { key, values: [...values] };
}

function sized(issue: RawIssue, bound: 'at least' | 'at most'): string {
  const limit = bound === 'at least' ? issue.minimum : issue.maximum;
  const n = Number(limit);
  if (issue.origin === 'array' || issue.origin === 'set')
    return `must have ${bound} ${n} item${n === 1 ? '' : 's'}`;
  if (issue.origin === 'string') return `must be ${bound} ${n} character${n === 1 ? '' : 's'} long`;
  if (issue.inclusive === false) return `must be ${bound === 'at least' ? 'greater' : 'less'} than ${n}`;
  return `must be ${bound} ${n}`;
}

function formatted(issue: RawIssue): string {
  if (issue.format === 'regex') return `must match ${issue.pattern ?? 'the documented pattern'}`;
  if (issue.format === 'email') return 'must be an email address';
  if (issue.format === 'url') return 'must be a URL';
  return `must be a valid ${issue.format ?? 'value'}`;
}

/** What is wrong with a value, in words, for an issue whose schema wrote no message of its own. */
function complaint(issue: RawIssue, value: unknown, root: boolean): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = expectedKind(issue.expected ?? 'value');
      if (root) return `expected ${expected}, got ${kindOf(value)}`;
      return value === undefined ? ' is required' : ` must be ${expected}, not ${kindOf(value)}`;
    }
    case 'invalid_value':
      return ` must be ${either((issue.values ?? []).map(shown))}`;
    case 'too_small':
      return ` ${sized(issue, 'at least')}`;
    case 'too_big':
      return ` ${sized(issue, 'at most')}`;
    case 'invalid_format':
      return ` ${formatted(issue)}`;
    default:
      return `: ${issue.message}`;
  }
}

/**
 * zod's issues as sentences in the caller's terms: their own path (`subscriber.fields["FirstName"]`, not
 * `fields.0.key`), "tags is required" for a missing value, a misspelt key with the defined key it most likely
 * meant, one explanation for a union (the branch the input came closest to), and a schema's own message kept.
 */
export function explainIssues(
  issues: readonly ValidationIssue[],
  input: unknown,
  schema: unknown,
): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const say = (path: Path, text: string) => {
    const where = formatPath(path, schema);
    out.push(wholeSentence({ message: where ? `${where}${text}` : text.replace(/^[ :]+/, ''), path }));
  };
  /** The values a union's key takes, for a value that took none (or was left out). */
  const sayAllowed = (path: Path, values: readonly unknown[]) => {
    const allowed = either(values.map(shown));
    say(path, valueAt(input, path) === undefined ? ` is required (${allowed})` : ` must be ${allowed}`);
  };
  const visit = (list: readonly RawIssue[], base: Path) => {
    // A schema's own message about a value replaces the generic pattern complaint about the same value.
    const specific = new Set(
      list.filter((i) => i.code === 'custom').map((i) => JSON.stringify(pathOf(i, base))),
    );
    for (const issue of list) {
      const path = pathOf(issue, base);
      if (issue.code === 'invalid_format' && !written(issue) && specific.has(JSON.stringify(path))) continue;
      explain(issue, path);
    }
  };
  const explain = (issue: RawIssue, path: Path) => {
    const value = valueAt(input, path);
    if (issue.code === 'invalid_union' && !written(issue)) {
      const branches = issue.errors ?? [];
      const kinds = alternatives(branches);
      const best = [...branches].sort((a, b) => branchScore(a) - branchScore(b))[0];
      const tag = unmatchedTag(branches);
      if (kinds !== undefined) {
        say(
          path,
          value === undefined && path.length > 0 ? ' is required' : ` must be ${kinds}, not ${kindOf(value)}`,
        );
      } else if (tag) {
        sayAllowed([...path, tag.key], tag.values);
        // What else the closest branch says (an unknown key, say), without its own literal again.
        visit(
          best!.filter((i) => !(i.code === 'invalid_value' && i.path?.length === 1)),
          path,
        );
      } else if (best?.length) visit(best, path);
      else if (issue.options?.length) sayAllowed(path, issue.options);
      else say(path, `: ${issue.message}`);
    } else if (issue.code === 'unrecognized_keys') {
      const defined = definedKeysAt(schema, path);
      for (const key of issue.keys ?? []) {
        const guess = typeof key === 'string' ? nearestName(key, defined) : undefined;
        const list = defined.length > 0 ? ` (expected ${defined.slice(0, 10).join(', ')})` : '';
        say([...path, key], `: unknown option${guess ? `; did you mean ${guess}?` : list}`);
      }
    } else if (issue.code === 'invalid_key') visit(issue.issues ?? [], path);
    else say(path, written(issue) ? `: ${issue.message}` : complaint(issue, value, path.length === 0));
  };
  visit(issues as readonly RawIssue[], []);
  return out;
}
