import {
  zListSequencesQuery,
  zSequenceActivityInput,
  zSequenceInput,
} from '../../icloudready/generated/v2/zod.gen.js';
import type { FakeCall } from '../kernel/fake-call.js';
import { reply } from '../kernel/reply.js';
import { route as kernelRoute } from '../kernel/route.js';
import type { ICloudReadyFakeState, SequenceRecord } from './model.js';

type Call = FakeCall<ICloudReadyFakeState>;
const route = kernelRoute<ICloudReadyFakeState>;

/** Mongo-style 24-hex-digit ids, the same ones in the same order for every fresh fake. */
const newId = (call: Call) => `6650d0${call.serial('id').toString(16).padStart(18, '0')}`;
const timestamp = (call: Call) => new Date(call.now).toISOString();

/** Fields the fake manages itself; a body cannot set them. */
const OWN_FIELDS = new Set(['id', 'createdAt', 'updatedAt', '__v']);

/** The fields a body sets, as the documented schema reads them; fields the docs do not list are kept as sent. */
function sequenceFields(call: Call): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(call.read(zSequenceInput)).filter(
      ([name, value]) => !OWN_FIELDS.has(name) && value !== undefined,
    ),
  );
}

/** Every documented field null: what a full replacement starts from. */
const emptyFields = () => Object.fromEntries(Object.keys(zSequenceInput.shape).map((name) => [name, null]));

/** A new sequence: the given fields over all-null documented ones. */
export function newSequence(id: string, createdAt: string, fields: Record<string, unknown>): SequenceRecord {
  return { ...emptyFields(), ...fields, id, createdAt, updatedAt: createdAt, __v: 0 } as SequenceRecord;
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

/**
 * `GET /sequences`: `q` searches names (case-insensitive), `sortBy`/`order` sort (default: the most recent first),
 * `fields` keeps only the listed fields (and `id`), `limit` (default 20, 1..100) and `page` (from 1) cut one page.
 * `p` (policy filters) is accepted and ignored.
 */
function listSequences({ state, readQuery }: Call): unknown[] {
  const { limit = 20, page = 1, ...query } = readQuery(zListSequencesQuery);
  const q = query.q?.toLowerCase();
  const sortBy = query.sortBy || 'createdAt';
  const descending = (query.order ?? (query.sortBy ? 'asc' : 'desc')).toLowerCase() === 'desc';
  const sorted = state.sequences
    .filter((s) => s.deleted !== 'true' && (!q || (s.name ?? '').toLowerCase().includes(q)))
    .reverse() // equal keys: the later created first
    .sort((a, b) => (descending ? -1 : 1) * compare(a[sortBy], b[sortBy]));
  const fields = query.fields
    ?.split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  return sorted
    .slice((page - 1) * limit, page * limit)
    .map((s) => (fields?.length ? Object.fromEntries(['id', ...fields].map((f) => [f, s[f] ?? null])) : s));
}

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
