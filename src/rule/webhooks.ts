import { WebhookError } from '../core/errors/webhook-error.js';
import { readWebhook, validateNow } from '../internal/read-webhook.js';
import type { ResponseSchema } from '../internal/standard-schema.js';
import type {
  CampaignInteractionEvent,
  CampaignSentEvent,
  ImportFinishedEvent,
  SubscriberBouncedEvent,
  SubscriberOptedInEvent,
  SubscriberPreferenceEvent,
  SubscriberResubscribedEvent,
  SubscriberSegmentEvent,
  SubscriberSuppressedEvent,
  SubscriberTagEvent,
  TransactionInteractionEvent,
  TransactionSentEvent,
  WebhookSubscriber,
} from './generated/v2/types.gen.js';
import {
  zCampaignInteractionEvent,
  zCampaignSentEvent,
  zImportFinishedEvent,
  zSubscriberBouncedEvent,
  zSubscriberOptedInEvent,
  zSubscriberPreferenceEvent,
  zSubscriberResubscribedEvent,
  zSubscriberSegmentEvent,
  zSubscriberSuppressedEvent,
  zSubscriberTagEvent,
  zTransactionInteractionEvent,
  zTransactionSentEvent,
} from './generated/v2/zod.gen.js';
import { idReader, type NumericIds } from './numeric-ids.js';

// Exported so a consumer's declarations can name `RuleWebhookData['import.finished']` (TS2883 otherwise); the other
// payloads pass through `NumericIds`, which TypeScript spells out.
export type { ImportFinishedEvent };

/** Rule sends the same body to "added to" and "removed from" webhooks; only the URL tells them apart. */
export type WebhookDirection = 'added' | 'removed';

export interface ParseRuleWebhookOptions {
  /** Which tag webhook URL received the body. Required for tag bodies (`{ tag, subscriber }`). */
  tagDirection?: WebhookDirection;
  /** Which preference webhook URL received the body. Required for preference bodies (`{ preferences, … }`). */
  preferenceDirection?: WebhookDirection;
}

/** The payload of each Rule webhook, ids as numbers (as in API responses). */
export interface RuleWebhookData {
  'transaction.sent': NumericIds<TransactionSentEvent>;
  /** "Transaction opened" and "transaction link clicked" share one shape; a click carries `link`. */
  'transaction.opened_or_clicked': NumericIds<TransactionInteractionEvent>;
  'campaign.sent': NumericIds<CampaignSentEvent>;
  /** "Campaign opened" and "campaign link clicked" share one shape; a click carries `link`. */
  'campaign.opened_or_clicked': NumericIds<CampaignInteractionEvent>;
  'subscriber.opted_in': NumericIds<SubscriberOptedInEvent>;
  'subscriber.resubscribed': NumericIds<SubscriberResubscribedEvent>;
  'subscriber.suppressed': NumericIds<SubscriberSuppressedEvent>;
  'subscriber.bounced': NumericIds<SubscriberBouncedEvent>;
  'subscriber.added_to_tag': NumericIds<SubscriberTagEvent>;
  'subscriber.removed_from_tag': NumericIds<SubscriberTagEvent>;
  /** Rule's "added to filter" webhook. `subscriber.account.id` is a string, kept as sent. */
  'subscriber.added_to_segment': NumericIds<Omit<SubscriberSegmentEvent, 'subscriber'>> & {
    subscriber: NumericIds<WebhookSubscriber> & { account?: { id?: string; name?: string } };
  };
  'subscriber.added_to_preference': NumericIds<SubscriberPreferenceEvent>;
  'subscriber.removed_from_preference': NumericIds<SubscriberPreferenceEvent>;
  /** Every value is a string, as Rule sends it. */
  'import.finished': ImportFinishedEvent;
  /** A body of no documented shape, as received. */
  unknown: Record<string, unknown>;
}

export type RuleWebhookType = keyof RuleWebhookData;

/** A parsed webhook: switch on `type` and `data` is narrowed. */
export type RuleWebhookEvent = {
  [K in RuleWebhookType]: { type: K; data: RuleWebhookData[K] };
}[RuleWebhookType];

/** A webhook body that is not a JSON object, does not match its documented shape, or lacks its direction. */
export class RuleWebhookError extends WebhookError<'invalid_webhook' | 'webhook_direction_required'> {
  override name = 'RuleWebhookError';
}

type Body = Record<string, unknown>;

/** Rule's webhook bodies carry no event type: each shape is known by a top-level key, checked in this order. */
const SHAPES: ReadonlyArray<{
  key: string;
  type: (body: Body, options: ParseRuleWebhookOptions) => RuleWebhookType;
  schema: ResponseSchema<unknown>;
}> = [
  { key: 'bounce', type: () => 'subscriber.bounced', schema: zSubscriberBouncedEvent },
  { key: 'import', type: () => 'import.finished', schema: zImportFinishedEvent },
  {
    key: 'preference_group',
    type: (body, o) => directed(body, o.preferenceDirection, 'preferenceDirection', 'preference'),
    schema: zSubscriberPreferenceEvent,
  },
  {
    key: 'tag',
    type: (body, o) => directed(body, o.tagDirection, 'tagDirection', 'tag'),
    schema: zSubscriberTagEvent,
  },
  {
    key: 'segment',
    type: () => 'subscriber.added_to_segment',
    schema: zSubscriberSegmentEvent,
  },
  { key: 'message', type: () => 'transaction.sent', schema: zTransactionSentEvent },
  {
    key: 'transaction',
    type: () => 'transaction.opened_or_clicked',
    schema: zTransactionInteractionEvent,
  },
  {
    key: 'campaign',
    type: (body) => ('subscriber' in body ? 'campaign.opened_or_clicked' : 'campaign.sent'),
    schema: zCampaignSentEvent,
  },
  {
    key: 'suppressed_source_type',
    type: () => 'subscriber.suppressed',
    schema: zSubscriberSuppressedEvent,
  },
  {
    key: 'account',
    type: () => 'subscriber.resubscribed',
    schema: zSubscriberResubscribedEvent,
  },
  {
    key: 'subscriber',
    type: () => 'subscriber.opted_in',
    schema: zSubscriberOptedInEvent,
  },
];

function directed(
  body: Body,
  direction: WebhookDirection | undefined,
  option: keyof ParseRuleWebhookOptions,
  noun: 'tag' | 'preference',
): RuleWebhookType {
  if (direction === 'added') return `subscriber.added_to_${noun}`;
  if (direction === 'removed') return `subscriber.removed_from_${noun}`;
  throw new RuleWebhookError(
    `Rule sends the same ${noun} webhook body for "added" and "removed"; pass { ${option}: 'added' | 'removed' } ` +
      `according to the webhook URL that received it`,
    { code: 'webhook_direction_required', body },
  );
}

/**
 * Identifies and validates a Rule webhook body (already parsed from JSON). Rule's payloads carry no event type, so
 * the shape decides; tag and preference webhooks send one body for both directions, so pass `tagDirection` /
 * `preferenceDirection` from the URL that was hit. Unknown fields are kept; a body of no known shape comes back as
 * `{ type: 'unknown', data }`. Every other input throws `RuleWebhookError`: a body that is not a JSON object or
 * cannot be read, a known shape that fails validation (`issues`, an id no number holds exactly among them), or a
 * missing direction.
 *
 * @example
 * const event = parseRuleWebhook(await request.json(), { tagDirection: 'added' });
 * if (event.type === 'subscriber.added_to_tag') console.log(event.data.tag.name);
 */
export function parseRuleWebhook(body: unknown, options: ParseRuleWebhookOptions = {}): RuleWebhookEvent {
  return readWebhook(
    () => parse(body, options),
    (reason) =>
      new RuleWebhookError(`The Rule webhook body could not be read (${reason})`, {
        code: 'invalid_webhook',
        issues: [{ message: reason }],
        body,
      }),
  );
}

function parse(body: unknown, options: ParseRuleWebhookOptions): RuleWebhookEvent {
  // The tag, not `typeof`: a Buffer, stream or Request is an object too, and would read as an unknown event.
  const kind = Object.prototype.toString.call(body).slice(8, -1);
  if (kind !== 'Object') {
    throw new RuleWebhookError(
      `A Rule webhook body is a JSON object, got ${kind === 'Array' ? 'an array' : typeof body === 'object' ? kind : typeof body}`,
      { code: 'invalid_webhook', issues: [{ message: 'expected a JSON object' }], body },
    );
  }
  const shape = SHAPES.find(({ key }) => key in (body as Body));
  if (!shape) return { type: 'unknown', data: body as Body };
  const type = shape.type(body as Body, options);
  // Campaign interactions have their own schema (the `campaign` key alone does not tell sent from opened).
  const schema = type === 'campaign.opened_or_clicked' ? zCampaignInteractionEvent : shape.schema;
  const validated = validateNow(schema['~standard'].validate(body));
  // Ids become numbers as in API responses, where the schema types them so (import counters, an account's id:
  // strings, as Rule documents them).
  const result = validated.issues ? validated : idReader(schema)(validated.value);
  if (result.issues) {
    throw new RuleWebhookError(`The ${type} webhook body does not match Rule's documented shape`, {
      code: 'invalid_webhook',
      issues: result.issues,
      body,
    });
  }
  return { type, data: result.value } as RuleWebhookEvent;
}
