import { json } from './http.js';
import { findSubscriber, type IdentifiedBy } from './lookups.js';
import { bodyObject, type FakeRequest } from './request.js';
import type { FakeSubscriber, RuleFakeState } from './state.js';

const MAX_PER_CALL = 1000;
const IDENTIFIERS: readonly string[] = ['email', 'phone_number', 'id', 'custom_identifier'];

/** v3 bodies: `{subscribers: [{email}|{phone_number}|{id}|{custom_identifier}] (1–1000), …}`; else 422. */
export function v3Subscribers(request: FakeRequest, state: RuleFakeState): FakeSubscriber[] | Response {
  const { subscribers } = bodyObject(request);
  const invalid = (message: string) => json({ errors: { subscribers: [message] } }, 422);
  if (!Array.isArray(subscribers) || subscribers.length === 0)
    return invalid('The subscribers field is required.');
  if (subscribers.length > MAX_PER_CALL) return invalid('The subscribers may not have more than 1000 items.');
  const found: FakeSubscriber[] = [];
  for (const item of subscribers) {
    const [by, value] = Object.entries((item ?? {}) as object)[0] ?? [];
    if (!IDENTIFIERS.includes(by as string)) {
      return invalid('Each subscriber needs an email, phone_number, id or custom_identifier.');
    }
    // Asynchronous on Rule's side: unknown subscribers are skipped, not reported.
    const subscriber = findSubscriber(state, String(value), by as IdentifiedBy);
    if (subscriber) found.push(subscriber);
  }
  return found;
}
