import * as z from 'zod/mini';
import { RequestValidationError } from '../../core/errors/request-validation-error.js';
import { toRuleDateTime } from '../datetime.js';

export type FieldType = 'text' | 'single' | 'multiple' | 'json' | 'date' | 'datetime' | 'time';

/** One custom field value as Rule's wire format spells it. */
export interface FieldValue {
  key: string;
  value: string | number | string[];
  type?: FieldType;
}

/**
 * A value in the record form; its Rule type is inferred: Date → datetime, string[] → multiple, any other array or
 * plain object → json, anything else → text.
 */
export type FieldRecordValue =
  | string
  | number
  | boolean
  | Date
  | string[]
  | readonly unknown[]
  | Record<string, unknown>;

/** Either Rule's own `[{ key, value, type }]` or `{ 'Group.Field': value }`. */
export type FieldValuesInput = FieldValue[] | Record<string, FieldRecordValue>;

const FORBIDDEN = /[[\]/\\|@^~`]/;
const GROUP_LIMIT = 65_000;

/** `Group.Field`: the last dot splits group from field, so only the group may contain dots. */
export const fieldKeySchema = z.string().check(
  z.refine((key) => /^.+\.[^.]+$/.test(key), 'field key must be "Group.Field"'),
  z.refine((key) => !FORBIDDEN.test(key), 'field key must not contain [ ] / \\ | @ ^ ~ or a backtick'),
  z.refine(
    (key) => !['email', 'phone_number'].includes(key.slice(key.lastIndexOf('.') + 1).toLowerCase()),
    'field name must not be "email" or "phone_number"',
  ),
);

export const fieldValueSchema = z.strictObject({
  key: fieldKeySchema,
  value: z.union([z.string(), z.number(), z.array(z.string())]),
  type: z.optional(z.enum(['text', 'single', 'multiple', 'json', 'date', 'datetime', 'time'])),
});

function inferred(key: string, value: FieldRecordValue, path: string): FieldValue {
  if (value instanceof Date) return { key, value: toRuleDateTime(value), type: 'datetime' };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { key, value: value as string[], type: 'multiple' };
  }
  if (typeof value === 'object' && value !== null)
    return { key, value: jsonText(value, `${path}.${key}`), type: 'json' };
  return { key, value: typeof value === 'boolean' ? String(value) : value, type: 'text' };
}

function jsonText(value: object, path: string): string {
  try {
    return JSON.stringify(value);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new RequestValidationError(
      [{ message: `a json field must be serialisable (${reason})`, path: [path] }],
      'subscriber fields',
    );
  }
}

/** The characters a value counts against its group; values of the wrong type count nothing (validation reports them). */
function text(value: unknown): string {
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return Array.isArray(value) ? value.filter((item) => typeof item === 'string').join('') : '';
}

/** Rule counts Scandinavian letters twice against a group's budget. */
function weight(text: string): number {
  let n = text.length;
  for (const ch of text) if ('åäöÅÄÖæøÆØ'.includes(ch)) n++;
  return n;
}

/** Converts either input form to the wire array and enforces Rule's per-group size limit. */
export function toWireFields(input: FieldValuesInput, path: string): FieldValue[] {
  if (typeof input !== 'object' || input === null) {
    throw new RequestValidationError(
      [{ message: 'fields must be an array of { key, value } or an object of values', path: [path] }],
      'subscriber fields',
    );
  }
  const fields = Array.isArray(input)
    ? input
    : Object.entries(input).map(([key, value]) => inferred(key, value, path));
  const perGroup = new Map<string, number>();
  for (const field of fields as unknown[]) {
    const { key, value } = (field ?? {}) as { key?: unknown; value?: unknown };
    if (typeof key !== 'string') continue;
    const group = key.slice(0, key.lastIndexOf('.'));
    perGroup.set(group, (perGroup.get(group) ?? 0) + weight(text(value)));
  }
  for (const [group, size] of perGroup) {
    if (size > GROUP_LIMIT) {
      throw new RequestValidationError(
        [
          {
            message: `group "${group}" holds ${size} characters; Rule allows fewer than ${GROUP_LIMIT}`,
            path: [path],
          },
        ],
        'subscriber fields',
      );
    }
  }
  return fields;
}
