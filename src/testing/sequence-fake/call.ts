import type { FakeCall } from '../kernel/fake-call.js';
import { reply } from '../kernel/reply.js';
import { route as kernelRoute } from '../kernel/route.js';
import type { AccountRecord, AccountRef, SequenceFakeState } from './model.js';

/** What a Sequence API v1 route handler works with: the call, its errors, and the lookups they share. */

export type SequenceCall = FakeCall<SequenceFakeState>;

/** A route of Sequence API v1 (below `/api/v1`). */
export const route = kernelRoute<SequenceFakeState>;

export const isoAt = (ms: number): string => new Date(ms).toISOString();

/** Deterministic ids in the docs' style (`rule_01HF000001`): a fresh fake makes the same ids in the same order. */
export const newId = (call: SequenceCall, prefix: string, stamp = '01HF', kind = 'id') =>
  `${prefix}_${stamp}${call.serial(kind).toString(36).toUpperCase().padStart(6, '0')}`;

/** Sequence's error answer: `{error: {code, message}}`. */
export const sequenceError = (status: number, code: string, message: string) =>
  reply(status, { error: { code, message } });

export const invalid = (message: string): never => sequenceError(400, 'invalid_parameters', message).throw();

/** In the documented wording: "Rule with id 'rule_123' was not found." */
export const notFound = (kind: string, id: string): never =>
  sequenceError(404, 'resource_not_found', `${kind} with id '${id}' was not found.`).throw();

/** The item with this id, or 404 resource_not_found naming its `kind`. */
export const byId = <T extends { id: string }>(items: readonly T[], id: string, kind: string): T =>
  items.find((item) => item.id === id) ?? notFound(kind, id);

/** A rule the API still shows: soft-deleted rules are not found. */
export const findRule = (state: SequenceFakeState, id: string) =>
  byId(
    state.rules.filter((r) => r.deleted_at === null),
    id,
    'Rule',
  );

/** A short reference to an account; one that no longer exists keeps its id and is marked deleted. */
export function accountRef(state: SequenceFakeState, id: string | null | undefined): AccountRef | null {
  if (!id) return null;
  const account = state.accounts.find((a) => a.id === id);
  return account
    ? { id, name: account.name, type: account.type, is_deleted: false }
    : { id, name: null, is_deleted: true };
}

/** An account named in a request body: unknown ids are a 400, not a 404. */
export const bodyAccount = (state: SequenceFakeState, id: string, field: string): AccountRecord =>
  state.accounts.find((a) => a.id === id) ??
  invalid(`${field} '${id}' is not an account of this organization.`);
