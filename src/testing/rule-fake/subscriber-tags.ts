import { type RuleCall, v2 } from './call.js';
import { addTags, resolveTags, subscriberFromPath, tagById, tagByName } from './lookups.js';
import { badFields, fail, SUCCESS } from './replies.js';
import { ruleTime } from './state.js';
import { tagRef } from './wire.js';

const SUBSCRIBER_NOT_FOUND: [string, string] = ['SubscriberNotFound', 'Could not find subscriber.'];

const subscriberOf = (call: RuleCall) => subscriberFromPath(call, SUBSCRIBER_NOT_FOUND);

/** #9: tags by name or id; unknown names are created; `automation` reactivates a blocked subscriber. */
function add(call: RuleCall) {
  const { state, now } = call;
  const subscriber = subscriberOf(call);
  const { tags, automation } = call.fields;
  if (automation !== undefined && automation !== 'force' && automation !== 'reset') {
    badFields({ automation: ['The selected automation is invalid.'] });
  }
  addTags(subscriber, resolveTags(state, tags, now));
  if (automation !== undefined) subscriber.status = 'ACTIVE';
  subscriber.updated_at = ruleTime(now);
  return SUCCESS;
}

/** #12: an all-digit tag is an id, anything else a name. */
function remove(call: RuleCall) {
  const { state, now } = call;
  const subscriber = subscriberOf(call);
  const value = call.params.tag!;
  const tag = /^\d+$/.test(value) ? tagById(state, Number(value)) : tagByName(state, value);
  if (!tag) fail(404, 'TagNotFound', 'Could not find tag.');
  subscriber.tags = subscriber.tags.filter((id) => id !== tag.id);
  subscriber.updated_at = ruleTime(now);
  return SUCCESS;
}

export const subscriberTagRoutes = [
  v2('POST', 'subscribers/:identifier/tags', add),
  v2('GET', 'subscribers/:identifier/tags', (call) => ({
    tags: subscriberOf(call).tags.flatMap((id) => {
      const tag = tagById(call.state, id);
      return tag ? [tagRef(tag)] : [];
    }),
  })),
  // Before the single-tag route: this path shadows a tag named "clear" (rule.md §6.3).
  v2('DELETE', 'subscribers/:identifier/tags/clear', (call) => {
    const subscriber = subscriberOf(call);
    subscriber.tags = [];
    subscriber.updated_at = ruleTime(call.now);
    return SUCCESS;
  }),
  v2('DELETE', 'subscribers/:identifier/tags/:tag', remove),
];
