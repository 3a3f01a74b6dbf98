import { ICloudReadyFakeError } from './fail.js';
import { listSequences } from './list-sequences.js';
import type { ICloudReadyFakeState, SequenceRecord } from './model.js';
import { emptyFields, newSequence, objectBody, sequenceFields } from './sequence-fields.js';

/** What an operation runs with. */
export interface OperationContext {
  state: ICloudReadyFakeState;
  /** ISO 8601 time of this request. */
  timestamp: string;
  newId(): string;
  query: URLSearchParams;
  body: unknown;
}

/** A sequence the API still shows (deleted ones are not found), by the spec's modelled 404. */
function find(state: ICloudReadyFakeState, id: string): SequenceRecord {
  const found = state.sequences.find((s) => s.id === id && s.deleted !== 'true');
  if (!found) throw new ICloudReadyFakeError(404, 'Sequence not found');
  return found;
}

/** Replaces (PUT: unlisted documented fields become null) or merges (PATCH) the body into a sequence. */
function update(ctx: OperationContext, id: string, replace: boolean): SequenceRecord {
  const sequence = find(ctx.state, id);
  const fields = sequenceFields(ctx.body);
  const { createdAt, __v } = sequence;
  if (replace) for (const key of Object.keys(sequence)) delete sequence[key];
  Object.assign(sequence, replace ? emptyFields() : {}, fields, {
    id,
    createdAt,
    updatedAt: ctx.timestamp,
    __v: __v + 1,
  });
  return sequence;
}

/** The operation for a method and the path segments after `/sequences`, or undefined. */
export function operationFor(
  method: string,
  rest: string[],
): ((ctx: OperationContext) => unknown) | undefined {
  const [first, second] = rest;
  if (rest.length === 0 && method === 'GET') return (ctx) => listSequences(ctx.state.sequences, ctx.query);
  if (rest.length === 0 && method === 'POST') {
    return (ctx) => {
      const created = newSequence(ctx.newId(), ctx.timestamp, sequenceFields(ctx.body));
      ctx.state.sequences.push(created);
      return created;
    };
  }
  if (rest.length === 1 && first === 'activity' && method === 'POST') {
    return (ctx) => {
      const activity = { ...objectBody(ctx.body), id: ctx.newId(), createdAt: ctx.timestamp };
      ctx.state.activities.push(activity);
      return activity;
    };
  }
  if (rest.length === 1 && method === 'GET') return (ctx) => find(ctx.state, first!);
  if (rest.length === 1 && method === 'PUT') return (ctx) => update(ctx, first!, true);
  if (rest.length === 1 && method === 'PATCH') return (ctx) => update(ctx, first!, false);
  if (rest.length === 2 && first === 'deleted' && method === 'DELETE') {
    return (ctx) => Object.assign(find(ctx.state, second!), { deleted: 'true', updatedAt: ctx.timestamp });
  }
  return undefined;
}
