import { invalid, notFound } from './fail.js';
import type { AccountRecord, AccountRef, RuleRecord, SequenceFakeState } from './model.js';

export function findAccount(state: SequenceFakeState, id: string): AccountRecord {
  return state.accounts.find((a) => a.id === id) ?? notFound('Account', id);
}

/** A rule the API still shows: soft-deleted rules are not found. */
export function findRule(state: SequenceFakeState, id: string): RuleRecord {
  return state.rules.find((r) => r.id === id && r.deleted_at === null) ?? notFound('Rule', id);
}

/** A short reference to an account; one that no longer exists keeps its id and is marked deleted. */
export function accountRef(state: SequenceFakeState, id: string | null | undefined): AccountRef | null {
  if (!id) return null;
  const account = state.accounts.find((a) => a.id === id);
  return account
    ? { id, name: account.name, type: account.type, is_deleted: false }
    : { id, name: null, type: null, is_deleted: true };
}

/** An account named in a request body: unknown ids are a 400, not a 404. */
export function bodyAccount(state: SequenceFakeState, id: string, field: string): AccountRecord {
  return (
    state.accounts.find((a) => a.id === id) ??
    invalid(`${field} '${id}' is not an account of this organization.`)
  );
}
