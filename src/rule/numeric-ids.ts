import type { ResponseSchema } from '../core/index.js';
import { compileSchema } from '../zod/compile-schema.js';

type IdKey = 'id' | `${string}_id`;
/** `number | string` (an id-like) becomes `number`; an id the spec types as a string only stays a string. */
type NumberIfNumeric<V> = [Extract<V, number>] extends [never] ? V : Exclude<V, string>;

/** A generated response type with every id-like field narrowed to `number` (the SDK coerces `"1"` to `1`). */
export type NumericIds<T> = T extends readonly (infer U)[]
  ? NumericIds<U>[]
  : T extends object
    ? { [K in keyof T]: K extends IdKey ? NumericIds<NumberIfNumeric<T[K]>> : NumericIds<T[K]> }
    : T;

const DIGITS = /^\d{1,15}$/;

function isIdKey(key: string): boolean {
  return key === 'id' || key.endsWith('_id');
}

/**
 * Returns `value` with digit-string ids turned into numbers, copying only what changes. Runs on every item of every
 * response, so it visits keys without allocating and only descends into objects and arrays.
 */
export function coerceIds(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item !== 'object' || item === null) continue;
      const next = coerceIds(item);
      if (next === item) continue;
      out ??= value.slice();
      out[i] = next;
    }
    return out ?? value;
  }
  const record = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  // for…in: Object.keys would allocate an array per object (zod's object parser walks keys the same way).
  for (const key in record) {
    const inner = record[key];
    let next: unknown;
    if (typeof inner === 'object' && inner !== null) next = coerceIds(inner);
    else if (typeof inner === 'string' && isIdKey(key) && DIGITS.test(inner)) next = Number(inner);
    else continue;
    if (next === inner) continue;
    out ??= { ...record };
    out[key] = next;
  }
  return out ?? value;
}

/**
 * Validates with the generated (tolerant) schema, then coerces ids: Rule's docs and servers send both `1` and `"1"`.
 */
export function withNumericIds<T>(schema: ResponseSchema<T>): ResponseSchema<NumericIds<T>> {
  return {
    '~standard': {
      validate(value) {
        const result = compileSchema(schema)['~standard'].validate(value);
        const finish = (r: Awaited<typeof result>) =>
          r.issues ? r : { value: coerceIds(r.value) as NumericIds<T> };
        return result instanceof Promise ? result.then(finish) : finish(result);
      },
    },
  };
}
