import { WebhookError } from '../core/errors/webhook-error.js';
import { readWebhook } from '../internal/read-webhook.js';
import type { TransferEventData, TransferStatusChangedData } from './generated/v1/types.gen.js';
import { zTransferEvent, zTransferStatusChangedEvent } from './generated/v1/zod.gen.js';

// Exported so a consumer's declarations can name the `data` of a parsed event (TS2883 otherwise).
export type { TransferEventData, TransferStatusChangedData };

/** The event names are inferred from Sequence's `<entity>.<action>` convention; its docs do not spell them out. */
const EVENT_TYPES = {
  'transfer.created': 'transfer.created',
  'transfer.approval_required': 'transfer.approval_required',
  'transfer.status_changed': 'transfer.status_changed',
} as const;

interface Envelope<Type extends string, Data> {
  type: Type;
  /** The event name exactly as sent. */
  event: string;
  created_at: string;
  data: Data;
}

/** A parsed Sequence webhook: switch on `type`. Unknown events keep their data as sent. */
export type SequenceWebhookEvent =
  | Envelope<'transfer.created' | 'transfer.approval_required', TransferEventData>
  | Envelope<'transfer.status_changed', TransferStatusChangedData>
  | Envelope<'unknown', Record<string, unknown>>;

/** Thrown by `parseSequenceWebhook` for a body that is not a `{ event, created_at, data }` object. */
export class SequenceWebhookError extends WebhookError<'invalid_webhook'> {
  override name = 'SequenceWebhookError';
}

/**
 * Parses the body Sequence POSTs to your webhook endpoint (transfer created, approval required, status changed).
 * Lenient: unknown fields are kept and unknown events come back as `type: 'unknown'`. Any other input, one that
 * cannot even be read included, throws `SequenceWebhookError`. Verify the request's origin yourself; Sequence has
 * not documented a signature scheme.
 * @beta Sequence lists its webhooks as coming soon.
 */
export function parseSequenceWebhook(body: unknown): SequenceWebhookEvent {
  return readWebhook(
    () => parse(body),
    (reason) =>
      new SequenceWebhookError(`The Sequence webhook body could not be read (${reason})`, {
        code: 'invalid_webhook',
        issues: [{ message: reason }],
        body,
      }),
  );
}

function parse(body: unknown): SequenceWebhookEvent {
  const raw = typeof body === 'string' ? safeJson(body) : body;
  const event = (raw as { event?: unknown } | null)?.event;
  const type =
    typeof event === 'string' && Object.hasOwn(EVENT_TYPES, event)
      ? EVENT_TYPES[event as keyof typeof EVENT_TYPES]
      : 'unknown';
  const schema = type === 'transfer.status_changed' ? zTransferStatusChangedEvent : zTransferEvent;
  const result = schema.safeParse(raw);
  if (!result.success) {
    throw new SequenceWebhookError('Not a Sequence webhook body ({ event, created_at, data })', {
      code: 'invalid_webhook',
      issues: result.error.issues,
      body: raw,
    });
  }
  const { data, created_at } = result.data;
  return { type, event: result.data.event, created_at, data } as SequenceWebhookEvent;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
