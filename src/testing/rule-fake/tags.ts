import { badFields, fail, type RuleCall, SUCCESS, v2 } from './call.js';
import { addTags, byIdOrName, resolveTags, subscriberFromPath, tagFromPath, withName } from './lookups.js';
import { listing } from './pagination.js';
import { type FakeTag, type RuleFakeState, ruleTime } from './state.js';
import { tagRefs, tagWire } from './wire.js';

const recipientCount = (state: RuleFakeState, tag: FakeTag) =>
  state.subscribers.filter((s) => s.tags.includes(tag.id)).length;

/** #14: the bare tag, without timestamps; `with_count=true` adds `recipient_count`. */
function get(call: RuleCall) {
  const tag = tagFromPath(call);
  const withCount = ['true', '1'].includes(call.query.get('with_count') ?? '');
  return {
    id: tag.id,
    name: tag.name,
    description: tag.description,
    ...(withCount ? { recipient_count: recipientCount(call.state, tag) } : {}),
  };
}

/** #15: rename or describe; a name another tag has → 409 DuplicateTag. */
function update(call: RuleCall) {
  const tag = tagFromPath(call);
  const { name, description } = call.fields;
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    badFields({ name: ['The name must be a non-empty string.'] });
  }
  if (description !== undefined && description !== null && typeof description !== 'string') {
    badFields({ description: ['The description must be a string.'] });
  }
  const clash = typeof name === 'string' ? withName(call.state.tags, name) : undefined;
  if (clash && clash !== tag) fail(409, 'DuplicateTag');
  if (typeof name === 'string') tag.name = name;
  if (description !== undefined) tag.description = description as string | null;
  tag.updated_at = ruleTime(call.now);
  return { ...tag };
}

function untagAll(state: RuleFakeState, tag: FakeTag) {
  for (const subscriber of state.subscribers) subscriber.tags = subscriber.tags.filter((id) => id !== tag.id);
}

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
  const tag = byIdOrName(state.tags, call.params.tag!);
  if (!tag) fail(404, 'TagNotFound', 'Could not find tag.');
  subscriber.tags = subscriber.tags.filter((id) => id !== tag.id);
  subscriber.updated_at = ruleTime(now);
  return SUCCESS;
}

export const tagRoutes = [
  v2('GET', 'tags', listing('tags', 'tags', tagWire)),
  v2('GET', 'tags/:identifier', get),
  v2('PUT', 'tags/:identifier', update),
  v2('DELETE', 'tags/:identifier', (call) => {
    const tag = tagFromPath(call);
    untagAll(call.state, tag);
    call.state.tags = call.state.tags.filter((t) => t !== tag);
    return SUCCESS;
  }),
  v2('DELETE', 'tags/:identifier/clear', (call) => {
    untagAll(call.state, tagFromPath(call));
    return SUCCESS;
  }),
  v2('POST', 'subscribers/:identifier/tags', add),
  v2('GET', 'subscribers/:identifier/tags', (call) => ({
    tags: tagRefs(call.state, subscriberOf(call).tags),
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
