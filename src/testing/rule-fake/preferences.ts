import { badFields, fail, type RuleCall, v2 } from './call.js';
import { subscriberFromPath } from './lookups.js';
import type { FakePreferenceGroup, FakeSubscriber } from './state.js';

const PATTERN = 'subscriber/:identifier/preference_group/:group';
const NOT_FOUND = 'Could not find Subscriber/PreferenceGroup with given params.';

function target(call: RuleCall) {
  const subscriber = subscriberFromPath(call, ['NotFound', NOT_FOUND]);
  const group = call.state.preferenceGroups.find((g) => String(g.id) === call.params.group);
  return group ? { subscriber, group } : fail(404, 'NotFound', NOT_FOUND);
}

/** Each preference of the group with the subscriber's choice (or the preference's fallback). */
function choices(subscriber: FakeSubscriber, group: FakePreferenceGroup) {
  return {
    preferences: group.preferences.map((p) => ({
      preference_id: p.id,
      name: p.name,
      is_opted_in: subscriber.preferences[p.id] ?? p.fallback_opt_in,
    })),
  };
}

/** #37: `{preferences: [{preference_id, is_opted_in}]}`; answers the group's resulting choices. */
function update(call: RuleCall) {
  const { subscriber, group } = target(call);
  const items = call.fields.preferences;
  if (!Array.isArray(items) || items.length === 0) {
    badFields({ preferences: ['Required fields: preference_id, is_opted_in'] });
  }
  const changes = items.map((item) => {
    const { preference_id, is_opted_in } = (item ?? {}) as { preference_id?: unknown; is_opted_in?: unknown };
    if (preference_id === undefined || is_opted_in === undefined) {
      badFields({ preferences: ['Required fields: preference_id, is_opted_in'] });
    }
    if (![true, false, 1, 0].includes(is_opted_in as boolean | number)) {
      badFields({
        preferences: [
          'The is_opted_in field value must be true (1) or false (0).',
          [`Check fields for preferences with id: ${String(preference_id)}`],
        ],
      });
    }
    return { id: Number(preference_id), optedIn: Boolean(is_opted_in) };
  });
  const unknown = changes.filter((c) => !group.preferences.some((p) => p.id === c.id)).map((c) => c.id);
  if (unknown.length > 0) {
    fail(
      404,
      'NotFound',
      `Could not find (Preference/PreferenceGroup/Subscriber) with given params. Check your preferences with ids: ${unknown.join(', ')}`,
    );
  }
  for (const { id, optedIn } of changes) subscriber.preferences[id] = optedIn;
  return choices(subscriber, group);
}

export const preferenceRoutes = [
  v2('GET', 'preference-groups', ({ state }) => structuredClone(state.preferenceGroups)),
  v2('GET', PATTERN, (call) => {
    const { subscriber, group } = target(call);
    return choices(subscriber, group);
  }),
  v2('PATCH', PATTERN, update),
];
