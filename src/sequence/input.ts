import * as z from 'zod/mini';
import { pathSegment } from '../core/path-segment.js';
import { validateInput } from '../core/validate-input.js';

/** A Sequence id: non-empty, no slash (it becomes a path segment). */
export const idSchema = z.string('an id is a string such as "rule_01HXYZ1234"').check(
  z.minLength(1, 'an id cannot be empty'),
  z.refine((id) => !id.includes('/'), 'an id cannot contain "/"'),
);

/** Page size for cursor listings: Sequence allows at most 100. */
export const firstSchema = z.optional(
  z.int().check(z.minimum(1, 'first must be at least 1'), z.maximum(100, 'first cannot exceed 100')),
);

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** A timestamp filter: a `Date`, or an ISO 8601 string with a time zone (Sequence rejects zone-less ones). */
export const timestampSchema = z.optional(
  z.pipe(
    z.union([
      z.date().check(z.refine((d) => !Number.isNaN(d.getTime()), 'invalid Date')),
      z
        .string()
        .check(z.regex(RFC3339, 'a timestamp must be ISO 8601 with a zone, e.g. 2024-04-23T09:15:00Z')),
    ]),
    z.transform((value) => (value instanceof Date ? value.toISOString() : value)),
  ),
);

/** A path segment for an id: validated (`RequestValidationError`) and URL-encoded. */
export function idPath(id: unknown, what: string): string {
  return pathSegment(validateInput(idSchema, id, what), what);
}

/**
 * Validates query parameters and returns them as given (no schema defaults added), so the URL carries only what
 * the caller chose. Names the schema does not know are refused, even when the schema itself would let them pass.
 */
export function queryOf(
  schema: { shape: z.core.$ZodShape },
  params: unknown,
  context: string,
): Record<string, string | number | boolean | undefined> {
  const valid = validateInput(z.strictObject(schema.shape), params, context) as Record<string, unknown>;
  const out: Record<string, string | number | boolean | undefined> = {};
  for (const key of Object.keys(params as object))
    out[key] = valid[key] as string | number | boolean | undefined;
  return out;
}
