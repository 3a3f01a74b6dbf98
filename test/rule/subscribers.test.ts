import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { isApiError } from '../../src/core/errors/is-api-error.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import {
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
} from '../../src/core/errors/status-errors.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, ruleV3, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer, server } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

describe('subscribers.create', () => {
  it('builds the documented request from the record form of fields, and unwraps the subscriber', async () => {
    answer('createSubscribers');
    const subscriber = await rule.subscribers.create({
      subscriber: {
        email: 'john@example.com',
        phone_number: '+46123456789',
        language: 'sv',
        fields: {
          'Group.FirstName': 'John',
          'Group.Items': ['Item1', 'Item2'],
          'Group.Products': [{ name: 'Product1', price: '100' }],
          // 12:00 in Stockholm on 2016-03-20 (UTC+1).
          'Group.Created': new Date('2016-03-20T11:00:00Z'),
        },
      },
      tags: ['Test Tag'],
      update_on_duplicate: true,
    });

    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url.href).toBe(`${BASE}/subscribers`);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(seen[0]!.body).toEqual(ruleV2.request('createSubscribers', 'create'));
    // The docs send ids as "1"; the SDK hands out numbers.
    expect(subscriber.id).toBe(1);
    expect(subscriber.tags?.[0]?.id).toBe(1);
    expect(subscriber.email).toBe('john@example.com');
  });

  it('keeps the wire array form of fields as given', async () => {
    answer('createSubscribers');
    const fields = [
      { key: 'Group.Created', value: '2016-03-20', type: 'date' as const },
      { key: 'Group.At', value: '2016-03-20 23:59:59', type: 'datetime' as const },
      { key: 'Group.Opens', value: '08:30:00', type: 'time' as const },
    ];
    await rule.subscribers.create({ subscriber: { email: 'a@example.com', fields }, tags: [1] });
    expect((seen[0]!.body as { subscribers: unknown }).subscribers).toEqual({
      email: 'a@example.com',
      fields,
    });
  });

  it.each([
    [
      'neither email nor phone',
      { subscriber: { language: 'sv' }, tags: ['T'] },
      'subscriber: a subscriber needs an email or a phone_number',
    ],
    [
      'a phone number without a country code',
      { subscriber: { phone_number: '0701234567' }, tags: ['T'] },
      'subscriber.phone_number: needs a + and a country code, e.g. "+46701234567" (Rule would read it as a Swedish number)',
    ],
    [
      'a phone number that is only a country code',
      { subscriber: { phone_number: '+46' }, tags: ['T'] },
      'subscriber.phone_number: +46 is only a country code; add the number after it, e.g. "+46701234567"',
    ],
    [
      'an invalid email',
      { subscriber: { email: 'not-an-email' }, tags: ['T'] },
      'subscriber.email: is not an email address',
    ],
    [
      'a language that is not ISO 639-1',
      { subscriber: { email: 'a@example.com', language: 'swe' }, tags: ['T'] },
      'subscriber.language: must be an ISO 639-1 code such as "sv"',
    ],
    ['no tags', { subscriber: { email: 'a@example.com' } }, 'tags is required'],
    [
      'an empty tag list',
      { subscriber: { email: 'a@example.com' }, tags: [] },
      'tags must have at least 1 item',
    ],
    [
      'repeated tags',
      { subscriber: { email: 'a@example.com' }, tags: ['A', 'A'] },
      'tags: must not name a tag twice',
    ],
    [
      'a misspelt option',
      { subscriber: { email: 'a@example.com' }, tags: ['T'], update_on_duplicat: true },
      'update_on_duplicat: unknown option; did you mean update_on_duplicate?',
    ],
    [
      'a camelCase option (from JavaScript)',
      { subscriber: { email: 'a@example.com' }, tags: ['T'], updateOnDuplicate: true },
      'updateOnDuplicate: unknown option; did you mean update_on_duplicate?',
    ],
    [
      'an option only multi-subscriber creates take',
      { subscriber: { email: 'a@example.com' }, tags: ['T'], async: false },
      'async: unknown option (expected update_on_duplicate, automation, sync_subscribers, fields_clear, require_opt_in, tags, subscriber)',
    ],
    [
      'a misspelt subscriber attribute',
      { subscriber: { emial: 'a@example.com', phone_number: '+46701234567' }, tags: ['T'] },
      'subscriber.emial: unknown option; did you mean email?',
    ],
    [
      'a field key without a group',
      { subscriber: { email: 'a@example.com', fields: { NoDot: 'x' } }, tags: ['T'] },
      'subscriber.fields["NoDot"]: field key must be "Group.Field"',
    ],
    [
      "a field key without a group, in Rule's own form",
      { subscriber: { email: 'a@example.com', fields: [{ key: 'NoDot', value: 'x' }] }, tags: ['T'] },
      'subscriber.fields[0].key: field key must be "Group.Field"',
    ],
    [
      'a datetime value in another form than "YYYY-MM-DD HH:MM:SS"',
      {
        subscriber: {
          email: 'a@example.com',
          fields: [{ key: 'Group.Created', value: '2016-03-20T12:00:00Z', type: 'datetime' }],
        },
        tags: ['T'],
      },
      'subscriber.fields[0].value: must be YYYY-MM-DD HH:MM:SS',
    ],
    [
      'a date value that is no calendar day',
      {
        subscriber: {
          email: 'a@example.com',
          fields: [{ key: 'Group.Born', value: '2016-02-30', type: 'date' }],
        },
        tags: ['T'],
      },
      'subscriber.fields[0].value: must be YYYY-MM-DD',
    ],
    [
      'a time value past 23:59:59',
      {
        subscriber: {
          email: 'a@example.com',
          fields: [{ key: 'Group.At', value: '24:00:00', type: 'time' }],
        },
        tags: ['T'],
      },
      'subscriber.fields[0].value: must be HH:MM:SS',
    ],
    [
      'a forbidden character in a key',
      { subscriber: { email: 'a@example.com', fields: { 'Group.Fi@ld': 'x' } }, tags: ['T'] },
      'subscriber.fields["Group.Fi@ld"]: field key must not contain [ ] / \\ | @ ^ ~ or a backtick',
    ],
    [
      'a reserved field name',
      { subscriber: { email: 'a@example.com', fields: { 'Group.email': 'x' } }, tags: ['T'] },
      'subscriber.fields["Group.email"]: field name must not be "email" or "phone_number"',
    ],
    [
      'a group over 65,000 characters (Scandinavian letters count twice)',
      { subscriber: { email: 'a@example.com', fields: { 'G.A': 'å'.repeat(32_501) } }, tags: ['T'] },
      'subscriber.fields: group "G" holds 65002 characters; Rule allows fewer than 65000',
    ],
  ])('refuses %s with RequestValidationError and sends nothing', async (_, params, message) => {
    answer('createSubscribers');
    // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input.
    const error = await rule.subscribers.create(params as any).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(`subscribers.create: ${message}`);
    expect(seen).toHaveLength(0);
  });

  it.each([
    ['409', 'DuplicateSubscriber', ConflictError],
    ['404', 'TagNotFound', NotFoundError],
    ['413', 'RequestEntityTooLarge', PayloadTooLargeError],
    ['401', 'NotAuthorized', AuthenticationError],
  ] as const)('maps the documented %s %s to a typed error', async (status, code, ErrorClass) => {
    answer('createSubscribers', { status: Number(status), example: code });
    const result = await rule.subscribers
      .create({ subscriber: { email: 'a@example.com' }, tags: ['T'] })
      .safe();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ErrorClass);
    expect(result.error.code).toBe(code);
  });

  it('maps the plain-text 429 without crashing, and does not retry beyond the cap', async () => {
    answer('createSubscribers', {
      status: 429,
      text: 'Too Many Attempts.',
      headers: { 'retry-after': '600' },
    });
    const error = await testRuleClient({ maxRetries: 2 })
      .subscribers.create({ subscriber: { email: 'a@example.com' }, tags: ['T'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).code).toBe('TooManyAttempts');
    expect((error as RateLimitError).retryAfter).toBe(600_000);
    expect((error as RateLimitError).body).toBe('Too Many Attempts.');
    expect(seen).toHaveLength(1);
  });
});

describe('subscribers.createMany', () => {
  const people = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `user${i}@example.com` }));

  it('splits 2,500 subscribers into 3 calls of at most 1,000, in order, with progress', async () => {
    answer('createSubscribers', { example: 'multipleAcknowledgement' });
    const progress: number[] = [];
    const report = await rule.subscribers.createMany(people(2500), {
      tags: ['Import'],
      onProgress: (p) => progress.push(p.done),
    });
    expect(seen).toHaveLength(3);
    const sizes = seen.map((r) => (r.body as { subscribers: unknown[] }).subscribers.length).sort();
    expect(sizes).toEqual([1000, 1000, 500]);
    const sent = seen.flatMap((r) =>
      (r.body as { subscribers: Array<{ email: string }> }).subscribers.map((s) => s.email),
    );
    expect(new Set(sent).size).toBe(2500);
    expect(report).toMatchObject({ total: 2500, succeeded: 2500, failed: 0 });
    expect(report.calls.map((c) => c.start)).toEqual([0, 1000, 2000]);
    expect(progress.sort((a, b) => a - b).at(-1)).toBe(2500);
    for (const r of seen) expect((r.body as { tags: string[] }).tags).toEqual(['Import']);
  });

  it('uses calls of 100 with sync_subscribers and of 19 with automation "reset"', async () => {
    answer('createSubscribers', { example: 'multipleAcknowledgement' });
    await rule.subscribers.createMany(people(250), { tags: ['T'], sync_subscribers: true });
    expect(seen.map((r) => (r.body as { subscribers: unknown[] }).subscribers.length).sort()).toEqual([
      100, 100, 50,
    ]);
    seen.length = 0;
    await rule.subscribers.createMany(people(40), { tags: ['T'], automation: 'reset' });
    expect(seen.map((r) => (r.body as { subscribers: unknown[] }).subscribers.length).sort()).toEqual([
      19, 19, 2,
    ]);
  });

  it('reports a failed call with its subscribers and lets the others finish', async () => {
    let calls = 0;
    server.use(
      http.post(`${BASE}/subscribers`, async ({ request }) => {
        const body = (await request.json()) as { subscribers: Array<{ email: string }> };
        calls++;
        if (body.subscribers[0]!.email === 'user1000@example.com') {
          return HttpResponse.json({ error: 'UnexpectedError', message: 'boom' }, { status: 500 });
        }
        return HttpResponse.json({ success: true });
      }),
    );
    const report = await testRuleClient({ maxRetries: 2 }).subscribers.createMany(people(2500), {
      tags: ['T'],
    });
    // A POST that may have been processed is never retried: 3 calls, no duplicates.
    expect(calls).toBe(3);
    expect(report).toMatchObject({ total: 2500, succeeded: 1500, failed: 1000 });
    const failed = report.calls.find((c) => !c.ok)!;
    expect(failed.start).toBe(1000);
    expect(failed.subscribers[0]).toEqual({ email: 'user1000@example.com' });
    expect(!failed.ok && failed.error.code).toBe('UnexpectedError');
  });

  it('validates every subscriber before sending anything', async () => {
    answer('createSubscribers');
    const input = [...people(1700), { email: 'broken' }, ...people(10)];
    const error = await rule.subscribers.createMany(input, { tags: ['T'] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as RequestValidationError).issues[0]?.path).toEqual(['subscribers', 1700, 'email']);
    expect((error as Error).message).toBe(
      'subscribers.createMany: subscribers[1700].email: is not an email address',
    );
    expect(seen).toHaveLength(0);
  });

  it('refuses per-call options every call would refuse before sending any (not as each call failed)', async () => {
    answer('createSubscribers');
    for (const options of [{ idempotencyKey: 'import-1' }, { timeout: -1 }]) {
      const error = await rule.subscribers
        .createMany(people(2500), { tags: ['T'] }, options)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RequestValidationError);
      expect((error as RequestValidationError).issues[0]?.path).toEqual([Object.keys(options)[0]]);
    }
    expect(seen).toHaveLength(0);
  });
});

describe('subscribers.list', () => {
  function threePages(apikeyInLinks: boolean) {
    const key = apikeyInLinks ? `&apikey=${CANARY_KEY}` : '';
    server.use(
      http.get(`${BASE}/subscribers`, ({ request }) => {
        const url = new URL(request.url);
        const page = Number(url.searchParams.get('page') ?? 1);
        seen.push({ method: 'GET', url, headers: request.headers, body: undefined });
        const subscribers = [0, 1].map((i) => ({
          id: String(page * 10 + i),
          email: `p${page}-${i}@example.com`,
        }));
        const next = page < 3 ? `${BASE}/subscribers?page=${page + 1}&limit=2${key}` : null;
        return HttpResponse.json({ subscribers, meta: { next } });
      }),
    );
  }

  it.each(['header', 'query', 'body'] as const)(
    'streams 3 pages via meta.next links that embed apikey, sending the key exactly once per request (auth %s)',
    async (auth) => {
      threePages(true);
      const client = testRuleClient({ auth });
      const emails: string[] = [];
      for await (const s of client.subscribers.list({ limit: 2 })) emails.push(s.email!);
      expect(emails).toHaveLength(6);
      expect(emails[5]).toBe('p3-1@example.com');
      expect(seen).toHaveLength(3);
      for (const request of seen) {
        const inQuery = request.url.searchParams.getAll('apikey');
        const inHeader = request.headers.get('authorization');
        if (auth === 'header') {
          expect(inQuery).toEqual([]);
          expect(inHeader).toBe(`Bearer ${CANARY_KEY}`);
        } else {
          // Body auth falls back to the query on GET, which has no body.
          expect(inQuery).toEqual([CANARY_KEY]);
          expect(inHeader).toBeNull();
        }
      }
    },
  );

  it('gives the first page on await, with ids as numbers', async () => {
    answer('listSubscribers');
    const page = await rule.subscribers.list({ limit: 3 });
    expect(seen[0]!.url.searchParams.get('limit')).toBe('3');
    expect(page.data.map((s) => s.id)).toEqual([1, 2]);
    expect(page.hasNextPage()).toBe(true);
  });

  it('accepts the documented wire variations (null email, boolean suppressed, meta as [])', async () => {
    answer('listSubscribers', { example: 'wireVariations' });
    const page = await rule.subscribers.list();
    expect(page.data[0]!.email).toBeNull();
    expect(page.hasNextPage()).toBe(false);
  });

  it('refuses limit above 100 without sending', async () => {
    answer('listSubscribers');
    await expect(rule.subscribers.list({ limit: 101 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it('starts at a given page, so an export resumes where it stopped, then follows meta.next', async () => {
    threePages(false);
    const resumed: number[] = [];
    for await (const s of rule.subscribers.list({ page: 2, limit: 2 })) resumed.push(s.id);
    expect(seen.map((r) => r.url.search)).toEqual(['?page=2&limit=2', '?page=3&limit=2']);
    expect(resumed).toEqual([20, 21, 30, 31]);
  });

  it.each([0, 1.5, '2'])('refuses page %j without sending', async (page) => {
    answer('listSubscribers');
    await expect(rule.subscribers.list({ page: page as number })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('subscribers.get, fields, update, delete, deleteMany', () => {
  it.each([
    [{ email: 'a+b@example.com' }, 'a%2Bb%40example.com', 'email'],
    [{ id: 42 }, '42', 'id'],
    [{ phone_number: '+46701234567' }, '%2B46701234567', 'phone_number'],
    [{ custom_identifier: 'crm/7' }, 'crm%2F7', 'custom_identifier'],
  ] as const)('gets by %o with a URL-encoded identifier', async (selector, segment, by) => {
    answer('getSubscriber');
    const subscriber = await rule.subscribers.get(selector);
    expect(seen[0]!.url.pathname).toBe(`/api/v2/subscribers/${segment}`);
    expect(seen[0]!.url.searchParams.get('identified_by')).toBe(by);
    expect(typeof subscriber.id).toBe('number');
  });

  it('refuses a selector with two identifiers or none', async () => {
    answer('getSubscriber');
    // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input.
    for (const bad of [{ email: 'a@example.com', id: 1 }, {}] as any[]) {
      await expect(rule.subscribers.get(bad)).rejects.toBeInstanceOf(RequestValidationError);
    }
    expect(seen).toHaveLength(0);
  });

  it('maps the documented 404', async () => {
    answer('getSubscriber', { status: 404 });
    const result = await rule.subscribers.get({ email: 'x@example.com' }).safe();
    expect(!result.ok && isApiError(result.error, 'NotFound') && result.error.status).toBe(404);
  });

  it('reads field groups from the singular /subscriber/{id}/fields', async () => {
    answer('getSubscriberFields');
    const groups = await rule.subscribers.fields({ email: 'john@example.com' });
    expect(seen[0]!.url.pathname).toBe('/api/v2/subscriber/john%40example.com/fields');
    expect(groups.length).toBeGreaterThan(0);
    expect(groups[0]!.fields.length).toBeGreaterThan(0);
  });

  it('updates by numeric id with the documented body', async () => {
    answer('updateSubscriber');
    const updated = await rule.subscribers.update(1, {
      email: 'john@example.com',
      phone_number: '+46123456789',
      language: 'sv',
      tags: ['Newsletter'],
      fields: [{ key: 'Member.FirstName', value: 'John', type: 'text' }],
    });
    expect(seen[0]!.method).toBe('PUT');
    expect(seen[0]!.url.pathname).toBe('/api/v2/subscribers/1');
    expect(seen[0]!.body).toEqual(ruleV2.request('updateSubscriber'));
    expect(updated.id).toBe(1);
  });

  it('refuses a non-numeric id for update', async () => {
    answer('updateSubscriber');
    await expect(rule.subscribers.update(0, { language: 'sv' })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    await expect(rule.subscribers.update(1, { language: 'svenska' })).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });

  it('deletes one subscriber; custom_identifier is not accepted there', async () => {
    answer('deleteSubscriber');
    await expect(rule.subscribers.delete({ phone_number: '+46701234567' })).resolves.toBeUndefined();
    expect(seen[0]!.method).toBe('DELETE');
    expect(seen[0]!.url.search).toBe('?identified_by=phone_number');
    // @ts-expect-error Rule documents no custom_identifier for delete, so the type refuses it too
    const call = rule.subscribers.delete({ custom_identifier: 'x' });
    await expect(call).rejects.toThrow(
      'subscriber.custom_identifier: Rule does not pick a subscriber by custom_identifier for this call',
    );
    expect(seen).toHaveLength(1);
  });

  it('mass-deletes with the documented body, by email or phone only', async () => {
    answer('deleteSubscribers');
    await rule.subscribers.deleteMany([{ email: 'john@example.com' }, { phone_number: '+46123456789' }]);
    expect(seen[0]!.body).toEqual(ruleV2.request('deleteSubscribers'));
    // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input.
    await expect(rule.subscribers.deleteMany([{ id: 1 } as any])).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(1);
  });
});

describe('subscribers.tags', () => {
  it('adds tags with the documented body', async () => {
    answer('addSubscriberTags');
    await rule.subscribers.tags.add({ email: 'john@example.com' }, ['Newsletter'], { automation: 'force' });
    expect(seen[0]!.url.href).toBe(`${BASE}/subscribers/john%40example.com/tags?identified_by=email`);
    expect(seen[0]!.body).toEqual(ruleV2.request('addSubscriberTags'));
  });

  it('lists tags with numeric ids', async () => {
    answer('listSubscriberTags');
    const tags = await rule.subscribers.tags.list({ id: 1 });
    expect(tags.every((t) => typeof t.id === 'number')).toBe(true);
  });

  it('removes by name, by id, and clears', async () => {
    answer('removeSubscriberTag');
    answer('clearSubscriberTags');
    await rule.subscribers.tags.remove({ email: 'a@example.com' }, 'VIP list');
    await rule.subscribers.tags.remove({ email: 'a@example.com' }, 7);
    await rule.subscribers.tags.clear({ email: 'a@example.com' });
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'DELETE /api/v2/subscribers/a%40example.com/tags/VIP%20list',
      'DELETE /api/v2/subscribers/a%40example.com/tags/7',
      'DELETE /api/v2/subscribers/a%40example.com/tags/clear',
    ]);
  });

  it('removes a tag literally named "clear" by its id, never through the clear route', async () => {
    answer('listSubscriberTags', {
      body: {
        tags: [
          { id: 5, name: 'VIP' },
          { id: '9', name: 'clear' },
        ],
      },
    });
    answer('removeSubscriberTag');
    await rule.subscribers.tags.remove({ email: 'a@example.com' }, 'clear');
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      'GET /api/v2/subscribers/a%40example.com/tags',
      'DELETE /api/v2/subscribers/a%40example.com/tags/9',
    ]);
  });

  it('reports TagNotFound when the subscriber has no tag by that name', async () => {
    answer('listSubscriberTags', { body: { tags: [{ id: 5, name: 'VIP' }] } });
    const result = await rule.subscribers.tags.remove({ email: 'a@example.com' }, '2024').safe();
    expect(!result.ok && result.error.code).toBe('TagNotFound');
    expect(seen).toHaveLength(1);
  });
});

describe('subscribers.block / unblock (v3)', () => {
  it.each(['blockSubscribers', 'unblockSubscribers'] as const)(
    '%s posts the selectors to v3',
    async (operationId) => {
      answer(operationId, { status: 204 }, ruleV3);
      const method = operationId === 'blockSubscribers' ? 'block' : 'unblock';
      await rule.subscribers[method]([
        { email: 'a@example.com' },
        { id: 12 },
        { custom_identifier: 'crm-1' },
      ]);
      expect(seen[0]!.url.href).toBe(`https://app.rule.io/api/v3/subscribers/${method}`);
      expect(seen[0]!.body).toEqual({
        subscribers: [{ email: 'a@example.com' }, { id: 12 }, { custom_identifier: 'crm-1' }],
      });
    },
  );

  it('sends more than 1,000 subscribers in sequential requests of at most 1,000', async () => {
    answer('blockSubscribers', { status: 204 }, ruleV3);
    const many = Array.from({ length: 1001 }, (_, i) => ({ id: i + 1 }));
    await rule.subscribers.block(many);
    expect(seen.map((r) => (r.body as { subscribers: unknown[] }).subscribers.length)).toEqual([1000, 1]);
    expect((seen[1]!.body as { subscribers: unknown[] }).subscribers[0]).toEqual({ id: 1001 });
  });

  it('validates every selector before sending, and refuses an empty list', async () => {
    answer('blockSubscribers', { status: 204 }, ruleV3);
    // biome-ignore lint/suspicious/noExplicitAny: deliberately invalid input.
    const bad = [...Array.from({ length: 1500 }, (_, i) => ({ id: i + 1 })), { id: 'x' } as any];
    await expect(rule.subscribers.block(bad)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(rule.subscribers.unblock([])).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
