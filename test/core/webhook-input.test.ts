import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebhookError } from '../../src/core/errors/index.js';
import { parseRuleWebhook } from '../../src/rule/webhooks.js';
import { parseSequenceWebhook } from '../../src/sequence/webhooks.js';
import fc from '../helpers/fast-check.js';

// Both webhook parsers answer every input with a value or a WebhookError: deep JSON, throwing getters, revoked
// proxies and anything else a caller might hand them. Nothing may escape as another error or as an unhandled
// rejection (which ends a Node process).

const PARSERS = [
  ['parseRuleWebhook', (body: unknown) => parseRuleWebhook(body, { tagDirection: 'added' })],
  ['parseSequenceWebhook', parseSequenceWebhook],
] as const;

const unhandled: unknown[] = [];
const record = (reason: unknown) => unhandled.push(reason);
beforeEach(() => {
  unhandled.length = 0;
  process.on('unhandledRejection', record);
});
afterEach(async () => {
  // A rejection is reported unhandled only after the microtasks of its turn: let them run.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('unhandledRejection', record);
  expect(unhandled).toEqual([]);
});

/** The outcome of a parse: its value, or the error it threw, which must be a WebhookError. */
function outcome(
  parse: (body: unknown) => unknown,
  body: unknown,
): { value?: unknown; error?: WebhookError } {
  try {
    return { value: parse(body) };
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookError);
    return { error: error as WebhookError };
  }
}

const nested = (levels: number, inner: string) => `${'{"a":['.repeat(levels)}${inner}${']}'.repeat(levels)}`;

describe('parseRuleWebhook on deep JSON', () => {
  it('accepts a known shape carrying 10,000 levels of unknown data, ids read as numbers', () => {
    const body = JSON.parse(
      `{"subscriber": {"id": "7", "email": "ada@example.com", "extra": ${nested(10_000, '{"id": "1"}')}}}`,
    );
    const event = parseRuleWebhook(body);
    expect(event.type).toBe('subscriber.opted_in');
    if (event.type === 'subscriber.opted_in') {
      expect(event.data.subscriber.id).toBe(7);
      expect((event.data.subscriber as Record<string, unknown>).extra).toBe(body.subscriber.extra);
    }
  });

  it('refuses a known key holding 10,000 levels of the wrong shape with a RuleWebhookError', () => {
    const body = JSON.parse(`{"subscriber": ${'['.repeat(10_000)}1${']'.repeat(10_000)}}`);
    expect(outcome(parseRuleWebhook, body).error?.code).toBe('invalid_webhook');
  });
});

describe.each(PARSERS)('%s on hostile objects', (_, parse) => {
  const throwing = () => {
    throw new Error('getter says no');
  };
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases: Array<[string, unknown]> = [
    [
      'a throwing getter at the top',
      Object.defineProperty({}, 'subscriber', { get: throwing, enumerable: true }),
    ],
    ['a throwing getter on event', Object.defineProperty({}, 'event', { get: throwing, enumerable: true })],
    [
      'a throwing getter deep in a known shape',
      {
        event: 'transfer.created',
        created_at: '2024-01-01T00:00:00Z',
        subscriber: Object.defineProperty({}, 'id', { get: throwing, enumerable: true }),
        data: Object.defineProperty({}, 'id', { get: throwing, enumerable: true }),
      },
    ],
    ['a revoked proxy', revoked.proxy],
    ['a proxy whose every trap throws', new Proxy({}, { get: throwing, has: throwing, ownKeys: throwing })],
  ];

  it.each(cases)('%s: a value or a WebhookError, never a TypeError or an unhandled rejection', (_, body) => {
    const { error } = outcome(parse, body);
    if (error) expect(error.code).toBe('invalid_webhook');
  });

  it('answers any value with a value or a WebhookError', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 4, withNullPrototype: true, withObjectString: true }), (body) => {
        outcome(parse, body);
      }),
      { numRuns: 500 },
    );
  });
});
