import { inputReaders } from '../kernel/input.js';
import { isObject } from '../kernel/parse-request.js';
import { reply } from '../kernel/reply.js';
import type { SequenceRecord } from './model.js';

type Kind = 'string' | 'object' | 'array' | 'count';

/** The documented body fields and their types (`count`: an integer ≥ 0). */
const FIELDS: Record<string, Kind> = {
  name: 'string',
  code: 'string',
  schedule: 'object',
  priority: 'string',
  owner: 'object',
  type: 'string',
  emailFrom: 'object',
  maxContacts: 'count',
  tags: 'array',
  status: 'string',
  steps: 'array',
  contacts: 'array',
  template: 'string',
  startDate: 'string',
  endDate: 'string',
  deleted: 'string',
};

/** Fields the fake manages itself; a body cannot set them. */
const OWN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', '__v']);

function invalid(message: string): never {
  return reply(400, { message }).throw();
}

export const { bodyObject, queryInteger } = inputReaders(invalid);

function fits(value: unknown, kind: Kind): boolean {
  if (value === null) return true;
  if (kind === 'count') return Number.isSafeInteger(value) && (value as number) >= 0;
  if (kind === 'array') return Array.isArray(value);
  return kind === 'object' ? isObject(value) : typeof value === 'string';
}

/** The fields a body sets, type-checked; fields the docs do not list are kept as sent. */
export function sequenceFields(body: unknown): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(bodyObject(body))) {
    if (OWN_FIELDS.has(name) || value === undefined) continue;
    const kind = FIELDS[name];
    if (kind && !fits(value, kind))
      invalid(`${name} must be ${kind === 'count' ? 'an integer ≥ 0' : `a ${kind}`}.`);
    fields[name] = value;
  }
  return fields;
}

/** Every documented field null: what a full replacement starts from. */
export const emptyFields = () => Object.fromEntries(Object.keys(FIELDS).map((name) => [name, null]));

/** A new sequence: the given fields over all-null documented ones. */
export function newSequence(id: string, createdAt: string, fields: Record<string, unknown>): SequenceRecord {
  return { ...emptyFields(), ...fields, id, createdAt, updatedAt: createdAt, __v: 0 } as SequenceRecord;
}
