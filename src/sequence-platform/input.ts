import * as z from 'zod/mini';
import { RequestValidationError } from '../core/errors/request-validation-error.js';
import type { QueryValue } from '../core/raw-request.js';
import { pathSegment } from '../internal/path-segment.js';
import { validateInput } from '../internal/validate-input.js';
import { isoDateTime } from '../zod/iso.js';
import { zIdempotencyKey } from './generated/v1/zod.gen.js';

/**
 * What the document says in prose about the inputs its schemas check, keyed by field name: the message of any issue
 * the generated schema finds there (zod/mini's own reads only "Invalid input").
 */
const PROSE: Record<string, string> = {
  amountInCents: 'must be a whole number of cents, at least 100 ($1.00, the minimum Sequence moves)',
  description: 'must be at most 10 letters, digits or spaces (the ACH label on the statement)',
  executeAmount: 'must be a whole number of cents, 0 or more',
  simulation: 'must be true or false',
  sourceAccountId: 'must be an account id',
  destinationAccountId: 'must be an account id',
  accountIds: 'must be a list of one or more account ids (UUIDs)',
  accountId: 'must be an account id (a UUID)',
  cardId: 'must be a card id (a UUID)',
  apiKeyId: 'must be an API key id (a UUID)',
  page: 'must be a whole number, 1 or more',
  pageSize: 'must be a whole number from 1 to 100',
  from: 'must be a Date or an RFC 3339 date-time such as 2026-04-19T18:19:12Z',
  to: 'must be a Date or an RFC 3339 date-time such as 2026-04-19T18:19:12Z',
};

/** Validates `value`; an issue at a field the document explains carries that explanation (or `message`). */
function check<T>(schema: z.ZodMiniType<T>, value: unknown, context: string, message?: string): T {
  try {
    return validateInput(schema, value, context);
  } catch (error) {
    if (!(error instanceof RequestValidationError)) throw error;
    const issues = error.issues.map((issue) => {
      const prose = message ?? PROSE[String(issue.path?.[0])];
      // An unknown key is reported as itself; only rule violations get the prose.
      return prose && !('keys' in issue) ? { ...issue, message: prose } : issue;
    });
    // Two rules broken at one place (too long, and a character not allowed) read as one explanation.
    const said = (i: (typeof issues)[number]) => `${i.path?.join('.')} ${i.message}`;
    const once = issues.filter(
      (issue, index) => issues.findIndex((other) => said(other) === said(issue)) === index,
    );
    throw new RequestValidationError(once, context);
  }
}

/** A generated object schema made exact: a key it does not define is refused, not sent and not dropped. */
export function exact<Shape extends z.core.$ZodShape>(generated: { shape: Shape }) {
  return z.strictObject(generated.shape);
}

/** A generated query schema made exact, its `from`/`to` filters taking what the document accepts (`timestamp`). */
export function exactWithTimes<Shape extends z.core.$ZodShape>(generated: { shape: Shape }) {
  return z.extend(exact(generated), { from: timestamp, to: timestamp });
}

/**
 * A `from`/`to` filter: a `Date`, or any RFC 3339 date-time (the document accepts `+00:00` offsets, which the
 * generated `date-time` check would refuse). Sent as written; a `Date` as ISO 8601 UTC.
 */
export const timestamp = z.optional(
  z.pipe(
    z.union([z.date().check(z.refine((d) => !Number.isNaN(d.getTime()))), isoDateTime({ offset: true })]),
    z.transform((value) => (value instanceof Date ? value.toISOString() : value)),
  ),
);

/** A request body (or query): validated, exact, the caller's keys only, so no schema default is sent. */
export function bodyOf(schema: z.ZodMiniType, input: unknown, context: string): Record<string, unknown> {
  const valid = check(schema, input, context) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(input as object)) out[key] = valid[key];
  return out;
}

/** Query parameters: validated and exact; lists go in the bracket notation the document asks for (`ids[]=…`). */
export function queryOf(schema: z.ZodMiniType, params: unknown, context: string): Record<string, QueryValue> {
  const query: Record<string, QueryValue> = {};
  for (const [key, value] of Object.entries(bodyOf(schema, params, context))) {
    query[Array.isArray(value) ? `${key}[]` : key] = value as QueryValue;
  }
  return query;
}

/** A path id, checked against its generated schema (a UUID) and URL-encoded. */
export function idPath(schema: z.ZodMiniType<string>, id: unknown, what: string): string {
  return pathSegment(
    check(schema, id, what, `${what} must be a UUID, e.g. c4a8e3b7-5d9f-4f1a-8e3d-12345abcdef0`),
    what,
  );
}

/** A caller's idempotency key must be one Sequence accepts: refused before sending otherwise. */
export function checkIdempotencyKey(options: { idempotencyKey?: string | undefined } | undefined): void {
  if (options?.idempotencyKey === undefined) return;
  check(
    zIdempotencyKey,
    options.idempotencyKey,
    'options.idempotencyKey',
    'must be 1-36 of A-Z a-z 0-9 . _ : / | -',
  );
}
