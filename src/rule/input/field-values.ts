import * as z from 'zod/mini';
import { isRuleDateTime, toRuleDateTime } from '../datetime.js';
import {
  zCreateCustomizationsRequest,
  zFieldKey,
  type zFieldType,
  zFieldValueInput,
} from '../generated/v2/zod.gen.js';

const FORBIDDEN = /[[\]/\\|@^~`]/;
const GROUP_LIMIT = 65_000;

/**
 * `Group.Field` (the last dot splits group from field), as the docs' prose states it; each rule gets its own message
 * in place of the generated pattern's.
 */
export const fieldKey = zFieldKey.check(
  z.refine((key) => /^.+\.[^.]+$/.test(key), 'field key must be "Group.Field"'),
  z.refine((key) => !FORBIDDEN.test(key), 'field key must not contain [ ] / \\ | @ ^ ~ or a backtick'),
  z.refine(
    (key) => !['email', 'phone_number'].includes(key.slice(key.lastIndexOf('.') + 1).toLowerCase()),
    'field name must not be "email" or "phone_number"',
  ),
);

/** The form the docs give a date, datetime or time field's value; other types take any value. */
const FORMS: Partial<Record<FieldType, string>> = {
  date: 'YYYY-MM-DD',
  datetime: 'YYYY-MM-DD HH:MM:SS',
  time: 'HH:MM:SS',
};

/** A date or time value completed to Rule's `YYYY-MM-DD HH:MM:SS` (a date at midnight, a time on some day). */
const completed = (type: FieldType, text: string) =>
  type === 'date' ? `${text} 00:00:00` : type === 'time' ? `2000-01-01 ${text}` : text;

/** One value in Rule's own form, `{ key, value, type }`; a date or time in the form its type needs, a real one. */
export const fieldValue = z.extend(zFieldValueInput, { key: fieldKey }).check(
  z.superRefine(({ value, type }, ctx) => {
    const form = type && FORMS[type];
    if (form && !(typeof value === 'string' && isRuleDateTime(completed(type, value)))) {
      ctx.addIssue({ code: 'custom', message: `must be ${form}`, input: value, path: ['value'] });
    }
  }),
);

/** A field to create with `fields.createGroups`: `{ key, type }`. */
export const newField = z.extend(zCreateCustomizationsRequest.shape.fields.def.element, { key: fieldKey });

/**
 * A value in the record form; its Rule type is inferred: Date → datetime, string[] → multiple, any other array or
 * plain object → json, anything else → text.
 */
const recordValue = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.date(),
  // Any array, read-only ones included (the SDK copies it; `z.readonly` would freeze the caller's own).
  z.custom<readonly unknown[]>((value) => Array.isArray(value), 'expected an array'),
  z.record(z.string(), z.unknown()),
]);

export type FieldType = z.output<typeof zFieldType>;
export type FieldValue = z.input<typeof fieldValue>;
export type FieldRecordValue = z.input<typeof recordValue>;

function inferredValue(value: FieldRecordValue): Pick<FieldValue, 'value' | 'type'> {
  if (value instanceof Date) return { value: toRuleDateTime(value), type: 'datetime' };
  // Array.from reads the holes of a sparse array, which `every` would skip and JSON would send as null.
  const items = Array.isArray(value) ? Array.from(value as readonly unknown[]) : undefined;
  if (items?.every((item) => typeof item === 'string')) return { value: items as string[], type: 'multiple' };
  if (typeof value === 'object') return { value: JSON.stringify(value), type: 'json' };
  return { value: typeof value === 'boolean' ? String(value) : value, type: 'text' };
}

/** One record entry as Rule's `{ key, value, type }`; a value that cannot be sent becomes an issue at its key. */
function inferred(key: string, value: FieldRecordValue, ctx: z.core.ParsePayload): FieldValue {
  try {
    return { key, ...inferredValue(value) };
  } catch (error) {
    // A date out of Rule's range is refused by toRuleDateTime; JSON.stringify throws on cycles and BigInt.
    const reason = (error instanceof Error ? error.message : String(error)).split('\n')[0];
    ctx.issues.push({ code: 'custom', message: `cannot be sent (${reason})`, input: value, path: [key] });
    return { key, value: '' };
  }
}

/** The characters a value counts against its group. */
function text(value: FieldValue['value']): string {
  return Array.isArray(value) ? value.join('') : String(value);
}

/** Rule counts Scandinavian letters twice against a group's budget. */
function weight(text: string): number {
  let n = text.length;
  for (const ch of text) if ('åäöÅÄÖæøÆØ'.includes(ch)) n++;
  return n;
}

/** Rule's per-group budget: fewer than 65,000 characters, Scandinavian letters counting twice. */
function checkGroupSizes(fields: FieldValue[], ctx: z.core.ParsePayload): void {
  const perGroup = new Map<string, number>();
  for (const { key, value } of fields) {
    const group = key.slice(0, key.lastIndexOf('.'));
    perGroup.set(group, (perGroup.get(group) ?? 0) + weight(text(value)));
  }
  for (const [group, size] of perGroup) {
    if (size >= GROUP_LIMIT) {
      ctx.issues.push({
        code: 'custom',
        message: `group "${group}" holds ${size} characters; Rule allows fewer than ${GROUP_LIMIT}`,
        input: fields,
      });
    }
  }
}

/**
 * A subscriber's field values: Rule's `[{ key, value, type }]`, or `{ 'Group.Field': value }` with types inferred.
 * Either way the SDK sends Rule's array, and refuses a group over Rule's size limit.
 */
export const fieldValues = z.pipe(
  z.union([z.array(fieldValue), z.record(fieldKey, recordValue)]),
  z.transform((input, ctx) => {
    const fields = Array.isArray(input)
      ? input
      : Object.entries(input).map(([key, value]) => inferred(key, value, ctx));
    checkGroupSizes(fields, ctx);
    return fields;
  }),
);

export type FieldValuesInput = z.input<typeof fieldValues>;
