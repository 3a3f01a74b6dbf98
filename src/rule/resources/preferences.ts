import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { withElement } from '../../internal/refine-field.js';
import { validateArgument } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zGetSubscriberPreferencesQuery,
  zGetSubscriberPreferencesResponse,
  zListPreferenceGroupsResponse,
  zUpdateSubscriberPreferencesBody,
  zUpdateSubscriberPreferencesQuery,
  zUpdateSubscriberPreferencesResponse,
} from '../generated/v2/zod.gen.js';
import { idLike, positiveIdCheck } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import { type AcceptedBy, type SubscriberSelector, selectorFor, subscriberRoute } from '../selectors.js';
import type { PreferenceGroup, SubscriberPreference } from '../types.js';

const groupsSchema = withNumericIds(zListPreferenceGroupsResponse);
const preferencesSchema = withNumericIds(zGetSubscriberPreferencesResponse);
const updatedSchema = withNumericIds(zUpdateSubscriberPreferencesResponse);
const getSelector = selectorFor(zGetSubscriberPreferencesQuery);
const updateSelector = selectorFor(zUpdateSubscriberPreferencesQuery);
const generatedChoices = zUpdateSubscriberPreferencesBody.shape.preferences;
const choice = generatedChoices.def.element;
const choices = withElement(
  generatedChoices,
  z.extend(choice, { preference_id: choice.shape.preference_id.check(positiveIdCheck) }),
);

/** One opt-in choice to set: `{ preference_id, is_opted_in }`. */
export type PreferenceChoice = z.input<typeof choices>[number];

/** Rule's preference routes: `subscriber/{identifier}/preference_group/{id}` (singular, underscore). */
function route(parts: Parameters<typeof subscriberRoute>[0], groupId: unknown, context: string) {
  const group = validateArgument(idLike, groupId, 'groupId', context);
  return subscriberRoute(parts, 'subscriber', `/preference_group/${group}`);
}

/** Preference groups and each subscriber's opt-in choices in them. */
export class Preferences extends RuleResource {
  /** Every preference group with its preferences (Rule does not paginate this listing). `GET /preference-groups` */
  groups(options?: RequestOptions): APIPromise<PreferenceGroup[], RuleError> {
    return this.callWith(
      () => ({ method: 'GET', path: 'preference-groups', schema: groupsSchema }),
      (body) => body,
      options,
    );
  }

  /**
   * The subscriber's choices in one preference group (by email, id or phone number; Rule takes no
   * `custom_identifier` here). `GET /subscriber/{identifier}/preference_group/{preference_group_id}`
   */
  get(
    subscriber: SubscriberSelector<AcceptedBy<typeof zGetSubscriberPreferencesQuery>>,
    groupId: number,
    options?: RequestOptions,
  ): APIPromise<SubscriberPreference[], RuleError> {
    const context = 'preferences.get';
    return this.callWith(
      () => {
        const parts = validateArgument(getSelector, subscriber, 'subscriber', context);
        return { method: 'GET', ...route(parts, groupId, context), schema: preferencesSchema };
      },
      (body) => body.preferences,
      options,
    );
  }

  /**
   * Opts the subscriber in to or out of preferences of one group; answers with the group's resulting choices.
   * `PATCH /subscriber/{identifier}/preference_group/{preference_group_id}`
   */
  update(
    subscriber: SubscriberSelector<AcceptedBy<typeof zUpdateSubscriberPreferencesQuery>>,
    groupId: number,
    preferences: readonly PreferenceChoice[],
    options?: RequestOptions,
  ): APIPromise<SubscriberPreference[], RuleError> {
    const context = 'preferences.update';
    return this.callWith(
      () => {
        const parts = validateArgument(updateSelector, subscriber, 'subscriber', context);
        return {
          method: 'PATCH',
          ...route(parts, groupId, context),
          body: { preferences: validateArgument(choices, preferences, 'preferences', context) },
          schema: updatedSchema,
        };
      },
      (body) => body.preferences,
      options,
    );
  }
}
