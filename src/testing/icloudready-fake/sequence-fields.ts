import { zSequenceInput } from '../../icloudready/generated/v2/zod.gen.js';
import type { FakeCall } from '../kernel/fake-call.js';
import type { ICloudReadyFakeState, SequenceRecord } from './model.js';

/** Fields the fake manages itself; a body cannot set them. */
const OWN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', '__v']);

/** The fields a body sets, as the documented schema reads them; fields the docs do not list are kept as sent. */
export function sequenceFields(call: FakeCall<ICloudReadyFakeState>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(call.read(zSequenceInput)).filter(
      ([name, value]) => !OWN_FIELDS.has(name) && value !== undefined,
    ),
  );
}

/** Every documented field null: what a full replacement starts from. */
export const emptyFields = () =>
  Object.fromEntries(Object.keys(zSequenceInput.shape).map((name) => [name, null]));

/** A new sequence: the given fields over all-null documented ones. */
export function newSequence(id: string, createdAt: string, fields: Record<string, unknown>): SequenceRecord {
  return { ...emptyFields(), ...fields, id, createdAt, updatedAt: createdAt, __v: 0 } as SequenceRecord;
}
