import { zFieldType } from '../../rule/generated/v2/zod.gen.js';
import { badFields, fail } from './call.js';
import { type FakeSubscriber, type FieldType, nextId, type RuleFakeState, ruleTime } from './state.js';

/** Rule's field rules, shared by subscriber field values and `/customizations`. */

const FORBIDDEN_KEY_CHARS = /[[\]/\\|@^~`]/;

export const isFieldType = (type: unknown): type is FieldType =>
  zFieldType.options.includes(type as FieldType);

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

/** A subscriber of a create or update request, checked as Rule checks it. */
export interface SubscriberInput {
  email?: string;
  phone_number?: string;
  language?: string;
  fields: FieldWrite[];
}

export interface FieldWrite {
  group: string;
  field: string;
  value: unknown;
  type: FieldType;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** E.164; a number without a country code is read as Swedish, as Rule does. */
function normalisePhone(raw: unknown): string {
  const compact =
    typeof raw === 'string' || typeof raw === 'number' ? String(raw).replace(/[\s\-()]/g, '') : '';
  const e164 = compact.startsWith('+')
    ? compact
    : compact.startsWith('00')
      ? `+${compact.slice(2)}`
      : `+46${compact.replace(/^0/, '')}`;
  return /^\+[1-9]\d{6,14}$/.test(e164) ? e164 : fail(400, 'BadRequest', 'Invalid phone number.');
}

function fieldWrite(raw: unknown): FieldWrite {
  const { key, value, type = 'text' } = (raw ?? {}) as { key?: unknown; value?: unknown; type?: unknown };
  const parts = splitFieldKey(key);
  if (!parts) {
    fail(
      400,
      'InvalidFieldName',
      `Invalid field key: ${String(key)}. Use GroupName.FieldName without [ ] / \\ | @ ^ ~ or \`.`,
    );
  }
  if (isReservedFieldName(parts.field)) {
    fail(400, 'InvalidFieldName', 'Invalid name given. Email & phone_number are reserved keyword.');
  }
  if (!isFieldType(type)) {
    fail(
      400,
      'InvalidFieldType',
      'Invalid type given. Valid types are: [text, single, multiple, json, datetime, date, time].',
    );
  }
  if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))) {
    badFields({ [`fields.${key}`]: ['The value field is required and must be a string, number or array.'] });
  }
  const stored =
    type === 'multiple' ? [value].flat().map(String) : Array.isArray(value) ? value : String(value);
  return { ...parts, value: stored, type };
}

/**
 * Checks one subscriber object. `requireIdentifier`: creates need an email or a phone number. `message` is the
 * BadRequest text of the operation (Rule's create and update differ by a full stop).
 */
export function readSubscriberInput(
  raw: unknown,
  requireIdentifier: boolean,
  message: string,
): SubscriberInput {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    badFields({ subscribers: ['Each subscriber must be an object.'] }, message);
  }
  const { email, phone_number, language, fields } = raw as Record<string, unknown>;
  if (requireIdentifier && email == null && phone_number == null) {
    badFields({ email: ['The email field is required when phone number is not present.'] }, message);
  }
  if (email != null && (typeof email !== 'string' || !EMAIL.test(email))) {
    badFields({ email: ['The email must be a valid email address.'] }, message);
  }
  if (language != null && (typeof language !== 'string' || !/^[a-z]{2}$/.test(language))) {
    fail(400, 'BadRequest', 'Invalid language.');
  }
  if (fields != null && !Array.isArray(fields))
    badFields({ fields: ['The fields must be an array.'] }, message);
  return {
    ...(email == null ? {} : { email: email as string }),
    ...(phone_number == null ? {} : { phone_number: normalisePhone(phone_number) }),
    ...(language == null ? {} : { language: language as string }),
    fields: ((fields ?? []) as unknown[]).map(fieldWrite),
  };
}

/** The field `group.field`, created (with `type`) when missing; names match case-insensitively. */
export function ensureField(
  state: RuleFakeState,
  groupName: string,
  fieldName: string,
  type: FieldType,
  now: number,
) {
  let group = state.fieldGroups.find((g) => g.name.toLowerCase() === groupName.toLowerCase());
  if (!group) {
    const created_at = ruleTime(now);
    group = {
      id: nextId(state, 'fieldGroup'),
      name: groupName,
      created_at,
      updated_at: created_at,
      fields: [],
    };
    state.fieldGroups.push(group);
  }
  let field = group.fields.find((f) => f.name.toLowerCase() === fieldName.toLowerCase());
  if (!field) {
    field = { id: nextId(state, 'field'), name: fieldName, type };
    group.fields.push(field);
  }
  return { group, field };
}

/** Stores field values, creating groups and fields that do not exist yet. */
export function writeFields(
  state: RuleFakeState,
  subscriber: FakeSubscriber,
  writes: FieldWrite[],
  now: number,
) {
  for (const write of writes) {
    const { group, field } = ensureField(state, write.group, write.field, write.type, now);
    subscriber.fields[`${group.name}.${field.name}`] = write.value;
  }
}
