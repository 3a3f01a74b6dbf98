import type { FieldType } from './state.js';

/** Rule's field rules, shared by subscriber field values and `/customizations`. */

const FIELD_TYPES: readonly string[] = ['text', 'single', 'multiple', 'json', 'datetime', 'date', 'time'];
const FORBIDDEN_KEY_CHARS = /[[\]/\\|@^~`]/;

export const isFieldType = (type: unknown): type is FieldType => FIELD_TYPES.includes(type as string);

/** `email` and `phone_number` are subscriber attributes, not field names. */
export const isReservedFieldName = (name: string) => ['email', 'phone_number'].includes(name.toLowerCase());

/** `GroupName.FieldName` split at the last dot; `undefined` for any other shape or a forbidden character. */
export function splitFieldKey(key: unknown): { group: string; field: string } | undefined {
  if (typeof key !== 'string' || FORBIDDEN_KEY_CHARS.test(key)) return undefined;
  const dot = key.lastIndexOf('.');
  return dot > 0 && dot < key.length - 1
    ? { group: key.slice(0, dot), field: key.slice(dot + 1) }
    : undefined;
}
