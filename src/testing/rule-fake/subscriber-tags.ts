import { badFields, fail, SUCCESS } from './http.js';
import { addTags, resolveTags, subscriberFromPath, tagById, tagByName } from './lookups.js';
import { bodyObject, type FakeRequest } from './request.js';
import { type FakeContext, type Route, v2 } from './router.js';
import type { RuleFakeState } from './state.js';
import { ruleTime } from './state.js';
import { tagRef } from './wire.js';

const SUBSCRIBER_NOT_FOUND: [string, string] = ['SubscriberNotFound', 'Could not find subscriber.'];

const subscriberOf = (request: FakeRequest, state: RuleFakeState) =>
  subscriberFromPath(request, state, SUBSCRIBER_NOT_FOUND);

/** #9: tags by name or id; unknown names are created; `automation` reactivates a blocked subscriber. */
function add(request: FakeRequest, { state, now }: FakeContext) {
  const subscriber = subscriberOf(request, state);
  const { tags, automation } = bodyObject(request);
  if (automation !== undefined && automation !== 'force' && automation !== 'reset') {
    badFields({ automation: ['The selected automation is invalid.'] });
  }
  addTags(subscriber, resolveTags(state, tags, now()));
  if (automation !== undefined) subscriber.status = 'ACTIVE';
  subscriber.updated_at = ruleTime(now());
  return SUCCESS;
}

/** #12: an all-digit tag is an id, anything else a name. */
function remove(request: FakeRequest, { state, now }: FakeContext) {
  const subscriber = subscriberOf(request, state);
  const value = request.params.tag!;
  const tag = /^\d+$/.test(value) ? tagById(state, Number(value)) : tagByName(state, value);
  if (!tag) fail(404, 'TagNotFound', 'Could not find tag.');
  subscriber.tags = subscriber.tags.filter((id) => id !== tag.id);
  subscriber.updated_at = ruleTime(now());
  return SUCCESS;
}

export const subscriberTagRoutes: Route[] = [
  v2('POST', 'subscribers/:identifier/tags', add),
  v2('GET', 'subscribers/:identifier/tags', (request, { state }) => ({
    tags: subscriberOf(request, state).tags.flatMap((id) => {
      const tag = tagById(state, id);
      return tag ? [tagRef(tag)] : [];
    }),
  })),
  // Before the single-tag route: this path shadows a tag named "clear" (rule.md §6.3).
  v2('DELETE', 'subscribers/:identifier/tags/clear', (request, { state, now }) => {
    const subscriber = subscriberOf(request, state);
    subscriber.tags = [];
    subscriber.updated_at = ruleTime(now());
    return SUCCESS;
  }),
  v2('DELETE', 'subscribers/:identifier/tags/:tag', remove),
];
