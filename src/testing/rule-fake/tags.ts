import { type RuleCall, v2 } from './call.js';
import { tagByName, tagFromPath } from './lookups.js';
import { listing } from './pagination.js';
import { badFields, fail, SUCCESS } from './replies.js';
import { type FakeTag, type RuleFakeState, ruleTime } from './state.js';
import { tagWire } from './wire.js';

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
  const clash = typeof name === 'string' ? tagByName(call.state, name) : undefined;
  if (clash && clash !== tag) fail(409, 'DuplicateTag');
  if (typeof name === 'string') tag.name = name;
  if (description !== undefined) tag.description = description as string | null;
  tag.updated_at = ruleTime(call.now);
  return { ...tag };
}

function untagAll(state: RuleFakeState, tag: FakeTag) {
  for (const subscriber of state.subscribers) subscriber.tags = subscriber.tags.filter((id) => id !== tag.id);
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
];
