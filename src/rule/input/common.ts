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

/** The `{ limit }` of a plain listing; other keys are refused. */
export const listParamsSchema = z.strictObject({ limit: limitSchema });

/** An object a method reads fields from: `null`, a string or an array is refused instead of crashing the read. */
export const paramsObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  'expected an object',
);

/** An id that goes into a path as digits: a positive safe integer (`1e21` would print as "1e+21"). */
export const isPositiveId = (id: unknown): id is number => Number.isSafeInteger(id) && (id as number) > 0;

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
