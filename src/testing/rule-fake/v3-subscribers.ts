import type { RuleCall } from './call.js';
import { findSubscriber, type IdentifiedBy } from './lookups.js';
import { v3Invalid } from './replies.js';
import type { FakeSubscriber } from './state.js';

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
