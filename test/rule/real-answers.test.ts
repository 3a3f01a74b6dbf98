import { HttpResponse, http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import { recordingLogger as logged } from '../helpers/recording-logger.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { testRuleClient, useRuleMock } from './rule-mock.js';

// Real answers the docs are silent about (issue 16): a write Rule acknowledged in another shape than the docs show
// resolves, with what can be read, and is reported once; a page with nested shapes the docs never show parses; a
// real mismatch in data the SDK's types promise still throws, carrying the parsed body.

const { seen, answer, server } = useRuleMock();
const BASE = 'https://app.rule.io/api/v2';

const campaign = {
  subject: 'Sale',
  from: { name: 'Shop', email: 'shop@example.com' },
  message_type: 'email' as const,
  recipients: { tags: [{ identifier: 'Newsletter' }] },
  content: { html: '<p>Sale</p>', plain: 'Sale' },
};

describe('answers whose nested shapes the docs do not show', () => {
  it('reads a GET /subscribers page whose suppressed entries carry no id', async () => {
    const body = {
      subscribers: [
        {
          id: 1,
          email: 'ada@example.com',
          suppressed: [{ dispatcher: 'campaign', message_type: 'email' }],
        },
        { id: '2', email: 'bob@example.com', suppressed: [] },
      ],
      meta: { next: null },
    };
    server.use(http.get(`${BASE}/subscribers`, () => HttpResponse.json(body)));
    const page = await testRuleClient().subscribers.list();
    expect(page.data).toEqual([
      { id: 1, email: 'ada@example.com', suppressed: [{ dispatcher: 'campaign', message_type: 'email' }] },
      { id: 2, email: 'bob@example.com', suppressed: [] },
    ]);
  });

  it('still refuses data the types promise: a subscriber without an id, with the parsed body on the error', async () => {
    const body = { subscribers: [{ email: 'ada@example.com' }], meta: { next: null } };
    server.use(http.get(`${BASE}/subscribers`, () => HttpResponse.json(body)));
    const error = await testRuleClient()
      .subscribers.list()
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as ResponseValidationError).body).toEqual(body);
    expect((error as Error).message).toContain('subscribers[0].id');
  });
});

describe('acknowledgements of writes that succeeded', () => {
  it('resolves a tag add acknowledged with {"success": true}, and warns once', async () => {
    const log = logged();
    const rule = testRuleClient({ logger: log.logger, logLevel: 'debug' });
    answer('addSubscriberTags', { body: { success: true } });
    await expect(rule.subscribers.tags.add({ email: 'ada@example.com' }, ['VIP'])).resolves.toBeUndefined();
    await expect(rule.subscribers.tags.add({ email: 'ada@example.com' }, ['Gold'])).resolves.toBeUndefined();
    expect(seen).toHaveLength(2);
    expect(log.warnings()).toHaveLength(1);
    expect(log.warnings()[0]![1]).toContain(
      'subscribers.tags.add: the write succeeded, but its answer ({"success":true})',
    );
    // The second is still reported, below the default level.
    expect(
      log.lines.filter(([level, text]) => level === 'debug' && text.includes('{"success":true}')),
    ).toHaveLength(1);
  });

  it('resolves a campaign send answered without campaign_id, with what can be read', async () => {
    const log = logged();
    answer('sendCampaign', { body: { success: true } });
    const result = await testRuleClient({ logger: log.logger }).campaigns.send(campaign);
    expect(result).toEqual({ success: true });
    expect(result.campaign_id).toBeUndefined();
    expect(log.warnings()).toHaveLength(1);
    expect(seen).toHaveLength(1);
  });

  it('keeps the fields that can be read when one is malformed', async () => {
    answer('scheduleCampaign', { body: { success: true, campaign_id: 'not a number' } });
    const result = await testRuleClient({ logLevel: 'off' }).campaigns.schedule({
      ...campaign,
      send_at: new Date(Date.now() + 86_400_000),
    });
    expect(result).toEqual({ success: true });
  });

  it.each([
    ['"message" in lower case', { message: 'success' }, false],
    ['"message" in upper case', { message: 'SUCCESS' }, false],
    ['{"success": true}', { success: true }, true],
    ['a bare true', true, true],
  ])('resolves a delete acknowledged with %s', async (_, body, warns) => {
    const log = logged();
    answer('deleteSubscriber', { body });
    await expect(
      testRuleClient({ logger: log.logger }).subscribers.delete({ email: 'ada@example.com' }),
    ).resolves.toBeUndefined();
    expect(log.warnings()).toHaveLength(warns ? 1 : 0);
  });

  it('resolves a write acknowledged with an empty body', async () => {
    const log = logged();
    server.use(http.delete(`${BASE}/tags/:tag`, () => new HttpResponse(null, { status: 200 })));
    await expect(testRuleClient({ logger: log.logger }).tags.delete('VIP')).resolves.toBeUndefined();
    expect(log.warnings()[0]![1]).toContain('(an empty body)');
  });

  it('resolves a transactional send answered without transaction_id', async () => {
    answer('sendTransaction', { body: { message: 'Queued' } });
    const result = await testRuleClient({ logLevel: 'off' }).transactions.send({
      type: 'text_message',
      from: { name: 'Shop' },
      to: { phone_number: '+46701234567' },
      content: 'Hej',
    });
    expect(result).toEqual({ message: 'Queued' });
    expect(result.transaction_id).toBeUndefined();
  });

  it('counts a createMany call acknowledged with true as done', async () => {
    answer('createSubscribers', { body: true });
    const report = await testRuleClient({ logLevel: 'off' }).subscribers.createMany(
      [{ email: 'ada@example.com' }, { email: 'bob@example.com' }],
      { tags: ['Import'] },
    );
    expect(report).toMatchObject({ total: 2, succeeded: 2, failed: 0 });
    expect(report.calls[0]).toMatchObject({ ok: true, result: {} });
  });

  it('never puts the API key of an echoed body in the warning', async () => {
    const log = logged();
    const rule = testRuleClient({ logger: log.logger, auth: 'query' });
    server.use(
      http.delete(`${BASE}/campaign/:id`, ({ request }) =>
        HttpResponse.json({ echoed: new URL(request.url).searchParams.get('apikey') }),
      ),
    );
    await rule.campaigns.delete(5);
    const warning = log.warnings()[0]![1];
    expect(warning).toContain('"echoed"');
    expect(warning).not.toContain(CANARY_KEY);
  });

  it('still refuses a 2xx that is not JSON at all (a proxy page): nothing says Rule acknowledged the write', async () => {
    server.use(
      http.post(`${BASE}/subscribers/:id/tags`, () =>
        HttpResponse.html('<html><title>Sign in</title></html>', { status: 200 }),
      ),
    );
    const error = await testRuleClient()
      .subscribers.tags.add({ email: 'ada@example.com' }, ['VIP'])
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(ResponseValidationError);
  });
});

describe('writes that return data, answered with an acknowledgement instead', () => {
  const who = { email: 'ada@example.com' };
  const writes: Array<[string, (rule: ReturnType<typeof testRuleClient>) => PromiseLike<unknown>]> = [
    ['createSubscribers', (rule) => rule.subscribers.create({ subscriber: who, tags: ['Newsletter'] })],
    ['updateSubscriber', (rule) => rule.subscribers.update(1, { language: 'sv' })],
    ['updateTag', (rule) => rule.tags.update('VIP', { name: 'Gold' })],
    ['createCampaign', (rule) => rule.campaigns.create(campaign)],
    [
      'updateSubscriberPreferences',
      (rule) => rule.preferences.update(who, 1, [{ preference_id: 1, is_opted_in: true }]),
    ],
  ];
  const cases = writes.flatMap(([operationId, call]) =>
    [{ message: 'Success' }, { success: true }].map((body) => [operationId, body, call] as const),
  );

  it.each(cases)('%s resolves %j with the answer as sent, warning once', async (operationId, body, call) => {
    const log = logged();
    const rule = testRuleClient({ logger: log.logger, logLevel: 'debug', auth: 'query' });
    answer(operationId, { body });
    await expect(call(rule)).resolves.toEqual(body);
    await expect(call(rule)).resolves.toEqual(body);
    expect(seen).toHaveLength(2);
    expect(log.warnings()).toHaveLength(1);
    const warning = log.warnings()[0]![1];
    expect(warning).toContain(`the write succeeded, but its answer (${JSON.stringify(body)})`);
    expect(warning).not.toContain(CANARY_KEY);
    // The second is still reported, below the default level.
    expect(
      log.lines.filter(([level, text]) => level === 'debug' && text.includes('write succeeded')),
    ).toHaveLength(1);
  });

  it('warns once per operation, whatever it was called on, and once for each other operation', async () => {
    const log = logged();
    const rule = testRuleClient({ logger: log.logger });
    answer('updateTag', { body: { success: true } });
    answer('updateSubscriber', { body: { success: true } });
    await rule.tags.update('VIP', { name: 'Gold' });
    await rule.tags.update('Newsletter', { name: 'News' });
    await rule.subscribers.update(1, { language: 'sv' });
    expect(log.warnings().map(([, text]) => text.split(':')[0])).toEqual([
      '[ruleseq] PUT tags/VIP',
      '[ruleseq] PUT subscribers/1',
    ]);
  });

  it('masks the API key an odd answer echoes', async () => {
    const log = logged();
    answer('updateTag', { body: { success: true, echoed: CANARY_KEY } });
    await testRuleClient({ logger: log.logger, auth: 'query' }).tags.update('VIP', { name: 'Gold' });
    expect(log.warnings()[0]![1]).toContain('"echoed"');
    expect(log.warnings()[0]![1]).not.toContain(CANARY_KEY);
  });

  it('still refuses the same answer to a read: a GET changes nothing, so strictness costs nothing', async () => {
    answer('getTag', { body: { success: true } });
    await expect(testRuleClient().tags.get('VIP')).rejects.toBeInstanceOf(ResponseValidationError);
  });

  it('still refuses a 2xx HTML page and a null body to a write that returns data', async () => {
    server.use(http.put(`${BASE}/tags/:tag`, () => HttpResponse.html('<html><title>Sign in</title></html>')));
    const rule = testRuleClient();
    await expect(rule.tags.update('VIP', { name: 'Gold' })).rejects.toBeInstanceOf(ResponseValidationError);
    answer('createCampaign', { body: null });
    await expect(rule.campaigns.create(campaign)).rejects.toBeInstanceOf(ResponseValidationError);
  });
});

describe('the warning goes through the configured logger only', () => {
  it('stays silent with logLevel off', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    answer('clearTag', { body: { success: true } });
    await testRuleClient({ logLevel: 'off' }).tags.clear('VIP');
    expect(warn).not.toHaveBeenCalled();
    warn.mockRestore();
  });
});
