import { describe, expect, it } from 'vitest';
import { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import {
  type ParseRuleWebhookOptions,
  parseRuleWebhook,
  RuleWebhookError,
  type RuleWebhookType,
} from '../../src/rule/webhooks.js';
import { ruleV2 } from './rule-mock.js';

/** What each webhook of the spec parses to, and the direction its URL implies. */
const EXPECTED: Record<string, [RuleWebhookType, ParseRuleWebhookOptions?]> = {
  transactionSent: ['transaction.sent'],
  transactionLinkClicked: ['transaction.opened_or_clicked'],
  transactionOpened: ['transaction.opened_or_clicked'],
  campaignSent: ['campaign.sent'],
  campaignLinkClicked: ['campaign.opened_or_clicked'],
  campaignOpened: ['campaign.opened_or_clicked'],
  subscriberOptedIn: ['subscriber.opted_in'],
  subscriberSuppressed: ['subscriber.suppressed'],
  subscriberRemovedFromTag: ['subscriber.removed_from_tag', { tagDirection: 'removed' }],
  subscriberAddedToTag: ['subscriber.added_to_tag', { tagDirection: 'added' }],
  subscriberAddedToFilter: ['subscriber.added_to_segment'],
  subscriberBounced: ['subscriber.bounced'],
  subscriberResubscribed: ['subscriber.resubscribed'],
  importFinished: ['import.finished'],
  subscriberAddedToPreference: ['subscriber.added_to_preference', { preferenceDirection: 'added' }],
  subscriberRemovedFromPreference: ['subscriber.removed_from_preference', { preferenceDirection: 'removed' }],
};

type Json = Record<string, unknown>;

/** Every documented webhook example: [webhook name, example name, body]. */
const documented = Object.entries(ruleV2.doc.webhooks as Record<string, { post: Json }>).flatMap(
  ([name, item]) => {
    const content = ruleV2.deref(item.post.requestBody).content as Record<string, { examples: Json }>;
    return Object.values(content).flatMap((media) =>
      Object.entries(media.examples).map(
        ([example, value]) => [name, example, ruleV2.deref(value).value] as const,
      ),
    );
  },
);

const subscriber = { id: 111111, email: 'subscriber@example.com', phone_number: '+46705555555' };
const body = (name: string) => structuredClone(documented.find(([n]) => n === name)![2]) as Json;

describe('parseRuleWebhook — documented payloads', () => {
  it('knows every webhook of the spec', () => {
    expect(new Set(documented.map(([name]) => name))).toEqual(new Set(Object.keys(EXPECTED)));
    expect(documented).toHaveLength(Object.keys(EXPECTED).length);
  });

  it.each(documented)('parses %s (%s)', (name, _, payload) => {
    const [type, options] = EXPECTED[name]!;
    const event = parseRuleWebhook(payload, options);
    expect(event.type).toBe(type);
    // The documented ids are already numbers and counters documented as strings stay strings: data is the body.
    expect(event.data).toEqual(payload);
  });

  it('types data by event and tells a click from an open by `link`', () => {
    const clicked = parseRuleWebhook(body('campaignLinkClicked'));
    const opened = parseRuleWebhook(body('campaignOpened'));
    if (clicked.type !== 'campaign.opened_or_clicked' || opened.type !== 'campaign.opened_or_clicked') {
      throw new Error('expected campaign interactions');
    }
    expect(clicked.data.link).toBe('https://www.example.com');
    expect(opened.data.link).toBeUndefined();
    expect(clicked.data.subscriber.id).toBe(111111);
  });

  it('tells "campaign sent" (no subscriber) from a campaign interaction', () => {
    const event = parseRuleWebhook(body('campaignSent'));
    if (event.type !== 'campaign.sent') throw new Error(`got ${event.type}`);
    expect(event.data.campaign.total_sent).toBe(123);
  });
});

describe('parseRuleWebhook — tolerance and normalisation', () => {
  it('coerces digit-string ids to numbers, as API responses are', () => {
    const event = parseRuleWebhook(
      { tag: { id: '12', name: 'VIP' }, subscriber: { id: '34', email: null, phone_number: '+46705555555' } },
      { tagDirection: 'added' },
    );
    expect(event).toEqual({
      type: 'subscriber.added_to_tag',
      data: {
        tag: { id: 12, name: 'VIP' },
        subscriber: { id: 34, email: null, phone_number: '+46705555555' },
      },
    });
  });

  it('keeps the segment webhook account id and the import counters as the strings Rule sends', () => {
    const segment = parseRuleWebhook({
      segment: { id: '5', name: 'Stockholm' },
      subscriber: { ...subscriber, id: '7', account: { id: '42', name: 'Shop' } },
    });
    expect(segment.data).toEqual({
      segment: { id: 5, name: 'Stockholm' },
      subscriber: { ...subscriber, id: 7, account: { id: '42', name: 'Shop' } },
    });
    const imported = parseRuleWebhook({ import: { id: '9', total: '10', new: '4', updated: '6' } });
    expect(imported.data).toEqual({ import: { id: '9', total: '10', new: '4', updated: '6' } });
  });

  it('keeps unknown fields', () => {
    const event = parseRuleWebhook({ ...body('subscriberBounced'), received_at: 'now' });
    expect(event).toMatchObject({ type: 'subscriber.bounced', data: { received_at: 'now' } });
  });

  it('tells resubscribed (with account) from opted in (subscriber only)', () => {
    expect(parseRuleWebhook({ subscriber, account: { name: 'Shop' } }).type).toBe('subscriber.resubscribed');
    expect(parseRuleWebhook({ subscriber }).type).toBe('subscriber.opted_in');
  });

  it('returns a body of no known shape as unknown instead of throwing', () => {
    const payload = { event: 'something.new', payload: { id: 1 } };
    expect(parseRuleWebhook(payload)).toEqual({ type: 'unknown', data: payload });
    expect(parseRuleWebhook({})).toEqual({ type: 'unknown', data: {} });
  });
});

describe('parseRuleWebhook — errors', () => {
  it.each([
    ['subscriberAddedToTag', 'tagDirection'],
    ['subscriberAddedToPreference', 'preferenceDirection'],
  ])('requires the direction for %s bodies (Rule sends one body for both)', (name, option) => {
    const error = (() => {
      try {
        return parseRuleWebhook(body(name));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(RuleWebhookError);
    expect(error).toMatchObject({ code: 'webhook_direction_required' });
    expect((error as Error).message).toContain(option);
  });

  it('ignores a direction on a body that needs none', () => {
    expect(parseRuleWebhook(body('subscriberOptedIn'), { tagDirection: 'removed' }).type).toBe(
      'subscriber.opted_in',
    );
  });

  const raw = JSON.stringify({ subscriber });
  it.each([
    ['a Buffer', Buffer.from(raw)],
    ['a Uint8Array', new TextEncoder().encode(raw)],
    ['a Request', new Request('https://example.com/hook', { method: 'POST', body: raw })],
    ['a Map', new Map([['subscriber', subscriber]])],
  ])(
    'refuses %s (an object, but not a parsed JSON body) instead of calling it an unknown event',
    (_, input) => {
      expect(() => parseRuleWebhook(input)).toThrow(RuleWebhookError);
      expect(() => parseRuleWebhook(input)).toThrow(/is a JSON object, got (Uint8Array|Request|Map)$/);
    },
  );

  it.each([null, undefined, 'text', 42, true, [body('subscriberOptedIn')]])(
    'refuses a non-object body: %j',
    (input) => {
      expect(() => parseRuleWebhook(input)).toThrow(RuleWebhookError);
      try {
        parseRuleWebhook(input);
      } catch (error) {
        expect(error).toBeInstanceOf(RuleseqError);
        expect(error).toMatchObject({ code: 'invalid_webhook', body: input });
      }
    },
  );

  it.each<[string, Json, ParseRuleWebhookOptions?]>([
    ['a tag that is a string', { tag: 'VIP', subscriber }, { tagDirection: 'added' }],
    ['a subscriber without id', { subscriber: { email: 'a@example.com' } }],
    ['a bounce without subscriber', { bounce: { type: 'hard' } }],
    ['a campaign interaction with a bad subscriber', { campaign: { id: 1 }, subscriber: 'x' }],
  ])('throws invalid_webhook with issues for %s', (_, payload, options) => {
    try {
      parseRuleWebhook(payload, options);
      expect.unreachable('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(RuleWebhookError);
      expect(error).toMatchObject({ code: 'invalid_webhook', body: payload });
      expect((error as RuleWebhookError).issues.length).toBeGreaterThan(0);
    }
  });
});
