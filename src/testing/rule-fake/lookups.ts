import { badFields, fail, type RuleCall, v3Invalid } from './call.js';
import { type FakeSubscriber, type FakeTag, nextId, type RuleFakeState, ruleTime } from './state.js';

export type IdentifiedBy = 'email' | 'id' | 'phone_number' | 'custom_identifier';

const DIGITS = /^\d+$/;

/** Rule's 400 for an identifier type it does not take there. */
export function invalidIdentifier(by: unknown, valid: readonly string[]): never {
  return fail(400, 'InvalidIdentifier', `Identifier: ${String(by)} is not a valid identifier.`, {
    valid_identifiers: valid,
  });
}

/** `identified_by` from the query (default `email`), one of `allowed`. */
function identifiedBy(query: URLSearchParams, allowed: readonly IdentifiedBy[]): IdentifiedBy {
  const value = query.get('identified_by') ?? 'email';
  return allowed.includes(value as IdentifiedBy)
    ? (value as IdentifiedBy)
    : invalidIdentifier(value, allowed);
}

const digitsOf = (phone: string) => phone.replace(/[^\d+]/g, '');

export function findSubscriber(
  state: RuleFakeState,
  identifier: string | number,
  by: IdentifiedBy,
): FakeSubscriber | undefined {
  const value = String(identifier);
  switch (by) {
    case 'id':
      return withId(state.subscribers, value);
    case 'email':
      return state.subscribers.find((s) => s.email?.toLowerCase() === value.toLowerCase());
    case 'phone_number':
      return state.subscribers.find((s) => s.phone_number !== null && s.phone_number === digitsOf(value));
    case 'custom_identifier':
      return state.subscribers.find((s) => s.custom_identifier === value);
  }
}

/** Finds a subscriber by e-mail or phone number. */
export type ContactLookup = (value: string, by: 'email' | 'phone_number') => FakeSubscriber | undefined;

/**
 * Subscribers by e-mail and by phone number, for requests that look up many: a bulk create of 1,000 into a large
 * account would otherwise scan the whole list once per input. Answers as `findSubscriber` does; `track` adds a
 * subscriber the request created or changed.
 */
export class ContactIndex {
  readonly #state: RuleFakeState;
  readonly #byEmail = new Map<string, FakeSubscriber>();
  readonly #byPhone = new Map<string, FakeSubscriber>();

  constructor(state: RuleFakeState) {
    this.#state = state;
    for (const subscriber of state.subscribers) this.track(subscriber);
  }

  track(subscriber: FakeSubscriber): void {
    // The first in list order wins, as with `findSubscriber`.
    const email = subscriber.email?.toLowerCase();
    if (email !== undefined && !this.#byEmail.has(email)) this.#byEmail.set(email, subscriber);
    const phone = subscriber.phone_number;
    if (phone !== null && !this.#byPhone.has(phone)) this.#byPhone.set(phone, subscriber);
  }

  readonly find: ContactLookup = (value, by) => {
    const key = by === 'email' ? value.toLowerCase() : digitsOf(value);
    const hit = (by === 'email' ? this.#byEmail : this.#byPhone).get(key);
    if (hit === undefined) return undefined;
    const current = by === 'email' ? hit.email?.toLowerCase() : hit.phone_number;
    // Indexed under an address it has since given up: look the slow way.
    return current === key ? hit : findSubscriber(this.#state, value, by);
  };
}

/** The subscriber named by the `identifier` path parameter, or the given 404. */
export function subscriberFromPath(
  { state, params, query }: RuleCall,
  notFound: [string, string] = ['NotFound', 'Could not find subscriber with given identifier.'],
  allowed: readonly IdentifiedBy[] = ['email', 'id', 'phone_number'],
): FakeSubscriber {
  const subscriber = findSubscriber(state, params.identifier!, identifiedBy(query, allowed));
  return subscriber ?? fail(404, ...notFound);
}

type Named = { id: number; name: string };

export function withId<T extends { id: number }>(items: readonly T[], value: string | number) {
  return DIGITS.test(String(value)) ? items.find((item) => item.id === Number(value)) : undefined;
}

/** Names match case-insensitively. */
export function withName<T extends Named>(items: readonly T[], value: string) {
  return items.find((item) => item.name.toLowerCase() === value.toLowerCase());
}

/** An all-digit value is an id, anything else a name. */
export function byIdOrName<T extends Named>(items: readonly T[], value: string) {
  return DIGITS.test(value) ? withId(items, value) : withName(items, value);
}

/** A tag named in a path: `identified_by=id|name`; without it, a name, or an id when all digits and no such name. */
export function tagFromPath({ state: { tags }, params, query }: RuleCall): FakeTag {
  const value = params.identifier!;
  const by = query.get('identified_by');
  const tag =
    by === 'id'
      ? withId(tags, value)
      : (withName(tags, value) ?? (by === 'name' ? undefined : withId(tags, value)));
  return tag ?? fail(404, 'TagNotFound', 'Could not find tag.');
}

/**
 * Tags of a request as ids: all-digit values are ids (unknown → 404 TagNotFound), other names are created when
 * missing. Checks everything before creating anything. An empty list or repeats → 400, as Rule rejects them.
 */
export function resolveTags(state: RuleFakeState, tags: unknown, now: number): number[] {
  if (!Array.isArray(tags) || tags.length === 0) badFields({ tags: ['The tags field is required.'] });
  if (!tags.every((t) => (typeof t === 'string' && t.trim() !== '') || Number.isInteger(t))) {
    badFields({ tags: ['Each tag must be a name or an id.'] });
  }
  const values = (tags as Array<string | number>).map((t) => String(t).trim());
  if (new Set(values.map((v) => v.toLowerCase())).size !== values.length) {
    badFields({ tags: ['The tags field has a duplicate value.'] });
  }
  for (const value of values) {
    if (DIGITS.test(value) && !withId(state.tags, value))
      fail(404, 'TagNotFound', 'Could not find tag with given ID.');
  }
  return values.map((value) => {
    if (DIGITS.test(value)) return Number(value);
    const existing = withName(state.tags, value);
    if (existing) return existing.id;
    const created_at = ruleTime(now);
    const tag: FakeTag = {
      id: nextId(state, 'tag'),
      name: value,
      description: null,
      created_at,
      updated_at: created_at,
    };
    state.tags.push(tag);
    return tag.id;
  });
}

export function addTags(subscriber: FakeSubscriber, ids: readonly number[]): void {
  for (const id of ids) if (!subscriber.tags.includes(id)) subscriber.tags.push(id);
}

const MAX_PER_CALL = 1000;
const IDENTIFIERS: readonly string[] = ['email', 'phone_number', 'id', 'custom_identifier'];

/** v3 bodies: `{subscribers: [{email}|{phone_number}|{id}|{custom_identifier}] (1–1000), …}`; else 422. */
export function v3Subscribers({ fields, state }: RuleCall): FakeSubscriber[] {
  const { subscribers } = fields;
  if (!Array.isArray(subscribers) || subscribers.length === 0)
    v3Invalid('subscribers', 'The subscribers field is required.');
  if (subscribers.length > MAX_PER_CALL)
    v3Invalid('subscribers', 'The subscribers may not have more than 1000 items.');
  // Asynchronous on Rule's side: unknown subscribers are skipped, not reported.
  return subscribers.flatMap((item) => {
    const [by, value] = Object.entries((item ?? {}) as object)[0] ?? [];
    if (!IDENTIFIERS.includes(by as string)) {
      v3Invalid('subscribers', 'Each subscriber needs an email, phone_number, id or custom_identifier.');
    }
    return findSubscriber(state, String(value), by as IdentifiedBy) ?? [];
  });
}
