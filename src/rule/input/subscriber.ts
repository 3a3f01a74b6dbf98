import * as z from 'zod/mini';
import { refineField } from '../../internal/refine-field.js';
import {
  zAddSubscriberTagsRequest,
  zCreateSubscribersRequest,
  zSubscriberInput,
  zUpdateSubscriberRequest,
} from '../generated/v2/zod.gen.js';
import { distinctTagsCheck, emailCheck, languageCheck, phoneNumberCheck, tagIdsCheck } from './common.js';
import { fieldValues } from './field-values.js';

/** The prose rules on a subscriber's own attributes, over the generated `SubscriberInput` and update shapes. */
const attributes = {
  email: refineField(zSubscriberInput.shape.email, emailCheck),
  phone_number: refineField(zSubscriberInput.shape.phone_number, phoneNumberCheck),
  language: refineField(zSubscriberInput.shape.language, languageCheck),
  fields: z.optional(fieldValues),
};

/**
 * A subscriber to create: email or phone number (one is required), language and field values, which take Rule's
 * `[{ key, value, type }]` or a `{ 'Group.Field': value }` record.
 */
export const subscriberInput = z
  .extend(zSubscriberInput, attributes)
  .check(
    z.refine(
      (s) => s.email !== undefined || s.phone_number !== undefined,
      'a subscriber needs an email or a phone_number',
    ),
  );

/** Tags by name or id: at least one, none twice. */
export const tags = zCreateSubscribersRequest.shape.tags.check(distinctTagsCheck, tagIdsCheck);

/** Rule's create options (`tags` required), without the subscribers they apply to. */
export const createOptions = z.extend(z.omit(zCreateSubscribersRequest, { subscribers: true }), { tags });

/** What `subscribers.update` may change; every attribute optional. */
export const subscriberChanges = z.extend(zUpdateSubscriberRequest, {
  ...attributes,
  tags: z.optional(tags),
});

/** Options of `subscribers.tags.add` beside the tags. */
export const addTagsOptions = z.omit(zAddSubscriberTagsRequest, { tags: true });

/** The tags of `subscribers.tags.add`: the generated list, with the prose rules. */
export const addedTags = zAddSubscriberTagsRequest.shape.tags.check(distinctTagsCheck, tagIdsCheck);

export type SubscriberInput = z.input<typeof subscriberInput>;
