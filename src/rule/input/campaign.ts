import * as z from 'zod/mini';
import { refineField, withElement } from '../../internal/refine-field.js';
import { isRuleDateTime, parseRuleDateTime, toRuleDate, toRuleDateTime } from '../datetime.js';
import {
  zCampaignRecipientInput,
  zCampaignRequest,
  zContentBlock,
  zDate,
  zListCampaignsQuery,
  zMessageType,
  zScheduleCampaignRequest,
  zSender,
} from '../generated/v2/zod.gen.js';
import { emailCheck, languageCheck, nonEmpty, positiveIdCheck, tagIdentifier } from './common.js';
import { emailContent, emailSender } from './transaction.js';

/** Tags and segments by name or id (positive); `negative: true` excludes their members. */
const recipients = zCampaignRequest.shape.recipients.def.innerType;
const recipient = z.extend(zCampaignRecipientInput, { identifier: tagIdentifier });

/** What both message types share, with the docs' prose rules (`subject` required, ISO 639-1 `language`). */
const shared = {
  subject: zCampaignRequest.shape.subject.check(nonEmpty),
  language: refineField(zCampaignRequest.shape.language, languageCheck),
  email_template_id: refineField(zCampaignRequest.shape.email_template_id, positiveIdCheck),
  recipients: z.optional(
    z.extend(recipients, {
      tags: z.optional(withElement(recipients.shape.tags.def.innerType, recipient)),
      segments: z.optional(withElement(recipients.shape.segments.def.innerType, recipient)),
    }),
  ),
};

/** An e-mail campaign: `content` is your own text bodies (base64-encoded by the SDK) or template blocks. */
const emailCampaign = z.extend(zCampaignRequest, {
  ...shared,
  message_type: z.literal('email'),
  from: emailSender,
  content: z.optional(z.union([emailContent, z.array(zContentBlock)])),
});

/** A text message (SMS) campaign; Rule charges 0.40 SEK per message. `from.name` is the sender name. */
const textCampaign = z.extend(zCampaignRequest, {
  ...shared,
  message_type: z.literal('text_message'),
  from: z.extend(zSender, {
    name: zSender.shape.name.check(nonEmpty),
    email: refineField(zSender.shape.email, emailCheck),
  }),
  content: z.optional(z.string().check(nonEmpty)),
});

/** Sending needs somebody to send to: at least one tag or segment. */
const hasRecipients = z.refine<{ recipients?: { tags?: unknown[]; segments?: unknown[] } | undefined }>(
  (c) => (c.recipients?.tags?.length ?? 0) + (c.recipients?.segments?.length ?? 0) > 0,
  { message: 'must name at least one tag or segment', path: ['recipients'] },
);

/**
 * A `Date` as Rule's text (`format`), a string as it is. A date Rule's format cannot hold (beyond the year 9999 in
 * Stockholm) is an issue, not a throw: zod would take a throwing transform for an asynchronous one.
 */
function inRuleTime(value: Date | string, format: (date: Date) => string, ctx: z.core.ParsePayload): string {
  if (typeof value === 'string') return value;
  try {
    return format(value);
  } catch {
    ctx.issues.push({ code: 'custom', message: 'must be a date in the years 1-9999', input: value });
    return z.NEVER;
  }
}

/** The instant a schedule time stands for: a `Date`, or Rule's `YYYY-MM-DD HH:MM:SS` in Stockholm time. */
const instantOf = (at: Date | string) =>
  at instanceof Date ? at.getTime() : (parseRuleDateTime(at) ?? Number.NaN);

/**
 * When to send: a `Date`, or Rule's own `YYYY-MM-DD HH:MM:SS` (Stockholm wall-clock time); in the future either
 * way. A `Date` is sent as Stockholm wall-clock time, daylight saving included.
 */
const sendAt = z.pipe(
  z.union([z.date(), zScheduleCampaignRequest.shape.send_at]),
  z.transform((at, ctx) => {
    const instant = instantOf(at);
    if (instant > Date.now()) return inRuleTime(at, toRuleDateTime, ctx);
    // An impossible time (2030-02-30) is no instant at all, so it is not "in the past" either.
    const message = Number.isNaN(instant) ? 'is not a real date and time' : 'must be in the future';
    ctx.issues.push({ code: 'custom', message, input: at });
    return z.NEVER;
  }),
);

/** The body of create, send and schedule (Rule's `CampaignRequest`), with e-mail content as plain text. */
export const campaignRequest = z.discriminatedUnion('message_type', [emailCampaign, textCampaign]);
export const sendableCampaign = campaignRequest.check(hasRecipients);
export const scheduledCampaign = z
  .discriminatedUnion('message_type', [
    z.extend(emailCampaign, { send_at: sendAt }),
    z.extend(textCampaign, { send_at: sendAt }),
  ])
  .check(hasRecipients);

const TYPE_CODES = { email: 1, text_message: 2 } as const;

/** A day filter: `YYYY-MM-DD`, or a `Date` (its calendar day in Stockholm). */
const day = z.optional(
  z.pipe(
    z.union([
      z.date(),
      zDate.check(z.refine((d) => isRuleDateTime(`${d} 00:00:00`), 'is not a calendar date')),
    ]),
    z.transform((value, ctx) => inRuleTime(value, toRuleDate, ctx)),
  ),
);

/** `GET /campaigns`' query; `type` also takes `'email'` and `'text_message'` for Rule's codes 1 and 2. */
export const listCampaignsParams = z.extend(zListCampaignsQuery, {
  type: z.optional(
    z.pipe(
      z.union([zMessageType, zListCampaignsQuery.shape.type.def.innerType]),
      z.transform((type) => (typeof type === 'number' ? type : TYPE_CODES[type])),
    ),
  ),
  created_from: day,
  created_to: day,
  sent_from: day,
  sent_to: day,
});

export type EmailCampaignRequest = z.input<typeof emailCampaign>;
export type TextMessageCampaignRequest = z.input<typeof textCampaign>;
export type CampaignRequest = z.input<typeof campaignRequest>;
export type ScheduleCampaignRequest = z.input<typeof scheduledCampaign>;
export type ListCampaignsParams = z.input<typeof listCampaignsParams>;
export type CampaignRecipients = NonNullable<CampaignRequest['recipients']>;
