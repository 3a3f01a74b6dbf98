import { zSequenceActivityInput } from '../../icloudready/generated/v2/zod.gen.js';
import type { FakeCall } from '../kernel/fake-call.js';
import { reply } from '../kernel/reply.js';
import { route as kernelRoute } from '../kernel/route.js';
import { listSequences } from './list-sequences.js';
import type { ICloudReadyFakeState, SequenceRecord } from './model.js';
import { emptyFields, newSequence, sequenceFields } from './sequence-fields.js';

type Call = FakeCall<ICloudReadyFakeState>;
const route = kernelRoute<ICloudReadyFakeState>;

/** Mongo-style 24-hex-digit ids, the same ones in the same order for every fresh fake. */
const newId = (call: Call) => `6650d0${call.serial('id').toString(16).padStart(18, '0')}`;
const timestamp = (call: Call) => new Date(call.now).toISOString();

/** A sequence the API still shows (deleted ones are not found), by the spec's modelled 404. */
function find({ state, params }: Call): SequenceRecord {
  const found = state.sequences.find((s) => s.id === params.id && s.deleted !== 'true');
  return found ?? reply(404, { message: 'Sequence not found' }).throw();
}

/** Replaces (PUT: unlisted documented fields become null) or merges (PATCH) the body into a sequence. */
function update(call: Call, replace: boolean): SequenceRecord {
  const sequence = find(call);
  const fields = sequenceFields(call);
  const { id, createdAt, __v } = sequence;
  if (replace) for (const key of Object.keys(sequence)) delete sequence[key];
  return Object.assign(sequence, replace ? emptyFields() : {}, fields, {
    id,
    createdAt,
    updatedAt: timestamp(call),
    __v: __v + 1,
  });
}

export const icloudReadyRoutes = [
  route('GET', 'sequences', listSequences),
  route('POST', 'sequences', (call) => {
    const created = newSequence(newId(call), timestamp(call), sequenceFields(call));
    call.state.sequences.push(created);
    return created;
  }),
  route('POST', 'sequences/activity', (call) => {
    const activity = { ...call.read(zSequenceActivityInput), id: newId(call), createdAt: timestamp(call) };
    call.state.activities.push(activity);
    return activity;
  }),
  route('GET', 'sequences/:id', find),
  route('PUT', 'sequences/:id', (call) => update(call, true)),
  route('PATCH', 'sequences/:id', (call) => update(call, false)),
  route('DELETE', 'sequences/deleted/:id', (call) =>
    Object.assign(find(call), { deleted: 'true', updatedAt: timestamp(call) }),
  ),
];
