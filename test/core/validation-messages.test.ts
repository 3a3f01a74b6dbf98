import { expect, it } from 'vitest';
import * as z from 'zod/mini';
import { RequestValidationError } from '../../src/core/index.js';
import { validateInput } from '../../src/core/validate-input.js';

function messageOf(schema: Parameters<typeof validateInput>[0], value: unknown): string {
  try {
    validateInput(schema, value, 'filters');
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as Error).message;
  }
  throw new Error('expected a RequestValidationError');
}

it('names unknown keys and expected types, which zod/mini leaves as "Invalid input"', () => {
  const schema = z.strictObject({ account_id: z.string(), first: z.optional(z.number()) });
  expect(messageOf(schema, { account_id: 'a', colour: 'red' })).toBe(
    'filters: Invalid input: unknown key "colour"',
  );
  expect(messageOf(schema, { account_id: 'a', colour: 1, size: 2 })).toBe(
    'filters: Invalid input: unknown keys "colour", "size"',
  );
  expect(messageOf(schema, { account_id: 7 })).toBe('filters: account_id: Invalid input: expected string');
});

it('keeps messages a schema wrote itself', () => {
  const schema = z.string().check(z.minLength(3, 'too short'));
  expect(messageOf(schema, 'ab')).toBe('filters: too short');
});
