import * as z from 'zod/mini';
import { RequestValidationError } from '../core/errors/request-validation-error.js';
import { pathSegment } from '../internal/path-segment.js';
import { validateInput } from '../internal/validate-input.js';
import { zSequenceActivityInput, zSequenceInput } from './generated/v2/zod.gen.js';
import type { SequenceActivityInput, SequenceInput } from './types.js';

/**
 * A sequence id becomes one path segment: non-empty, no `/`, and not `.` or `..` (which a URL would resolve to
 * another path, e.g. `DELETE /sequences/deleted/..` to `DELETE /sequences`). A numeric id, as a created sequence
 * may carry, is a whole number ≥ 0.
 */
const idSchema = z.union(
  [
    z
      .string()
      .check(z.regex(/^(?!\.{1,2}$)[^/]+$/, 'a sequence id is non-empty, has no "/" and is not "." or ".."')),
    z.int().check(z.gte(0, 'a numeric sequence id is a whole number ≥ 0')),
  ],
  'a sequence id is a string or a whole number',
);

/** A sequence id validated (`RequestValidationError`, nothing sent) and URL-encoded for a path. */
export function idPath(id: unknown): string {
  return pathSegment(String(validateInput(idSchema, id, 'sequence id')), 'sequence id');
}

/**
 * A create/update/patch body: the documented fields with their documented types (`maxContacts` a whole number
 * ≥ 0); a field the docs do not list is refused. `nonEmpty` refuses a body without any defined field.
 */
export function sequenceBody(
  input: SequenceInput,
  context: string,
  { nonEmpty = false } = {},
): SequenceInput {
  const body = validateInput(zSequenceInput, input, context);
  if (nonEmpty && Object.values(body).every((value) => value === undefined)) {
    throw new RequestValidationError([{ message: 'set at least one field' }], context);
  }
  return body;
}

/** An activity body: the docs name no field, so any JSON object (not an array, not null). */
export function activityBody(input: SequenceActivityInput): SequenceActivityInput {
  return validateInput(zSequenceActivityInput, input, 'sequence activity');
}
