/**
 * Reading a caller's input alongside the zod schema that checks it: which schema sits at a path, which keys an
 * object there defines, and how the path reads in the caller's own notation (`subscriber.fields["FirstName"]` for a
 * record key, `rows[2].email` for an array item). Works on zod and zod/mini schemas through their shared `_zod.def`;
 * anything else (another Standard Schema library) reads as an untyped path.
 */

type Segment = PropertyKey | { readonly key: PropertyKey };

/** The parts of a zod (or zod/mini) schema's `_zod.def` that the SDK reads. */
export interface Def {
  type?: string;
  shape?: Record<string, unknown>;
  catchall?: unknown;
  element?: unknown;
  items?: unknown[];
  valueType?: unknown;
  options?: unknown[];
  innerType?: unknown;
  in?: unknown;
  out?: unknown;
  left?: unknown;
  right?: unknown;
  getter?: () => unknown;
}

export const defOf = (schema: unknown): Def | undefined =>
  (schema as { _zod?: { def?: Def } } | null | undefined)?._zod?.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'readonly', 'catch']);

/** The schema that does the work under wrappers (`optional`, `default`, pipes, lazy getters). */
function unwrap(schema: unknown): unknown {
  for (let current = schema, depth = 0; depth < 32; depth++) {
    const def = defOf(current);
    if (def?.type !== undefined && WRAPPERS.has(def.type)) current = def.innerType;
    else if (def?.type === 'pipe') current = def.in;
    else if (def?.type === 'lazy' && def.getter) current = def.getter();
    else return current;
  }
  return undefined;
}

/** The object and record members of a schema (the schema itself, or a union's or intersection's parts). */
function members(schema: unknown): unknown[] {
  const inner = unwrap(schema);
  const def = defOf(inner);
  if (def?.type === 'union') return (def.options ?? []).flatMap(members);
  if (def?.type === 'intersection') return [...members(def.left), ...members(def.right)];
  return inner === undefined ? [] : [inner];
}

type Step = { kind: 'property' | 'key' | 'index'; schema: unknown };

/** One step down: `segment` read as a defined property, a record key or an array index of `schema`. */
function step(schema: unknown, segment: PropertyKey): Step | undefined {
  let fallback: Step | undefined;
  for (const member of members(schema)) {
    const def = defOf(member);
    if (def?.type === 'object') {
      if (typeof segment === 'string' && def.shape && Object.hasOwn(def.shape, segment)) {
        return { kind: 'property', schema: def.shape[segment] };
      }
      const open = defOf(def.catchall)?.type !== 'never' && def.catchall !== undefined;
      if (open) fallback ??= { kind: 'key', schema: def.catchall };
    } else if (def?.type === 'record') fallback ??= { kind: 'key', schema: def.valueType };
    else if (typeof segment !== 'number') continue;
    else if (def?.type === 'array') fallback ??= { kind: 'index', schema: def.element };
    else if (def?.type === 'tuple') fallback ??= { kind: 'index', schema: def.items?.[segment] };
  }
  return fallback;
}

/** The schema found by following `path` from `schema`, or `undefined` where the path leaves what it describes. */
export function schemaAt(schema: unknown, path: readonly Segment[]): unknown {
  let current: unknown = schema;
  for (const segment of path) {
    current = step(current, keyOf(segment))?.schema;
    if (current === undefined) return undefined;
  }
  return current;
}

/** The keys an object schema at `path` defines (the union of every object member's keys). */
export function definedKeysAt(schema: unknown, path: readonly Segment[]): string[] {
  const keys = members(schemaAt(schema, path)).flatMap((member) => {
    const def = defOf(member);
    return def?.type === 'object' ? Object.keys(def.shape ?? {}) : [];
  });
  return [...new Set(keys)];
}

/** A path segment's key (zod may report a segment as `{ key }`). */
export const keyOf = (segment: Segment): PropertyKey => (typeof segment === 'object' ? segment.key : segment);

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;
const MAX_KEY_LENGTH = 40;

/** A key as the caller would write it in brackets: quoted, escaped, and cut short when very long. */
export function quoteKey(key: PropertyKey): string {
  const text = typeof key === 'symbol' ? key.toString() : String(key);
  const shown = text.length > MAX_KEY_LENGTH ? `${text.slice(0, MAX_KEY_LENGTH)}…` : text;
  return JSON.stringify(shown);
}

/**
 * `path` in the caller's notation: defined properties with dots, array items as `[0]`, record keys (names the
 * caller chose, like field keys) as `["FirstName"]`. Without a schema, names that read as identifiers get dots.
 */
export function formatPath(path: readonly Segment[], schema?: unknown): string {
  let out = '';
  let current: unknown = schema;
  for (const raw of path) {
    const segment = keyOf(raw);
    const found = current === undefined ? undefined : step(current, segment);
    current = found?.schema;
    const kind =
      found?.kind ??
      (typeof segment === 'number' ? 'index' : IDENTIFIER.test(String(segment)) ? 'property' : 'key');
    if (kind === 'index') out += `[${String(segment)}]`;
    else if (kind === 'property' && typeof segment === 'string' && IDENTIFIER.test(segment)) {
      out += out === '' ? segment : `.${segment}`;
    } else out += `[${quoteKey(segment)}]`;
  }
  return out;
}
