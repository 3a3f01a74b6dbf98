import { withId } from './lookups.js';
import type { FakeSegment, FakeSubscriber, FakeSuppression, FakeTag, RuleFakeState } from './state.js';

/** State records in Rule's wire shapes (ids as numbers). */

export const tagRefs = (state: RuleFakeState, ids: readonly number[]) =>
  ids.flatMap((id) => withId(state.tags, id) ?? []).map((tag) => ({ id: tag.id, name: tag.name }));

export const tagWire = (tag: FakeTag) => ({ ...tag });

export function subscriberRef(subscriber: FakeSubscriber | undefined) {
  return subscriber
    ? { id: subscriber.id, email: subscriber.email, phone_number: subscriber.phone_number }
    : undefined;
}

export function suppressionWire(suppression: FakeSuppression, state: RuleFakeState) {
  const { subscriber_id, ...rest } = suppression;
  return { ...rest, subscriber: subscriberRef(state.subscribers.find((s) => s.id === subscriber_id)) };
}

export function subscriberWire(subscriber: FakeSubscriber, state: RuleFakeState) {
  const { status, tags, fields, preferences, ...own } = subscriber;
  return {
    ...own,
    tags: tagRefs(state, tags),
    suppressed: state.suppressions
      .filter((s) => s.subscriber_id === subscriber.id)
      .map((s) => suppressionWire(s, state)),
  };
}

export function segmentWire({ subscriber_ids: _members, ...segment }: FakeSegment) {
  return segment;
}
