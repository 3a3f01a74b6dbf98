import { invalid, notFound } from './fail.js';
import type { AccountRecord, AccountRef, SequenceFakeState } from './model.js';

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
export function bodyAccount(state: SequenceFakeState, id: string, field: string): AccountRecord {
  return (
    state.accounts.find((a) => a.id === id) ??
    invalid(`${field} '${id}' is not an account of this organization.`)
  );
}
