import * as z from 'zod/mini';
import { pathSegment } from '../internal/path-segment.js';
import { validateArgument } from '../internal/validate-input.js';

// What Sequence's docs state in prose, as checks and pipes over the generated schemas' fields.

/** A Sequence id: non-empty, no slash (it becomes a path segment). */
export const idCheck = z.superRefine<string>((id, ctx) => {
  if (id === '') ctx.addIssue({ code: 'custom', message: 'cannot be empty', input: id });
  else if (id.includes('/')) ctx.addIssue({ code: 'custom', message: 'cannot contain "/"', input: id });
});

const id = z.string('an id is a string such as "rule_01HXYZ1234"').check(idCheck);

/** A path segment for an id: validated (`RequestValidationError`) and URL-encoded. */
export function idPath(value: unknown, name: string, context: string): string {
  return pathSegment(validateArgument(id, value, name, context), name);
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * A generated timestamp filter that also takes a `Date`: sent as ISO 8601 with a zone (Sequence rejects zone-less
 * ones).
 */
export function timestamp(generated: z.ZodMiniOptional<z.ZodMiniString<string>>) {
  return z.optional(
    z.pipe(
      z.union([
        z.date(),
        generated.def.innerType.check(
          z.regex(RFC3339, 'must be ISO 8601 with a zone, e.g. 2024-04-23T09:15:00Z, or a Date'),
        ),
      ]),
      z.transform((value) => (value instanceof Date ? value.toISOString() : value)),
    ),
  );
}
