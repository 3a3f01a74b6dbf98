import { RequestValidationError } from '../core/errors/request-validation-error.js';
import type { ValidationIssue } from '../core/errors/validation-issue.js';
import { explainIssues } from './input-issues.js';
import type { ResponseSchema } from './standard-schema.js';

function check<T>(schema: ResponseSchema<T>, value: unknown, context: string) {
  const result = schema['~standard'].validate(value);
  if (result instanceof Promise) throw new TypeError(`${context}: input schemas must be synchronous`);
  return result;
}

/**
 * Checks caller input before anything is sent; throws `RequestValidationError` naming every problem in the
 * caller's own terms (see `explainIssues`). `context` names the call, e.g. `subscribers.create`. Schemas must be
 * synchronous (zod/mini schemas without async refinements are).
 */
export function validateInput<T>(schema: ResponseSchema<T>, value: unknown, context: string): T {
  const result = check(schema, value, context);
  if (result.issues) throw new RequestValidationError(explainIssues(result.issues, value, schema), context);
  return result.value;
}

/** As `validateInput`, for one positional argument: problems are named after it (`id must be a positive integer`). */
export function validateArgument<T>(
  schema: ResponseSchema<T>,
  value: unknown,
  name: string,
  context: string,
): T {
  const result = check(schema, value, context);
  if (!result.issues) return result.value;
  const issues: ValidationIssue[] = result.issues.map((issue) => ({
    ...issue,
    path: [name, ...(issue.path ?? [])],
  }));
  // The argument seen as the one property of an object, so paths below it read as they would in one.
  const holder = { _zod: { def: { type: 'object', shape: { [name]: schema } } } };
  throw new RequestValidationError(explainIssues(issues, { [name]: value }, holder), context);
}

/**
 * Validates query parameters and returns only those the caller gave (as the schema outputs them), so a URL carries
 * what the caller chose and not the defaults a spec documents.
 */
export function validateQuery(
  schema: ResponseSchema<unknown>,
  params: unknown,
  context: string,
): Record<string, string | number | boolean | undefined> {
  const valid = validateInput(schema, params, context) as Record<string, string | number | boolean>;
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const key of Object.keys(params as object)) out[key] = valid[key];
  return out;
}
