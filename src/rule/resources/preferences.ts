import * as z from 'zod/mini';
import type { APIPromise, RequestOptions } from '../../core/index.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zGetSubscriberPreferencesQuery,
  zGetSubscriberPreferencesResponse,
  zListPreferenceGroupsResponse,
  zUpdateSubscriberPreferencesResponse,
} from '../generated/v2/zod.gen.js';
import { idSchema } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import { resolveSelector, type SubscriberSelector } from '../selectors.js';
import type { PreferenceGroup, SubscriberPreference } from '../types.js';

const groupsSchema = withNumericIds(zListPreferenceGroupsResponse);
const preferencesSchema = withNumericIds(zGetSubscriberPreferencesResponse);
const updatedSchema = withNumericIds(zUpdateSubscriberPreferencesResponse);

const choicesSchema = z
  .array(z.strictObject({ preference_id: idSchema, is_opted_in: z.boolean() }))
  .check(z.minLength(1, 'name at least one preference'));

/** One opt-in choice to set. */
export interface PreferenceChoice {
  preference_id: number;
  is_opted_in: boolean;
}

/** Preference groups and each subscriber's opt-in choices in them. */
export class Preferences extends RuleResource {
  /** Every preference group with its preferences (Rule does not paginate this listing). `GET /preference-groups` */
  groups(options?: RequestOptions): APIPromise<PreferenceGroup[], RuleError> {
    return this.call(
      () => ({ method: 'GET', path: 'preference-groups', schema: groupsSchema }),
      (body) => body,
      options,
    );
  }

  /**
   * The subscriber's choices in one preference group (by email, id or phone number).
   * `GET /subscriber/{identifier}/preference_group/{preference_group_id}`
   */
  get(
    subscriber: SubscriberSelector,
    groupId: number,
    options?: RequestOptions,
  ): APIPromise<SubscriberPreference[], RuleError> {
    return this.call(
      () => ({ method: 'GET', ...preferenceGroupPath(subscriber, groupId), schema: preferencesSchema }),
      (body) => body.preferences,
      options,
    );
  }

  /**
   * Opts the subscriber in to or out of preferences of one group; answers with the group's resulting choices.
   * `PATCH /subscriber/{identifier}/preference_group/{preference_group_id}`
   */
  update(
    subscriber: SubscriberSelector,
    groupId: number,
    preferences: PreferenceChoice[],
    options?: RequestOptions,
  ): APIPromise<SubscriberPreference[], RuleError> {
    return this.call(
      () => ({
        method: 'PATCH',
        ...preferenceGroupPath(subscriber, groupId),
        body: { preferences: validateInput(choicesSchema, preferences, 'preferences') },
        schema: updatedSchema,
      }),
      (body) => body.preferences,
      options,
    );
  }
}

/** Rule's preference routes take a subscriber by email, id or phone number only (no `custom_identifier`). */
function preferenceGroupPath(subscriber: SubscriberSelector, groupId: number) {
  const { identifier, identified_by } = resolveSelector(subscriber);
  const query = validateInput(zGetSubscriberPreferencesQuery, { identified_by }, 'subscriber selector');
  const group = validateInput(idSchema, groupId, 'preference group id');
  return {
    path: `subscriber/${identifier}/preference_group/${group}`,
    query: { identified_by: query.identified_by },
  };
}
