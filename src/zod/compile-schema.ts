import * as z from 'zod/mini';
import type { ResponseSchema } from '../internal/standard-schema.js';

const compiled = new WeakMap<object, ResponseSchema<unknown>>();

/**
 * The compiled twin of a response schema (`z.compile`: the same results and the same issues, several times faster
 * on a page of 100 subscribers), made on first use and shared by every client. Anything but a zod schema is
 * returned as it is. In browsers and workers `compile` leaves the schema as it is (see `./portable.ts`).
 */
export function compileSchema<T>(schema: ResponseSchema<T>): ResponseSchema<T> {
  if (!(schema instanceof z.ZodMiniType)) return schema;
  let fast = compiled.get(schema);
  if (!fast) {
    fast = z.compile(schema);
    compiled.set(schema, fast);
  }
  return fast as ResponseSchema<T>;
}
