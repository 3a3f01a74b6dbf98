import type { ValidationIssue } from '../core/errors/validation-issue.js';
import { type Def, defOf } from '../internal/input-path.js';
import type { ResponseSchema } from '../internal/standard-schema.js';
import { compileSchema } from '../zod/compile-schema.js';

type IdKey = 'id' | `${string}_id`;
/** `number | string` (an id-like) becomes `number`; an id the spec types as a string only stays a string. */
type NumberIfNumeric<V> = [Extract<V, number>] extends [never] ? V : Exclude<V, string>;

/**
 * A generated response type with every id-like field narrowed to `number`: the SDK turns Rule's digit-string ids
 * (`"1"`) into numbers, and refuses an id no `number` holds exactly (above `Number.MAX_SAFE_INTEGER`, 16 digits
 * and more) or a negative one, as a `ResponseValidationError`, rather than hand over a string typed `number`.
 */
export type NumericIds<T> = T extends readonly (infer U)[]
  ? NumericIds<U>[]
  : T extends object
    ? { [K in keyof T]: K extends IdKey ? NumericIds<NumberIfNumeric<T[K]>> : NumericIds<T[K]> }
    : T;

/**
 * Where a schema's output holds ids: the `id` / `*_id` fields it types as possibly numeric, found once from the
 * schema itself. Only these are read, so user data (JSON fields, unknown keys) is never walked, however deep.
 */
interface IdPlan {
  /** Keys of this object whose values are ids. */
  ids: string[];
  /** Keys whose values hold ids further down (an array: walked for every item of every page, without iterators). */
  fields: ReadonlyArray<readonly [string, IdPlan]>;
  /** For an array or a record: where each element holds ids. */
  each: IdPlan | undefined;
}

/** Wrappers whose output is their inner schema's (`optional`, `nullable`, `default`, `readonly`, …). */
function inner(def: Def): unknown {
  if ('innerType' in def) return def.innerType;
  if (def.type === 'pipe') return def.out;
  return undefined;
}

function canBeNumber(schema: unknown): boolean {
  const def = defOf(schema);
  if (!def) return false;
  if (def.type === 'number') return true;
  if (def.type === 'union') return (def.options as unknown[]).some(canBeNumber);
  const wrapped = inner(def);
  return wrapped !== undefined && canBeNumber(wrapped);
}

function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

function merge(plans: ReadonlyArray<IdPlan | undefined>): IdPlan | undefined {
  const present = plans.filter((p): p is IdPlan => p !== undefined);
  if (present.length <= 1) return present[0];
  const ids = [...new Set(present.flatMap((p) => p.ids))];
  const byKey = present.map((p) => new Map(p.fields));
  const keys = new Set(byKey.flatMap((fields) => [...fields.keys()]));
  const fields = [...keys].map((key) => [key, merge(byKey.map((f) => f.get(key)))!] as const);
  return { ids, fields, each: merge(present.map((p) => p.each)) };
}

/** The plan of one schema; `undefined` where it holds no ids (recursive `lazy` schemas are not followed). */
function planOf(schema: unknown): IdPlan | undefined {
  const def = defOf(schema);
  if (!def) return undefined;
  switch (def.type) {
    case 'object': {
      const ids: string[] = [];
      const fields: Array<readonly [string, IdPlan]> = [];
      for (const [key, field] of Object.entries(def.shape as Record<string, unknown>)) {
        if (isIdKey(key) && canBeNumber(field)) ids.push(key);
        else {
          const plan = planOf(field);
          if (plan) fields.push([key, plan]);
        }
      }
      return ids.length > 0 || fields.length > 0 ? { ids, fields, each: undefined } : undefined;
    }
    case 'array':
      return wrapEach(planOf(def.element));
    case 'record':
      return wrapEach(planOf(def.valueType));
    case 'union':
      return merge((def.options as unknown[]).map(planOf));
    case 'intersection':
      return merge([planOf(def.left), planOf(def.right)]);
    default: {
      const wrapped = inner(def);
      return wrapped === undefined ? undefined : planOf(wrapped);
    }
  }
}

function wrapEach(each: IdPlan | undefined): IdPlan | undefined {
  return each && { ids: [], fields: [], each };
}

/** The id as a number, or why it cannot be one. */
function readId(value: unknown): number | string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  const id = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  if (typeof id !== 'number') return `expected a numeric id, got ${JSON.stringify(value)}`;
  if (!Number.isSafeInteger(id)) {
    return `id ${typeof value === 'string' ? value : id} is beyond Number.MAX_SAFE_INTEGER: no number holds it exactly`;
  }
  if (id < 0) return `id ${id} is negative`;
  return id;
}

/**
 * `value` with the plan's digit-string ids turned into numbers, copying only what changes (never the input);
 * refused ids go to `issues`. Descends only where the plan does, so its depth is the schema's. `path` is where
 * `value` sits, pushed and popped in place: it is copied only for an issue.
 */
function applyPlan(value: unknown, plan: IdPlan, path: PropertyKey[], issues: ValidationIssue[]): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    if (!plan.each) return value;
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      path.push(i);
      const next = applyPlan(value[i], plan.each, path, issues);
      path.pop();
      if (next === value[i]) continue;
      out ??= value.slice();
      out[i] = next;
    }
    return out ?? value;
  }
  // A loop per kind of key rather than a callback per key: this runs for every item of every page.
  const source = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const key of plan.ids) {
    const raw = source[key];
    if (raw === undefined || raw === null || !Object.hasOwn(source, key)) continue;
    const id = readId(raw);
    if (id === raw) continue;
    if (typeof id === 'number') out = withKey(out, source, key, id);
    else issues.push({ message: id, path: [...path, key] });
  }
  for (const [key, fieldPlan] of plan.fields) {
    if (!Object.hasOwn(source, key)) continue;
    const next = applyAt(source, key, fieldPlan, path, issues);
    if (next !== source[key]) out = withKey(out, source, key, next);
  }
  const { each } = plan;
  if (each) {
    for (const key in source) {
      if (!Object.hasOwn(source, key)) continue;
      const next = applyAt(source, key, each, path, issues);
      if (next !== source[key]) out = withKey(out, source, key, next);
    }
  }
  return out ?? value;
}

/** `out`, or the first copy of `source` (never the input itself), with `key` set to `value`. */
function withKey(
  out: Record<string, unknown> | undefined,
  source: Record<string, unknown>,
  key: string,
  value: unknown,
): Record<string, unknown> {
  const copy = out ?? { ...source };
  copy[key] = value;
  return copy;
}

/** `applyPlan` on the value under `key`, with `key` on the path while it runs. */
function applyAt(
  source: Record<string, unknown>,
  key: string,
  plan: IdPlan,
  path: PropertyKey[],
  issues: ValidationIssue[],
): unknown {
  path.push(key);
  const next = applyPlan(source[key], plan, path, issues);
  path.pop();
  return next;
}

const plans = new WeakMap<object, IdPlan | null>();

/**
 * Reads the ids of values `schema` has validated: digit strings become numbers; an id beyond
 * `Number.MAX_SAFE_INTEGER` or negative is an issue. The plan is made from the schema once, on first use.
 */
export function idReader(
  schema: object,
): (value: unknown) => { value: unknown; issues?: undefined } | { issues: ValidationIssue[] } {
  return (value) => {
    // Made on first use, not when a module declares its schemas: importing the SDK stays cheap.
    let plan = plans.get(schema);
    if (plan === undefined) {
      plan = planOf(schema) ?? null;
      plans.set(schema, plan);
    }
    if (!plan) return { value };
    const issues: ValidationIssue[] = [];
    const out = applyPlan(value, plan, [], issues);
    return issues.length > 0 ? { issues } : { value: out };
  };
}

/**
 * Validates with the generated (tolerant) schema, then reads ids: Rule's docs and servers send both `1` and `"1"`.
 */
export function withNumericIds<T>(schema: ResponseSchema<T>): ResponseSchema<NumericIds<T>> {
  const readIds = idReader(schema);
  return {
    '~standard': {
      validate(value) {
        const result = compileSchema(schema)['~standard'].validate(value);
        const finish = (r: Awaited<typeof result>) =>
          r.issues ? r : (readIds(r.value) as { value: NumericIds<T> } | { issues: ValidationIssue[] });
        return result instanceof Promise ? result.then(finish) : finish(result);
      },
    },
  };
}
