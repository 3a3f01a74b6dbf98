import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
} from '../../src/core/errors/status-errors.js';
import { RuleClient, type RuleClientOptions } from '../../src/rule/client.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import { createRuleFake, type RuleFakeOptions } from '../../src/testing/rule-fake/index.js';
import { KEY } from './rule-fake-helpers.js';

// The SDK's RuleClient end to end against the fake, as a user's test would run it.

function setup(options: RuleFakeOptions = {}, client: RuleClientOptions = {}) {
  const fake = createRuleFake({ rateLimit: false, ...options });
  const rule = new RuleClient({
    apiKey: KEY,
    fetch: fakeFetch(fake),
    rateLimit: false,
    maxRetries: 0,
    ...client,
  });
  return { fake, rule };
}

describe('subscribers', () => {
  it('createMany of 2,500 makes 3 calls and stores all 2,500', async () => {
    const { fake, rule } = setup({ seed: false });
    const people = Array.from({ length: 2500 }, (_, i) => ({
      email: `person${i}@example.com`,
      fields: { 'Profile.Number': String(i) },
    }));
    const progress: number[] = [];
    const report = await rule.subscribers.createMany(people, {
      tags: ['Import'],
      onProgress: (p) => progress.push(p.done),
    });
    expect(report).toMatchObject({ total: 2500, succeeded: 2500, failed: 0 });
    expect(report.calls).toHaveLength(3);
    expect(fake.state.requestCount).toBe(3);
    expect(fake.state.subscribers).toHaveLength(2500);
    expect(progress.sort((a, b) => a - b).at(-1)).toBe(2500);
    const tag = fake.state.tags.find((t) => t.name === 'Import')!;
    expect(fake.state.subscribers.every((s) => s.tags.includes(tag.id))).toBe(true);
    expect(fake.state.subscribers[1999]!.fields['Profile.Number']).toBe('1999');
  });

  it('create, get (by any identifier), update, fields and delete', async () => {
    const { fake, rule } = setup();
    const created = await rule.subscribers.create({
      subscriber: {
        email: 'ada@example.com',
        phone_number: '+46701234567',
        fields: { 'Order.Created': new Date() },
      },
      tags: ['Newsletter', 'Brand new'],
    });
    expect(created).toMatchObject({ email: 'ada@example.com', opted_in: true });
    expect(created.tags?.map((t) => t.name)).toEqual(['Newsletter', 'Brand new']);
    expect((await rule.subscribers.get({ phone_number: '+46701234567' })).id).toBe(created.id);
    expect((await rule.subscribers.get({ id: created.id })).email).toBe('ada@example.com');
    expect((await rule.subscribers.get({ custom_identifier: 'crm-7' })).id).toBe(7);

    const updated = await rule.subscribers.update(created.id, {
      language: 'en',
      fields: { 'Profile.FirstName': 'Ada' },
    });
    expect(updated.language).toBe('en');
    const groups = await rule.subscribers.fields({ email: 'ada@example.com' });
    expect(groups.find((g) => g.name === 'Profile')?.fields).toEqual([
      expect.objectContaining({ name: 'FirstName', value: 'Ada', type: 'text' }),
    ]);
    expect(groups.find((g) => g.name === 'Order')?.fields[0]?.type).toBe('datetime');

    await rule.subscribers.delete({ email: 'ada@example.com' });
    expect(fake.state.subscribers.some((s) => s.email === 'ada@example.com')).toBe(false);
    await rule.subscribers.deleteMany([{ email: 'john@example.com' }, { phone_number: '+46123456987' }]);
    expect(fake.state.subscribers.map((s) => s.id)).not.toContain(1);
    expect(fake.state.subscribers.map((s) => s.id)).not.toContain(2);
  });

  it('lists every subscriber with for await, following meta.next over 3 pages', async () => {
    const { fake, rule } = setup();
    const emails: Array<string | null | undefined> = [];
    for await (const s of rule.subscribers.list({ limit: 100 })) emails.push(s.email);
    expect(emails).toHaveLength(fake.state.subscribers.length);
    expect(fake.state.subscribers.length).toBeGreaterThan(200);
    expect(fake.state.requestCount).toBe(3);
    const first = await rule.subscribers.list({ limit: 100 });
    expect(first.data).toHaveLength(100);
    expect(first.hasNextPage()).toBe(true);
  });

  it('a bulk create matches stored and earlier inputs by e-mail (any case) or phone, like creates one by one', async () => {
    const { fake, rule } = setup({ seed: false });
    await rule.subscribers.create({
      subscriber: { email: 'ada@example.com', phone_number: '+46701234567' },
      tags: ['A'],
    });
    await rule.subscribers.createMany(
      [
        { email: 'ADA@example.com', language: 'en' },
        { email: 'new@example.com' },
        { email: 'New@Example.com', language: 'fi' },
        // Found by phone: Ada moves to a new address, which frees her old one for the next input.
        { email: 'moved@example.com', phone_number: '+46701234567' },
        { email: 'ada@example.com' },
      ],
      { tags: ['B'], update_on_duplicate: true },
    );
    expect(fake.state.subscribers.map((s) => [s.email, s.language])).toEqual([
      ['moved@example.com', 'en'],
      // An update takes the address as the input spells it.
      ['New@Example.com', 'fi'],
      ['ada@example.com', 'sv'],
    ]);
  });

  it('update_on_duplicate updates instead of answering 409', async () => {
    const { fake, rule } = setup();
    const again = await rule.subscribers.create({
      subscriber: { email: 'john@example.com', language: 'en' },
      tags: ['VIP'],
      update_on_duplicate: true,
    });
    expect(again.id).toBe(1);
    expect(fake.state.subscribers.find((s) => s.id === 1)?.language).toBe('en');
  });
});

describe('tags', () => {
  it('adds, lists, removes (a tag named "clear" too) and clears a subscriber’s tags', async () => {
    const { fake, rule } = setup();
    const john = { email: 'john@example.com' };
    await rule.subscribers.tags.add(john, ['clear', 'VIP', 3]);
    expect((await rule.subscribers.tags.list(john)).map((t) => t.name)).toEqual([
      'Newsletter',
      'clear',
      'VIP',
      'Customers',
    ]);
    await rule.subscribers.tags.remove(john, 'clear');
    expect((await rule.subscribers.tags.list(john)).map((t) => t.name)).toEqual([
      'Newsletter',
      'VIP',
      'Customers',
    ]);
    await rule.subscribers.tags.remove(john, 'VIP');
    await rule.subscribers.tags.remove(john, 3);
    expect((await rule.subscribers.tags.list(john)).map((t) => t.name)).toEqual(['Newsletter']);
    await rule.subscribers.tags.clear(john);
    expect(fake.state.subscribers[0]!.tags).toEqual([]);
    // The tag itself stays.
    expect(fake.state.tags.some((t) => t.name === 'clear')).toBe(true);
  });

  it('lists, counts, renames, clears and deletes tags', async () => {
    const { fake, rule } = setup();
    const names: string[] = [];
    for await (const tag of rule.tags.list({ limit: 2 })) names.push(tag.name);
    expect(names).toEqual(fake.state.tags.map((t) => t.name));
    const vip = await rule.tags.get('VIP', { with_count: true });
    expect(vip.recipient_count).toBe(fake.state.subscribers.filter((s) => s.tags.includes(vip.id)).length);
    expect(vip.recipient_count).toBeGreaterThan(0);
    expect((await rule.tags.update(vip.id, { name: 'Very important' })).name).toBe('Very important');
    await rule.tags.clear('Very important');
    expect((await rule.tags.get(vip.id, { with_count: true })).recipient_count).toBe(0);
    await rule.tags.delete(vip.id);
    expect(fake.state.tags.some((t) => t.id === vip.id)).toBe(false);
  });
});

describe('transactions', () => {
  it('records decoded e-mails and text messages with their recipients', async () => {
    const { fake, rule } = setup();
    const sent = await rule.transactions.send({
      type: 'email',
      to: { email: 'ada@example.com', name: 'Ada' },
      subject: 'Hi',
      from: { name: 'Shop', email: 'shop@example.com' },
      content: { html: '<p>Hej å ä ö</p>', plain: 'Hej å ä ö' },
    });
    await rule.transactions.send({
      type: 'text_message',
      from: { name: 'Shop' },
      to: { phone_number: '+46701234567' },
      content: 'Your code is 1234',
    });
    expect(fake.state.transactions).toEqual([
      expect.objectContaining({
        id: sent.transaction_id,
        type: 'email',
        subject: 'Hi',
        to: { email: 'ada@example.com', name: 'Ada' },
        html: '<p>Hej å ä ö</p>',
        plain: 'Hej å ä ö',
      }),
      expect.objectContaining({
        type: 'text_message',
        to: { phone_number: '+46701234567' },
        text: 'Your code is 1234',
      }),
    ]);
    expect(fake.state.transactions.filter((t) => t.type === 'email').map((t) => t.to.email)).toEqual([
      'ada@example.com',
    ]);
  });

  it('refuses a PDF attachment over 50 KB with a 400 (sent raw: the SDK itself refuses it)', async () => {
    const { fake, rule } = setup();
    const pdf = btoa(`%PDF-1.4${'x'.repeat(51 * 1024)}`.slice(0, 51 * 1024 + 3));
    const result = await rule
      .request({
        method: 'POST',
        path: 'transactionals',
        body: {
          transaction_type: 'email',
          subject: 'Invoice',
          from: { name: 'Shop', email: 'shop@example.com' },
          to: { email: 'ada@example.com' },
          content: { html: btoa('<p>x</p>'), plain: btoa('x') },
          attachment: { name: 'invoice.pdf', file: `data:application/pdf;base64,${pdf}` },
        },
      })
      .safe();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(BadRequestError);
    expect(result.error).toMatchObject({ code: 'ValidationError' });
    expect(fake.state.transactions).toHaveLength(0);
  });
});

describe('documented errors as the SDK’s typed errors', () => {
  it.each([
    ['NotFound', NotFoundError, (rule: RuleClient) => rule.subscribers.get({ email: 'nobody@example.com' })],
    [
      'DuplicateSubscriber',
      ConflictError,
      (rule: RuleClient) =>
        rule.subscribers.create({ subscriber: { email: 'john@example.com' }, tags: ['A'] }),
    ],
    [
      'TagNotFound',
      NotFoundError,
      (rule: RuleClient) =>
        rule.subscribers.create({ subscriber: { email: 'new@example.com' }, tags: [4242] }),
    ],
    [
      'SubscriberNotFound',
      NotFoundError,
      (rule: RuleClient) => rule.subscribers.update(999_999, { language: 'sv' }),
    ],
    ['TemplateNotFound', NotFoundError, (rule: RuleClient) => rule.templates.get(99)],
    ['CampaignNotFound', NotFoundError, (rule: RuleClient) => rule.campaigns.get(99)],
    [
      'LimitExceed',
      BadRequestError,
      (rule: RuleClient) => rule.request({ method: 'GET', path: 'segments', query: { limit: 101 } }),
    ],
    [
      'RequestEntityTooLarge',
      PayloadTooLargeError,
      (rule: RuleClient) =>
        rule.request({
          method: 'POST',
          path: 'subscribers',
          body: {
            tags: ['A'],
            subscribers: Array.from({ length: 1001 }, (_, i) => ({ email: `x${i}@example.com` })),
          },
        }),
    ],
  ] as const)('%s', async (code, ErrorClass, call) => {
    const { rule } = setup();
    const result = await (call(rule) as { safe(): Promise<{ ok: boolean; error?: unknown }> }).safe();
    expect(result.ok).toBe(false);
    expect(result.error).toBeInstanceOf(ErrorClass);
    expect(result.error).toMatchObject({ code });
  });

  it('a wrong key is NotAuthorized', async () => {
    const { rule } = setup({ apiKey: 'another-key' });
    const result = await rule.templates.list().safe();
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBeInstanceOf(AuthenticationError);
    expect(!result.ok && result.error.code).toBe('NotAuthorized');
  });

  it('sync_subscribers with more than 100 subscribers is refused', async () => {
    const { rule } = setup();
    const result = await rule
      .request({
        method: 'POST',
        path: 'subscribers',
        body: {
          tags: ['A'],
          sync_subscribers: true,
          subscribers: Array.from({ length: 101 }, (_, i) => ({ email: `s${i}@example.com` })),
        },
      })
      .safe();
    expect(!result.ok && result.error).toMatchObject({ status: 400, code: 'BadRequest' });
  });
});

describe('the rest of the account', () => {
  it('campaigns: draft, send, schedule (send_at stored, sent when due), statistics, delete', async () => {
    let clock = Date.now();
    const { fake, rule } = setup({ now: () => clock });
    const base = {
      subject: 'Sale',
      message_type: 'email' as const,
      from: { name: 'Shop', email: 'shop@example.com' },
      content: { plain: 'Sale!', html: '<p>Sale!</p>' },
      recipients: {
        tags: [{ identifier: 'Newsletter' }],
        segments: [{ identifier: 'Stockholm', negative: true }],
      },
    };
    const draft = await rule.campaigns.create(base);
    expect(draft).toMatchObject({ status: 'draft', type: 'email' });
    const { campaign_id = Number.NaN } = await rule.campaigns.send(base);
    const sent = fake.state.campaigns.find((c) => c.id === campaign_id)!;
    expect(sent.status).toBe('sent');
    expect(sent.content).toEqual({ plain: 'Sale!', html: '<p>Sale!</p>' });
    const stockholm = fake.state.segments.find((s) => s.name === 'Stockholm')!.subscriber_ids;
    expect(sent.sent_to.length).toBeGreaterThan(0);
    expect(sent.sent_to.some((id) => stockholm.includes(id))).toBe(false);
    expect((await rule.campaigns.statistics(campaign_id)).sent).toBe(sent.sent_to.length);

    const scheduled = await rule.campaigns.schedule({ ...base, send_at: new Date(clock + 3_600_000) });
    const scheduledId = scheduled.campaign_id ?? Number.NaN;
    const later = fake.state.campaigns.find((c) => c.id === scheduledId)!;
    expect(later).toMatchObject({
      status: 'scheduled',
      send_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
    });
    clock += 2 * 3_600_000;
    expect((await rule.campaigns.get(scheduledId)).status).toBe('sent');

    await rule.campaigns.delete(draft.id);
    expect(fake.state.campaigns.some((c) => c.id === draft.id)).toBe(false);
    const all = [];
    for await (const c of rule.campaigns.list({ type: 'email' })) all.push(c);
    expect(all.every((c) => c.type === 'email')).toBe(true);
  });

  it('suppressions (v3 writes, v2 list), block and unblock', async () => {
    const { fake, rule } = setup();
    await rule.suppressions.create([{ email: 'jane@example.com' }], { message_types: ['email'] });
    const jane = fake.state.suppressions.filter((s) => s.subscriber_id === 2);
    expect(jane.map((s) => `${s.dispatcher_type}/${s.message_type}`)).toEqual([
      'campaign/email',
      'transactional/email',
    ]);
    const listed = [];
    for await (const s of rule.suppressions.list()) listed.push(s);
    expect(listed).toHaveLength(fake.state.suppressions.length);
    await rule.suppressions.delete([{ id: 2 }]);
    expect(fake.state.suppressions.some((s) => s.subscriber_id === 2)).toBe(false);

    await rule.subscribers.block([{ email: 'john@example.com' }]);
    expect(fake.state.subscribers[0]!.status).toBe('BLOCKED');
    await rule.subscribers.unblock([{ custom_identifier: 'crm-1' }]);
    expect(fake.state.subscribers[0]!.status).toBe('ACTIVE');
  });

  it('fields, segments, templates, preferences, journeys and sender details', async () => {
    const { rule } = setup();
    await rule.fields.createGroups([{ key: 'Address.Street', type: 'text' }]);
    const group = await rule.fields.get('Address');
    expect(group.fields?.map((f) => f.name)).toEqual(['Street']);
    expect((await rule.segments.list()).data.map((s) => s.name)).toContain('Stockholm');
    expect((await rule.templates.get(1)).blocks).toEqual(['one_column', 'two_columns']);
    const [prefGroup] = await rule.preferences.groups();
    const choices = await rule.preferences.update({ email: 'jane@example.com' }, prefGroup!.id, [
      { preference_id: 2, is_opted_in: false },
    ]);
    expect(choices.map((c) => c.is_opted_in)).toEqual([true, false]);
    expect(await rule.journeys.list({ preference_id: prefGroup!.id })).toHaveLength(1);
    expect((await rule.account.senderDetails()).email).toBe('no-reply@example.com');
  });
});
