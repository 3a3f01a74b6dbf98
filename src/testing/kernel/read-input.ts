import { type core, type output, unknown, type ZodMiniType } from 'zod/mini';

/**
 * Request input checked against the API's own generated schemas (as stripe-mock checks against its OpenAPI
 * document), so a fake refuses what the document refuses without restating its rules.
 */

type Def = {
  type: string;
  innerType?: ZodMiniType;
  shape?: Record<string, ZodMiniType>;
  element?: ZodMiniType;
  options?: ZodMiniType[];
};
const defOf = (schema: ZodMiniType | undefined) => schema?._zod.def as Def | undefined;

const lenientCopies = new WeakMap<ZodMiniType, ZodMiniType>();

/**
 * The schema with every object in it open to keys it does not name. The generated request schemas are exact, a
 * promise the SDK makes its callers; the servers ignore what they do not know (`extraBody` and `extraQuery` send it
 * on purpose), and so do the fakes.
 */
function lenient<T extends ZodMiniType>(schema: T): T {
  const def = defOf(schema)!;
  const copy =
    lenientCopies.get(schema) ??
    schema.clone({
      ...def,
      ...(def.type === 'object' && { catchall: unknown() }),
      ...(def.shape && {
        shape: Object.fromEntries(Object.entries(def.shape).map(([k, v]) => [k, lenient(v)])),
      }),
      ...(def.innerType && { innerType: lenient(def.innerType) }),
      ...(def.element && { element: lenient(def.element) }),
      ...(def.options && { options: def.options.map(lenient) }),
    } as T['_zod']['def']);
  lenientCopies.set(schema, copy);
  return copy as T;
}

/** What a query parameter's schema holds under its optional, default and nullable wrappers. */
function kindOf(schema: ZodMiniType | undefined): string | undefined {
  let def = defOf(schema);
  while (def?.innerType) def = defOf(def.innerType);
  return def?.type;
}

/** The query as its schema reads it: `name[]` and repeated names as arrays, numbers and booleans parsed. */
export function queryObject(query: URLSearchParams, schema: ZodMiniType): Record<string, unknown> {
  const shape = defOf(schema)?.shape ?? {};
  const object: Record<string, unknown> = {};
  for (const [raw, text] of query) {
    const name = raw.endsWith('[]') ? raw.slice(0, -2) : raw;
    const kind = kindOf(shape[name]);
    const number = text.trim() === '' ? Number.NaN : Number(text);
    const value =
      kind === 'number' && !Number.isNaN(number)
        ? number
        : kind === 'boolean' && (text === 'true' || text === 'false')
          ? text === 'true'
          : text;
    if (kind === 'array') object[name] = [...((object[name] as unknown[]) ?? []), value];
    else object[name] = value;
  }
  return object;
}

/** One problem in the words a 400 uses: `amount_in_cents must be at least 1`. */
function describe(issue: core.$ZodIssue): string {
  const at = issue.path.length > 0 ? issue.path.join('.') : 'The body';
  switch (issue.code) {
    case 'invalid_type': {
      const type = issue.expected === 'int' ? 'integer' : issue.expected;
      return `${at} must be ${/^[aeiou]/.test(type) ? 'an' : 'a'} ${type}`;
    }
    case 'too_small':
      return `${at} must ${issue.origin === 'array' ? 'have' : 'be'} at least ${issue.minimum}`;
    case 'too_big':
      return `${at} must ${issue.origin === 'array' ? 'have' : 'be'} at most ${issue.maximum}`;
    case 'invalid_value':
      return `${at} must be one of ${issue.values.join(', ')}`;
    case 'invalid_format':
      return `${at} must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `${at} has unknown keys: ${issue.keys.join(', ')}`;
    default:
      return `${at} is invalid`;
  }
}

/** `value` as `schema` reads it, or `refuse` with every problem named. */
export function readInput<T extends ZodMiniType>(
  schema: T,
  value: unknown,
  refuse: (message: string) => never,
): output<T> {
  const result = lenient(schema).safeParse(value);
  return result.success ? result.data : refuse(result.error.issues.map(describe).join('; '));
}
