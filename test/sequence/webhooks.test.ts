import { describe, expect, it } from 'vitest';
import { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import { WebhookError } from '../../src/core/errors/webhook-error.js';
import { parseSequenceWebhook, SequenceWebhookError } from '../../src/sequence/webhooks.js';
import { sequenceV1 } from './sequence-mock.js';

// Every webhook example the spec documents (`webhooks:`), parsed as a receiving endpoint would: the object a
// framework hands over, or the raw JSON text.

type Json = Record<string, unknown>;

/** The event type each documented webhook operation must parse to. */
const TYPE_OF: Record<string, string> = {
  onTransferCreated: 'transfer.created',
  onTransferApprovalRequired: 'transfer.approval_required',
  onTransferStatusChanged: 'transfer.status_changed',
};

const webhooks = Object.values(sequenceV1.doc.webhooks as Record<string, Json>).map((item) => {
  const op = item.post as Json;
  const content = sequenceV1.deref(op.requestBody).content as Record<string, Json>;
  const examples = content['application/json']!.examples as Record<string, unknown>;
  return { operationId: op.operationId as string, examples };
});

const cases = webhooks.flatMap(({ operationId, examples }) =>
  Object.entries(examples).map(([name, example]) => {
    const body = sequenceV1.deref(example).value as { event: string; created_at: string; data: Json };
    return [operationId, name, body] as const;
  }),
);

describe('parseSequenceWebhook', () => {
  it('has a documented example for each of the three transfer webhooks', () => {
    expect(webhooks.map((w) => w.operationId).sort()).toEqual(Object.keys(TYPE_OF).sort());
    expect(cases).toHaveLength(3);
  });

  it.each(cases)('parses the documented %s example "%s" to its type', (operationId, _, body) => {
    const event = parseSequenceWebhook(body);
    expect(event).toEqual({
      type: TYPE_OF[operationId],
      event: body.event,
      created_at: body.created_at,
      data: body.data,
    });
  });

  it.each(cases)('accepts the documented %s example "%s" as JSON text', (operationId, _, body) => {
    const event = parseSequenceWebhook(JSON.stringify(body));
    expect(event.type).toBe(TYPE_OF[operationId]);
    expect(event.data).toEqual(body.data);
  });

  it('narrows on type: a status change carries the previous status', () => {
    const event = parseSequenceWebhook(cases.find(([id]) => id === 'onTransferStatusChanged')![2]);
    if (event.type !== 'transfer.status_changed') throw new Error(`unexpected ${event.type}`);
    expect(event.data.previous_status).toBe('pending');
    expect(event.data.status).toBe('complete');
  });

  it('keeps fields it does not model (Sequence may send the whole transfer)', () => {
    const body = {
      event: 'transfer.created',
      created_at: '2024-04-25T10:00:01Z',
      data: { transfer_id: 'txr_1', amount_in_cents: 500 },
    };
    expect(parseSequenceWebhook({ ...body, delivery_id: 'whd_1' }).data).toEqual(body.data);
  });

  it('returns an unknown event as type "unknown", with its name and data as sent', () => {
    const body = {
      event: 'rule_execution.completed',
      created_at: '2024-04-25T10:00:01Z',
      data: { execution_id: 'rex_1', n: 2 },
    };
    expect(parseSequenceWebhook(body)).toEqual({ type: 'unknown', ...body });
  });

  // Names inherited from Object.prototype are not event types.
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'returns an event named "%s" as type "unknown"',
    (name) => {
      const event = parseSequenceWebhook({ event: name, created_at: '2024-04-25T10:00:01Z', data: {} });
      expect(event.type).toBe('unknown');
    },
  );

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['a boolean', true],
    ['an array', [{ event: 'transfer.created' }]],
    ['text that is not JSON', 'event=transfer.created'],
    ['JSON text of a number', '42'],
    ['an object without data', { event: 'transfer.created', created_at: '2024-04-25T10:00:01Z' }],
    ['an object without created_at', { event: 'transfer.created', data: {} }],
    ['an object without event', { created_at: '2024-04-25T10:00:01Z', data: {} }],
  ])('throws SequenceWebhookError for %s', (_, body) => {
    let error: unknown;
    try {
      parseSequenceWebhook(body);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SequenceWebhookError);
    expect(error).toBeInstanceOf(WebhookError);
    expect(error).toBeInstanceOf(RuleseqError);
    expect(error).toMatchObject({ code: 'invalid_webhook' });
    expect((error as SequenceWebhookError).issues.length).toBeGreaterThan(0);
  });
});
