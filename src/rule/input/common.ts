import * as z from 'zod/mini';
import { zCallbackUrl } from '../generated/v3/zod.gen.js';

/** ISO 639-1: two lower-case letters. */
export const languageSchema = z
  .string()
  .check(z.regex(/^[a-z]{2}$/, 'language must be an ISO 639-1 code such as "sv"'));

/**
 * International format only. Rule would read a number without a country code as Swedish; the SDK refuses that guess
 * rather than risk texting the wrong person (SMS cost money).
 */
export const phoneNumberSchema = z
  .string()
  .check(z.regex(/^\+[1-9]\d{6,14}$/, 'phone_number needs a + country code, e.g. "+46701234567"'));

export const emailSchema = z.email('email is not a valid address');

/** Page size: Rule rejects more than 100. */
export const limitSchema = z.optional(
  z.int().check(z.minimum(1, 'limit must be at least 1'), z.maximum(100, "limit can't exceed 100")),
);

export const messageTypeSchema = z.enum(['email', 'text_message']);

export const idSchema = z.union([
  z.int().check(z.positive()),
  z.string().check(z.regex(/^\d+$/, 'id must be numeric')),
]);

export const selectorSchema = z.union([
  z.strictObject({ email: z.string().check(z.minLength(1)) }),
  z.strictObject({ id: idSchema }),
  z.strictObject({ phone_number: z.string().check(z.minLength(1)) }),
  z.strictObject({ custom_identifier: z.string().check(z.minLength(1)) }),
]);

/** Where Rule reports an asynchronous v3 job as done: http(s) only (the spec's own format accepts any scheme). */
export const callbackUrlSchema = zCallbackUrl.check(
  z.refine((url) => /^https?:\/\//i.test(url), 'callback_url must be an http(s) URL'),
);
