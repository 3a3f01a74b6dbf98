import * as z from 'zod/mini';
import { zTagIdentifierValue } from '../generated/v2/zod.gen.js';

// What Rule's docs state in prose, as checks laid over the generated schemas' fields.

/** A text Rule requires, when given, to hold something. */
export const nonEmpty = z.minLength(1, 'cannot be empty');

/** ISO 639-1: two lower-case letters ("Invalid language." otherwise). */
export const languageCheck = z.regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "sv"');

// A string format is a check too: the same test as `z.email()`, over the generated `string`.
export const emailCheck = z.email('is not an email address');

/**
 * International format only. Rule would read a number without a country code as Swedish; the SDK refuses that guess
 * rather than risk texting the wrong person (SMS cost money).
 */
export const phoneNumberCheck = z.superRefine<string>((phone, ctx) => {
  const message = !phone.startsWith('+')
    ? 'needs a + and a country code, e.g. "+46701234567" (Rule would read it as a Swedish number)'
    : /^\+\d{1,3}$/.test(phone)
      ? `${phone} is only a country code; add the number after it, e.g. "${phone}701234567"`
      : /^\+[1-9]\d{6,14}$/.test(phone)
        ? undefined
        : 'is not an international phone number: "+", a country code and the number, 8-16 characters, digits only';
  if (message) ctx.addIssue({ code: 'custom', message, input: phone });
});

/** A numeric id that goes into a path: a positive safe integer (`1e21` would print as "1e+21"). */
export const positiveId = z.int().check(z.positive('must be a positive integer'));

/** A generated `IdLike` (a number or digits) that names something: positive. */
export const positiveIdCheck = z.refine<number | string>((id) => Number(id) > 0, 'must be a positive id');

/** An id as Rule's `IdLike`: a positive integer, or its digits. */
export const idLike = z.union([positiveId, z.string().check(z.regex(/^[1-9]\d*$/, 'must be a numeric id'))]);

/** Where Rule reports an asynchronous v3 job as done: http(s) only (the spec's own format accepts any scheme). */
export const httpUrlCheck = z.refine<string>((url) => /^https?:\/\//i.test(url), 'must be an http(s) URL');

/** Rule rejects a tag list that names a tag twice. */
export const distinctTagsCheck = z.refine<ReadonlyArray<string | number>>(
  (tags) => new Set(tags.map(String)).size === tags.length,
  'must not name a tag twice',
);

/** Tag ids are positive. */
export const tagIdsCheck = z.refine<ReadonlyArray<string | number>>(
  (tags) => tags.every((tag) => typeof tag === 'string' || tag > 0),
  'a tag id must be a positive integer',
);

/** One tag by name, or by id (a positive integer). */
export const tagIdentifier = zTagIdentifierValue.check(
  z.refine((tag) => typeof tag === 'string' || tag > 0, 'a tag id must be a positive integer'),
);
