import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { validateArgument, validateInput } from '../../src/internal/validate-input.js';

function messageOf(schema: Parameters<typeof validateInput>[0], value: unknown): string {
  try {
    validateInput(schema, value, 'filters');
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a RequestValidationError');
}

const filters = z.strictObject({
  account_id: z.string(),
  first: z.optional(z.number()),
  update_on_duplicate: z.optional(z.boolean()),
});

it('names an unknown key with the defined key it most likely meant', () => {
  expect(messageOf(filters, { account_id: 'a', update_on_duplicat: true })).toBe(
    'filters: update_on_duplicat: unknown option; did you mean update_on_duplicate?',
  );
  // camelCase for a snake_case name, as JavaScript callers write it.
  expect(messageOf(filters, { account_id: 'a', updateOnDuplicate: true })).toBe(
    'filters: updateOnDuplicate: unknown option; did you mean update_on_duplicate?',
  );
  expect(messageOf(filters, { account_id: 'a', colour: 1, size: 2 })).toBe(
    'filters: colour: unknown option (expected account_id, first, update_on_duplicate); size: unknown option (expected account_id, first, update_on_duplicate)',
  );
});

it('says a missing value is required and a wrong one what it should be, instead of "Invalid input"', () => {
  expect(messageOf(filters, {})).toBe('filters: account_id is required');
  expect(messageOf(filters, { account_id: 7 })).toBe('filters: account_id must be a string, not a number');
  expect(messageOf(z.strictObject({ n: z.int() }), { n: 1.5 })).toBe(
    'filters: n must be a whole number, not a number',
  );
  expect(messageOf(filters, 'x')).toBe('filters: expected an object, got a string');
  expect(messageOf(z.strictObject({ tags: z.array(z.string()).check(z.minLength(1)) }), { tags: [] })).toBe(
    'filters: tags must have at least 1 item',
  );
});

it("uses the caller's own path: record keys in brackets, array items by index", () => {
  const key = z.string().check(
    z.regex(/\./),
    z.refine((k) => k.includes('.'), 'field key must be "Group.Field"'),
  );
  const schema = z.strictObject({
    subscriber: z.strictObject({ fields: z.record(key, z.string()) }),
    rows: z.optional(z.array(z.strictObject({ email: z.string() }))),
  });
  // The schema's own message replaces the generic pattern complaint about the same key.
  expect(messageOf(schema, { subscriber: { fields: { FirstName: 'Ada' } } })).toBe(
    'filters: subscriber.fields["FirstName"]: field key must be "Group.Field"',
  );
  expect(messageOf(schema, { subscriber: { fields: {} }, rows: [{ email: 'a' }, {}] })).toBe(
    'filters: rows[1].email is required',
  );
});

it('explains a union by the branch the input came closest to, or by the kinds it accepts', () => {
  const either = z.strictObject({ n: z.union([z.string(), z.number()]) });
  expect(messageOf(either, { n: true })).toBe('filters: n must be a string or a number, not a boolean');
  const automation = z.strictObject({ automation: z.union([z.literal(false), z.enum(['reset', 'force'])]) });
  expect(messageOf(automation, { automation: 'x' })).toBe(
    "filters: automation must be false, 'reset' or 'force', not a string",
  );
  const shapes = z.union([
    z.strictObject({ type: z.literal('email'), subject: z.string() }),
    z.strictObject({ type: z.literal('sms'), content: z.string() }),
  ]);
  expect(messageOf(shapes, { type: 'sms', content: 1 })).toBe(
    'filters: content must be a string, not a number',
  );
});

it('keeps messages a schema wrote itself', () => {
  const schema = z.string().check(z.minLength(3, 'too short'));
  expect(messageOf(schema, 'ab')).toBe('filters: too short');
});

it('names a positional argument after its parameter', () => {
  const call = () =>
    validateArgument(z.int().check(z.positive('must be a positive integer')), 0, 'id', 'update');
  expect(call).toThrow('update: id: must be a positive integer');
});
