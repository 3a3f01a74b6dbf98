import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { NotFoundError } from '../../src/core/errors/status-errors.js';
import type { CampaignRequest } from '../../src/rule/input/campaign.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer, server } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

/** The documented "email campaign" example, with the content as the text its base64 encodes. */
const email: CampaignRequest = {
  subject: 'My subject',
  from: { email: 'no-reply@example.com', name: 'Rule' },
  message_type: 'email',
  language: 'sv',
  recipients: {
    tags: [{ identifier: 'My tag' }],
    segments: [{ identifier: 'My segment', negative: true }],
  },
  content: { plain: 'Password reset', html: '<p>Password reset</p>' },
};

/** The documented "text message campaign" example. */
const sms: CampaignRequest = { ...email, message_type: 'text_message', content: 'My content' };

/** The documented "create" example. */
const draft: CampaignRequest = {
  ...email,
  from: { name: 'John Doe', email: 'john@example.com' },
  email_template_id: 1,
  recipients: {
    tags: [{ identifier: 'Newsletter' }],
    segments: [{ identifier: 'Stockholm', negative: true }],
  },
};

/** 12:00 in Stockholm in winter (CET, UTC+1). */
const WINTER = new Date('2030-01-15T11:00:00Z');
/** 12:00 in Stockholm in summer (CEST, UTC+2). */
const SUMMER = new Date('2030-07-15T10:00:00Z');

/** The one request Rule received, after checking its method, full URL and Bearer key. */
function theRequest(method: string, href: string) {
  expect(seen).toHaveLength(1);
  expect(seen[0]!.method).toBe(method);
  expect(seen[0]!.url.href).toBe(href);
  expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  return seen[0]!;
}

const fromBase64 = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

afterEach(() => {
  vi.useRealTimers();
});

describe('campaigns.list — GET /campaigns', () => {
  it('sends every documented filter and parses the documented page', async () => {
    answer('listCampaigns');
    const page = await rule.campaigns.list({
      limit: 3,
      type: 'email',
      created_from: '2024-05-05',
      created_to: '2024-06-05',
      sent_from: '2024-05-05',
      sent_to: '2024-06-05',
    });
    theRequest(
      'GET',
      `${BASE}/campaigns?limit=3&type=1&created_from=2024-05-05&created_to=2024-06-05&sent_from=2024-05-05&sent_to=2024-06-05`,
    );
    expect(page.data).toEqual(
      (ruleV2.response('listCampaigns', '200') as { campaigns: unknown[] }).campaigns,
    );
    expect(page.data.map((c) => c.id)).toEqual([1, 2]);
    expect(page.hasNextPage()).toBe(true);
  });

  it.each([
    ['text_message', '2'],
    ['email', '1'],
    [2, '2'],
    [1, '1'],
  ] as const)('sends type %s as %s', async (type, code) => {
    answer('listCampaigns');
    await rule.campaigns.list({ type });
    expect(seen[0]!.url.searchParams.get('type')).toBe(code);
  });

  it('sends a Date filter as its calendar day in Stockholm', async () => {
    answer('listCampaigns');
    // 22:30 UTC on 4 May is 00:30 on 5 May in Stockholm (CEST); 22:59:59 UTC on 4 Jan is 23:59:59 that day (CET).
    await rule.campaigns.list({
      created_from: new Date('2024-05-04T22:30:00Z'),
      sent_to: new Date('2024-01-04T22:59:59Z'),
    });
    expect(seen[0]!.url.search).toBe('?created_from=2024-05-05&sent_to=2024-01-04');
  });

  it('follows meta.next over pages, dropping the apikey Rule puts in the link', async () => {
    server.use(
      http.get(`${BASE}/campaigns`, ({ request }) => {
        const url = new URL(request.url);
        seen.push({ method: 'GET', url, headers: request.headers, body: undefined });
        if (!url.searchParams.has('page'))
          return HttpResponse.json(ruleV2.response('listCampaigns', '200') as object);
        return HttpResponse.json({
          campaigns: [
            { id: '3', name: 'Third', created_at: '2016-04-05 12:00:00', status: 'sent', type: 'email' },
          ],
          meta: { next: null },
        });
      }),
    );
    const ids: number[] = [];
    for await (const campaign of rule.campaigns.list({ limit: 3 })) ids.push(campaign.id);
    expect(ids).toEqual([1, 2, 3]);
    expect(seen.map((r) => r.url.href)).toEqual([
      `${BASE}/campaigns?limit=3`,
      `${BASE}/campaigns?page=2&limit=3`,
    ]);
    expect(seen.map((r) => r.headers.get('authorization'))).toEqual([
      `Bearer ${CANARY_KEY}`,
      `Bearer ${CANARY_KEY}`,
    ]);
  });

  it.each<[string, Record<string, unknown>]>([
    ['limit above 100', { limit: 101 }],
    ['an unknown type', { type: 3 }],
    ['a type name Rule does not know', { type: 'sms' }],
    ['a day that is not YYYY-MM-DD', { created_from: '05/05/2024' }],
    ['a day that does not exist', { sent_to: '2024-02-30' }],
    ['an invalid Date', { sent_from: new Date('nope') }],
    // Year 10000 in Stockholm: Rule's format cannot hold it (once a throw that zod took for an async check).
    ['a Date past 9999 in Stockholm', { created_from: new Date('9999-12-31T23:00:00Z') }],
    ['an unknown filter', { status: 'sent' }],
  ])('refuses %s without sending', async (_, params) => {
    answer('listCampaigns');
    await expect(rule.campaigns.list(params)).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('campaigns.create — POST /campaigns', () => {
  it('builds the documented body, base64-encoding the content, and returns the bare draft', async () => {
    answer('createCampaign');
    const campaign = await rule.campaigns.create(draft);
    const request = theRequest('POST', `${BASE}/campaigns`);
    expect(request.body).toEqual(ruleV2.request('createCampaign', 'create'));
    expect(campaign).toEqual(ruleV2.response('createCampaign', '200'));
    expect(campaign.status).toBe('draft');
  });

  it('creates a draft without recipients or content (to finish in Rule)', async () => {
    answer('createCampaign');
    await rule.campaigns.create({ subject: 'Later', from: { name: 'Shop' }, message_type: 'text_message' });
    expect(seen[0]!.body).toEqual({ subject: 'Later', from: { name: 'Shop' }, message_type: 'text_message' });
  });

  it('passes template block content through unencoded', async () => {
    answer('createCampaign');
    const content = [{ block_id: 'one_column', block_content: [{ title: 'Hi', body: 'Body' }] }];
    await rule.campaigns.create({ ...draft, content });
    expect((seen[0]!.body as { content: unknown }).content).toEqual(content);
  });

  it('coerces digit-string ids in the response to numbers', async () => {
    const documented = ruleV2.response('createCampaign', '200') as Record<string, unknown>;
    answer('createCampaign', {
      body: {
        ...documented,
        id: '7',
        email_template_id: '1',
        recipients: { tags: [{ id: '1', name: 'Newsletter', negative: false }] },
      },
    });
    const campaign = await rule.campaigns.create(draft);
    expect(campaign.id).toBe(7);
    expect(campaign.email_template_id).toBe(1);
    expect(campaign.recipients?.tags?.[0]?.id).toBe(1);
  });
});

describe('campaigns.get and campaigns.statistics', () => {
  it('gets one campaign with its recipients — GET /campaigns/{id}', async () => {
    answer('getCampaign');
    const campaign = await rule.campaigns.get(1);
    theRequest('GET', `${BASE}/campaigns/1`);
    expect(campaign).toEqual(ruleV2.response('getCampaign', '200'));
    expect(campaign.recipients?.subscribers?.[0]?.id).toBe(1);
  });

  it('gets the statistics — GET /campaigns/{id}/statistics', async () => {
    answer('getCampaignStatistics');
    const stats = await rule.campaigns.statistics(42);
    theRequest('GET', `${BASE}/campaigns/42/statistics`);
    expect(stats).toEqual(ruleV2.response('getCampaignStatistics', '200'));
    expect(stats.open?.unique).toBe(1);
  });

  it('accepts statistics of a draft (sent 0, no sent_at)', async () => {
    answer('getCampaignStatistics', { body: { sent: 0, name: 'Draft' } });
    await expect(rule.campaigns.statistics(1)).resolves.toEqual({ sent: 0, name: 'Draft' });
  });
});

describe('campaigns.send — POST /campaigns/send', () => {
  it.each([
    ['emailCampaign', email],
    ['textMessageCampaign', sms],
  ])('builds the documented %s body and returns the campaign id', async (example, input) => {
    answer('sendCampaign');
    await expect(rule.campaigns.send(input)).resolves.toEqual({ success: true, campaign_id: 1 });
    expect(theRequest('POST', `${BASE}/campaigns/send`).body).toEqual(
      ruleV2.request('sendCampaign', example),
    );
  });

  it('encodes content as UTF-8 base64 that decodes back exactly', async () => {
    answer('sendCampaign', { body: { success: true, campaign_id: '9' } });
    const html = '<p>Hej å ä ö 😀</p>';
    const result = await rule.campaigns.send({ ...email, content: { html, plain: 'Hej å ä ö' } });
    expect(result).toEqual({ success: true, campaign_id: 9 });
    const { content } = seen[0]!.body as { content: { html: string; plain: string } };
    expect(fromBase64(content.html)).toBe(html);
    expect(fromBase64(content.plain)).toBe('Hej å ä ö');
  });
});

describe('campaigns.schedule — POST /campaigns/schedule', () => {
  it.each([
    ['emailCampaign', email],
    ['textMessageCampaign', sms],
  ])('builds the documented %s body', async (example, input) => {
    // The documented send_at (2016-05-20 12:00:00 in Stockholm, CEST) must lie in the future.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2016-01-01T00:00:00Z'));
    answer('scheduleCampaign');
    const result = await rule.campaigns.schedule({ ...input, send_at: new Date('2016-05-20T10:00:00Z') });
    expect(result).toEqual({ success: true, campaign_id: 1 });
    const request = theRequest('POST', `${BASE}/campaigns/schedule`);
    expect(request.body).toEqual(ruleV2.request('scheduleCampaign', example));
  });

  it.each([
    ['winter (CET, UTC+1)', WINTER, '2030-01-15 12:00:00'],
    ['summer (CEST, UTC+2)', SUMMER, '2030-07-15 12:00:00'],
    ['the hour after the spring change', new Date('2030-03-31T01:30:00Z'), '2030-03-31 03:30:00'],
    ['a time after midnight in Stockholm only', new Date('2030-12-31T23:30:00Z'), '2031-01-01 00:30:00'],
  ])('formats send_at in %s as Stockholm wall-clock time', async (_, sendAt, wire) => {
    answer('scheduleCampaign');
    await rule.campaigns.schedule({ ...email, send_at: sendAt });
    expect((seen[0]!.body as { send_at: string }).send_at).toBe(wire);
  });

  it("takes send_at as Rule's own YYYY-MM-DD HH:MM:SS (Stockholm time), sent as given", async () => {
    answer('scheduleCampaign');
    await rule.campaigns.schedule({ ...email, send_at: '2030-01-15 12:00:00' });
    expect((seen[0]!.body as { send_at: string }).send_at).toBe('2030-01-15 12:00:00');
  });

  it.each([
    ['a past date', new Date('2020-01-01T00:00:00Z'), 'send_at: must be in the future'],
    ['a past Rule time', '2020-01-01 00:00:00', 'send_at: must be in the future'],
    [
      'a Rule time on a day the calendar lacks',
      '2030-02-30 12:00:00',
      'send_at: is not a real date and time',
    ],
    ['a Rule time past 23:59:59', '2030-05-20 24:00:00', 'send_at: is not a real date and time'],
    ['an invalid Date', new Date('not a date'), 'send_at must be a Date or a string, not an invalid Date'],
    [
      'a Date past 9999 in Stockholm',
      new Date('9999-12-31T23:00:00Z'),
      'send_at: must be a date in the years 1-9999',
    ],
    [
      'an ISO string instead of Rule time',
      '2030-01-15T12:00:00Z',
      'send_at must match /^\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}$/',
    ],
  ])('refuses %s without sending', async (_, sendAt, message) => {
    answer('scheduleCampaign');
    const error = await rule.campaigns.schedule({ ...email, send_at: sendAt }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(`campaigns.schedule: ${message}`);
    expect(seen).toHaveLength(0);
  });
});

describe('campaigns.delete — DELETE /campaign/{id}', () => {
  it('uses the singular path and resolves to undefined', async () => {
    answer('deleteCampaign');
    await expect(rule.campaigns.delete(5)).resolves.toBeUndefined();
    theRequest('DELETE', `${BASE}/campaign/5`);
  });
});

describe('campaign errors', () => {
  it('keeps the field map of a ValidationError in the error body and message', async () => {
    answer('sendCampaign', { status: 400, example: 'ValidationError' });
    const result = await rule.campaigns.send(email).safe();
    if (result.ok || result.error.code !== 'ValidationError') throw new Error('expected a ValidationError');
    expect(result.error).toMatchObject({ body: { message: { subject: ['Attribute is required'] } } });
    expect(result.error.message).toContain('Attribute is required');
  });

  it('maps a TemplateNotFound on create like on send (create documents no errors)', async () => {
    answer('createCampaign', {
      status: 404,
      body: ruleV2.response('sendCampaign', '404', 'TemplateNotFound'),
    });
    const error = await rule.campaigns.create(draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'TemplateNotFound' });
  });
});

describe('campaign input validation (nothing is sent)', () => {
  it.each<[string, unknown]>([
    ['a missing subject', { ...email, subject: undefined }],
    ['an empty subject', { ...email, subject: '' }],
    ['an unknown message type', { ...email, message_type: 'push' }],
    ['a missing message type', { ...email, message_type: undefined }],
    ['an email campaign without a sender email', { ...email, from: { name: 'Rule' } }],
    ['an invalid sender email', { ...email, from: { name: 'Rule', email: 'no-reply' } }],
    ['an empty sender name', { ...email, from: { name: '', email: 'no-reply@example.com' } }],
    ['no sender', { ...email, from: undefined }],
    ['email content as a string', { ...email, content: 'Hello' }],
    ['email content without html', { ...email, content: { plain: 'Hello' } }],
    ['text message content as an object', { ...sms, content: { plain: 'x', html: 'y' } }],
    ['an empty text message', { ...sms, content: '' }],
    ['a language that is not ISO 639-1', { ...email, language: 'swe' }],
    ['an empty recipient identifier', { ...email, recipients: { tags: [{ identifier: '' }] } }],
    ['a non-positive recipient id', { ...email, recipients: { segments: [{ identifier: 0 }] } }],
    ['a recipient with unknown keys', { ...email, recipients: { tags: [{ name: 'My tag' }] } }],
    ['no recipients', { ...email, recipients: undefined }],
    ['empty recipient lists', { ...email, recipients: { tags: [], segments: [] } }],
    ['an unknown field', { ...email, name: 'My campaign' }],
  ])('send refuses %s', async (_, input) => {
    answer('sendCampaign');
    const error = await rule.campaigns.send(input as CampaignRequest).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['an unknown message_type', 'push', "message_type must be 'email' or 'text_message'"],
    ['a number as message_type', 1, "message_type must be 'email' or 'text_message'"],
    ['no message_type', undefined, "message_type is required ('email' or 'text_message')"],
  ])('names the message types for %s', async (_, messageType, message) => {
    const input = { ...email, message_type: messageType } as unknown as CampaignRequest;
    const error = await rule.campaigns.send(input).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(`campaigns.send: ${message}`);
    expect(seen).toHaveLength(0);
  });

  it('create and schedule validate the same way', async () => {
    answer('createCampaign');
    answer('scheduleCampaign');
    const bad = { ...email, subject: '' };
    await expect(rule.campaigns.create(bad)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(rule.campaigns.schedule({ ...bad, send_at: WINTER })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    await expect(
      rule.campaigns.schedule({ ...email, recipients: {}, send_at: WINTER }),
    ).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it.each([0, -1, 1.5, Number.NaN])('get, statistics and delete refuse the id %s', async (id) => {
    answer('getCampaign');
    answer('getCampaignStatistics');
    answer('deleteCampaign');
    const calls = [
      () => rule.campaigns.get(id),
      () => rule.campaigns.statistics(id),
      () => rule.campaigns.delete(id),
    ];
    for (const call of calls) await expect(call()).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
