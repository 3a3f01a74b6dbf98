import * as z from 'zod/mini';
import { emailSchema, languageSchema, phoneNumberSchema } from './common.js';
import { type FieldValuesInput, fieldValueSchema, toWireFields } from './field-values.js';

/** A subscriber to create or update. `fields` takes Rule's wire array or a `{ 'Group.Field': value }` record. */
export interface SubscriberInput {
  email?: string;
  phone_number?: string;
  language?: string;
  fields?: FieldValuesInput;
}

/** The wire shape after field conversion; email or phone number is required. */
export const wireSubscriberSchema = z
  .looseObject({
    email: z.optional(emailSchema),
    phone_number: z.optional(phoneNumberSchema),
    language: z.optional(languageSchema),
    fields: z.optional(z.array(fieldValueSchema)),
  })
  .check(
    z.refine(
      (s) => s.email !== undefined || s.phone_number !== undefined,
      'a subscriber needs an email or a phone_number',
    ),
  );

export type WireSubscriber = z.infer<typeof wireSubscriberSchema>;

/** Converts `fields` to the wire array; validation follows with `wireSubscriberSchema`. */
export function toWireSubscriber(input: SubscriberInput, path = 'subscriber'): Record<string, unknown> {
  if (typeof input !== 'object' || input === null) return input;
  const { fields, ...rest } = input;
  return fields === undefined ? rest : { ...rest, fields: toWireFields(fields, `${path}.fields`) };
}

const tagSchema = z.union([
  z.string().check(z.minLength(1, 'tag names cannot be empty')),
  z.int().check(z.positive()),
]);

/** Tags by name or id; Rule rejects an empty list and duplicates. */
export const tagListSchema = z.array(tagSchema).check(
  z.minLength(1, 'tags must name at least one tag'),
  z.refine((tags) => new Set(tags.map(String)).size === tags.length, 'tags must not repeat'),
);

/** Options Rule accepts beside `subscribers` on POST /subscribers. */
export const createOptionsSchema = z.looseObject({
  tags: tagListSchema,
  update_on_duplicate: z.optional(z.boolean()),
  automation: z.optional(z.union([z.literal(false), z.enum(['reset', 'force'])])),
  sync_subscribers: z.optional(z.boolean()),
  fields_clear: z.optional(z.boolean()),
  require_opt_in: z.optional(z.boolean()),
});

export type CreateOptions = z.infer<typeof createOptionsSchema>;
