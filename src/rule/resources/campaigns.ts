import * as z from 'zod/mini';
import {
  type APIPromise,
  encodeBase64,
  type PagePromise,
  type RequestOptions,
  RequestValidationError,
} from '../../core/index.js';
import { validateInput } from '../../core/validate-input.js';
import { toRuleDate, toRuleDateTime } from '../datetime.js';
import type { RuleError } from '../errors.js';
import type { CampaignRecipientInput, ContentBlock, MessageType } from '../generated/v2/types.gen.js';
import {
  zContentBlock,
  zCreateCampaignResponse,
  zDeleteCampaignResponse,
  zGetCampaignResponse,
  zGetCampaignStatisticsResponse,
  zListCampaignsResponse,
  zScheduleCampaignResponse,
  zSendCampaignResponse,
} from '../generated/v2/zod.gen.js';
import {
  emailSchema,
  isPositiveId,
  languageSchema,
  limitSchema,
  paramsObjectSchema,
} from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Campaign, CampaignStatistics } from '../types.js';

const listSchema = withNumericIds(zListCampaignsResponse);
const campaignSchema = withNumericIds(zGetCampaignResponse);
const createdSchema = withNumericIds(zCreateCampaignResponse);
const statisticsSchema = withNumericIds(zGetCampaignStatisticsResponse);
const sentSchema = withNumericIds(zSendCampaignResponse);
const scheduledSchema = withNumericIds(zScheduleCampaignResponse);

/** Who receives a campaign: tags and segments by name or id; `negative: true` excludes their members. */
export interface CampaignRecipients {
  tags?: CampaignRecipientInput[];
  segments?: CampaignRecipientInput[];
}

interface CampaignBase {
  /** Required by Rule for both message types. */
  subject: string;
  /** ISO 639-1; defaults to the account's language. */
  language?: string;
  email_template_id?: number;
  recipients?: CampaignRecipients;
}

/** An email campaign. */
export interface EmailCampaignRequest extends CampaignBase {
  message_type: 'email';
  from: { name: string; email: string };
  /**
   * Your own bodies as plain text and HTML (the SDK base64-encodes both, UTF-8 safe), or template blocks to use
   * with `email_template_id`.
   */
  content?: { plain: string; html: string } | ContentBlock[];
}

/** A text message (SMS) campaign; Rule charges 0.40 SEK per message. `from.name` is the sender name. */
export interface TextMessageCampaignRequest extends CampaignBase {
  message_type: 'text_message';
  from: { name: string; email?: string };
  content?: string;
}

/** The body of create, send and schedule (Rule's `CampaignRequest`), with email content as plain text. */
export type CampaignRequest = EmailCampaignRequest | TextMessageCampaignRequest;

/** A campaign to schedule: `send_at` is a future instant, sent as Stockholm wall-clock time. */
export type ScheduleCampaignRequest = CampaignRequest & { send_at: Date };

/** A `YYYY-MM-DD` string, or a `Date` (taken as its calendar day in Stockholm). */
export type CampaignDateFilter = Date | string;

export interface ListCampaignsParams {
  limit?: number;
  /** `'email'` or `'text_message'`, or Rule's own codes 1 (email) and 2 (SMS). */
  type?: MessageType | 1 | 2;
  created_from?: CampaignDateFilter;
  created_to?: CampaignDateFilter;
  sent_from?: CampaignDateFilter;
  sent_to?: CampaignDateFilter;
}

/** What send and schedule answer with. */
export interface CampaignSendResult {
  campaign_id: number;
}

const TYPE_CODES = { email: 1, text_message: 2, 1: 1, 2: 2 } as const;

const nonEmpty = (what: string) =>
  z.string(`${what} is required`).check(z.minLength(1, `${what} cannot be empty`));

function isCalendarDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}

const dayFilter = z.optional(
  z.union(
    [
      z.date(),
      z
        .string()
        .check(
          z.regex(/^\d{4}-\d{2}-\d{2}$/, 'a date filter must be YYYY-MM-DD'),
          z.refine(isCalendarDay, 'not a calendar date'),
        ),
    ],
    'a date filter is a valid Date or a YYYY-MM-DD string',
  ),
);

const listParamsSchema = z.strictObject({
  limit: limitSchema,
  type: z.optional(z.union([z.enum(['email', 'text_message']), z.literal(1), z.literal(2)])),
  created_from: dayFilter,
  created_to: dayFilter,
  sent_from: dayFilter,
  sent_to: dayFilter,
});

const recipientSchema = z.strictObject({
  identifier: z.union([z.int().check(z.positive()), nonEmpty('recipient identifier')]),
  negative: z.optional(z.boolean()),
});

const base = {
  subject: nonEmpty('subject'),
  language: z.optional(languageSchema),
  email_template_id: z.optional(z.int().check(z.positive())),
  recipients: z.optional(
    z.strictObject({
      tags: z.optional(z.array(recipientSchema)),
      segments: z.optional(z.array(recipientSchema)),
    }),
  ),
};

const campaignRequestSchema = z.discriminatedUnion(
  'message_type',
  [
    z.strictObject({
      ...base,
      message_type: z.literal('email'),
      from: z.strictObject({ name: nonEmpty('from.name'), email: emailSchema }),
      content: z.optional(
        z.union(
          [z.strictObject({ plain: z.string(), html: z.string() }), z.array(zContentBlock)],
          'email content is { plain, html } (as text) or template blocks',
        ),
      ),
    }),
    z.strictObject({
      ...base,
      message_type: z.literal('text_message'),
      from: z.strictObject({ name: nonEmpty('from.name'), email: z.optional(emailSchema) }),
      content: z.optional(nonEmpty('content')),
    }),
  ],
  "message_type must be 'email' or 'text_message'",
);

/** Sending needs somebody to send to: at least one tag or segment. */
const sendableSchema = campaignRequestSchema.check(
  z.refine((c) => (c.recipients?.tags?.length ?? 0) + (c.recipients?.segments?.length ?? 0) > 0, {
    message: 'recipients must name at least one tag or segment',
    path: ['recipients'],
  }),
);

const sendAtSchema = z
  .date('send_at must be a valid Date')
  .check(z.refine((d) => d.getTime() > Date.now(), 'send_at must be in the future'));

/** Validates a campaign request and returns Rule's wire body: email `plain`/`html` base64-encoded. */
function toWireCampaign(request: CampaignRequest, sending: boolean): Record<string, unknown> {
  const valid = validateInput(sending ? sendableSchema : campaignRequestSchema, request, 'campaign');
  const { content } = valid;
  if (valid.message_type === 'email' && content !== undefined && !Array.isArray(content)) {
    const { plain, html } = content as { plain: string; html: string };
    return { ...valid, content: { plain: encodeBase64(plain), html: encodeBase64(html) } };
  }
  return valid;
}

/** `campaigns/{id}` (or Rule's singular `campaign/{id}` for delete); `RequestValidationError` unless a positive id. */
function campaignPath(id: number, collection = 'campaigns', suffix = ''): string {
  if (!isPositiveId(id)) {
    throw new RequestValidationError(
      [{ message: 'id must be a positive integer', path: ['id'] }],
      'campaign',
    );
  }
  return `${collection}/${id}${suffix}`;
}

/** Classic (v2) campaigns: list, create drafts, send now or later, statistics, delete. */
export class Campaigns extends RuleResource {
  /**
   * Campaigns page by page (`limit` ≤ 100), optionally filtered by type and by created/sent day. Dates given as
   * `Date` are sent as their Stockholm calendar day. `GET /campaigns`
   */
  list(params: ListCampaignsParams = {}, options?: RequestOptions): PagePromise<Campaign, RuleError> {
    return this.paginate(
      () => {
        const { type, limit, ...days } = validateInput(listParamsSchema, params, 'campaign filters');
        const query: Record<string, string | number | undefined> = {
          limit,
          type: type === undefined ? undefined : TYPE_CODES[type],
        };
        for (const [key, day] of Object.entries(days)) {
          query[key] = day instanceof Date ? toRuleDate(day) : day;
        }
        return { method: 'GET', path: 'campaigns', query, schema: listSchema };
      },
      (body) => body.campaigns,
      options,
    );
  }

  /**
   * Creates a draft campaign (not sent). Email `content.plain` and `content.html` are plain text; the SDK
   * base64-encodes them. `POST /campaigns`
   */
  create(request: CampaignRequest, options?: RequestOptions): APIPromise<Campaign, RuleError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'campaigns',
        body: toWireCampaign(request, false),
        schema: createdSchema,
      }),
      (body) => body,
      options,
    );
  }

  /** One campaign with its recipients. `GET /campaigns/{id}` */
  get(id: number, options?: RequestOptions): APIPromise<Campaign, RuleError> {
    return this.call(
      () => ({ method: 'GET', path: campaignPath(id), schema: campaignSchema }),
      (body) => body,
      options,
    );
  }

  /** Sent, open, click, bounce and unsubscribe counts (a draft reports `sent: 0`). `GET /campaigns/{id}/statistics` */
  statistics(id: number, options?: RequestOptions): APIPromise<CampaignStatistics, RuleError> {
    return this.call(
      () => ({ method: 'GET', path: campaignPath(id, 'campaigns', '/statistics'), schema: statisticsSchema }),
      (body) => body,
      options,
    );
  }

  /**
   * Creates a campaign and sends it now. At least one tag or segment is required; email content is base64-encoded
   * for you. Not retried after a failure that may have been processed, so nothing is sent twice.
   * `POST /campaigns/send`
   */
  send(request: CampaignRequest, options?: RequestOptions): APIPromise<CampaignSendResult, RuleError> {
    return this.#dispatch('campaigns/send', () => ({ campaign: request, extra: {} }), sentSchema, options);
  }

  /**
   * Creates a campaign and schedules it. `send_at` must be a future `Date`; it goes out as Rule's zone-less
   * `YYYY-MM-DD HH:MM:SS` in Stockholm time (daylight saving included). Otherwise as `send`.
   * `POST /campaigns/schedule`
   */
  schedule(
    request: ScheduleCampaignRequest,
    options?: RequestOptions,
  ): APIPromise<CampaignSendResult, RuleError> {
    return this.#dispatch(
      'campaigns/schedule',
      () => {
        const { send_at, ...campaign } = validateInput(paramsObjectSchema, request, 'campaign');
        const at = toRuleDateTime(validateInput(sendAtSchema, send_at, 'campaign.send_at'));
        return { campaign: campaign as unknown as CampaignRequest, extra: { send_at: at } };
      },
      scheduledSchema,
      options,
    );
  }

  /** Send and schedule: the campaign plus `extra` fields, answered by `{ success, campaign_id }`. */
  #dispatch(
    path: string,
    parts: () => { campaign: CampaignRequest; extra: Record<string, string> },
    schema: typeof sentSchema,
    options?: RequestOptions,
  ): APIPromise<CampaignSendResult, RuleError> {
    return this.call(
      () => {
        const { campaign, extra } = parts();
        return { method: 'POST', path, body: { ...toWireCampaign(campaign, true), ...extra }, schema };
      },
      (body) => ({ campaign_id: body.campaign_id }),
      options,
    );
  }

  /** Deletes a campaign. `DELETE /campaign/{id}` (singular, as Rule spells it) */
  delete(id: number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => ({ method: 'DELETE', path: campaignPath(id, 'campaign'), schema: zDeleteCampaignResponse }),
      () => undefined,
      options,
    );
  }
}
