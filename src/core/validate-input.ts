import { RequestValidationError } from './errors/request-validation-error.js';
import type { ResponseSchema } from './standard-schema.js';

/**
 * Checks caller input before anything is sent; throws `RequestValidationError` naming every problem. Schemas must
 * be synchronous (zod/mini schemas without async refinements are).
 */
export function validateInput<T>(schema: ResponseSchema<T>, value: unknown, context: string): T {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError(`${context}: input schemas must be synchronous`);
  if (result.issues) throw new RequestValidationError(result.issues, context);
  return result.value;
}
