import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { InternalServerError, UnprocessableEntityError } from '../../src/core/errors/status-errors.js';
import type { SubscriberSelector } from '../../src/rule/selectors.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, ruleV3, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer, server } = useRuleMock();
const rule = testRuleClient();
const V2 = 'https://app.rule.io/api/v2';
/** Trailing slash included, as Rule documents the v3 path. */
const V3_SUPPRESSIONS = 'https://app.rule.io/api/v3/suppressions/';

/** The subscribers of the documented v3 example. */
const documented: SubscriberSelector[] = [
  { email: 'john@example.com' },
  { phone_number: '+46123456789' },
  { id: 1 },
];

const people = (n: number): SubscriberSelector[] =>
  Array.from({ length: n }, (_, i) => ({ email: `user${i}@example.com` }));

const batchSizes = () => seen.map((r) => (r.body as { subscribers: unknown[] }).subscribers.length);

describe('suppressions.list — GET /suppressions (v2)', () => {
  it('parses the documented page, ids as numbers', async () => {
    answer('listSuppressions');
    const page = await rule.suppressions.list({ limit: 3 });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url.href).toBe(`${V2}/suppressions?limit=3`);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(page.data).toEqual(
      (ruleV2.response('listSuppressions', '200') as { suppressions: unknown[] }).suppressions,
    );
    expect(page.data[1]).toMatchObject({ id: 2, dispatcher_type: 'transactional', subscriber: { id: 2 } });
    expect(page.hasNextPage()).toBe(true);
  });

  it('streams every page via meta.next, keeping the key out of the URL', async () => {
    server.use(
      http.get(`${V2}/suppressions`, ({ request }) => {
        const url = new URL(request.url);
        seen.push({ method: 'GET', url, headers: request.headers, body: undefined });
        if (!url.searchParams.has('page'))
          return HttpResponse.json(ruleV2.response('listSuppressions', '200') as object);
        return HttpResponse.json({
          suppressions: [{ id: '3', message_type: 'email', subscriber: { id: '3', email: 'c@example.com' } }],
          meta: { next: null },
        });
      }),
    );
    const ids: number[] = [];
    for await (const s of rule.suppressions.list({ limit: 3 })) ids.push(s.id, s.subscriber!.id);
    expect(ids).toEqual([1, 1, 2, 2, 3, 3]);
    expect(seen.map((r) => r.url.href)).toEqual([
      `${V2}/suppressions?limit=3`,
      `${V2}/suppressions?page=2&limit=3`,
    ]);
    expect(seen.every((r) => r.headers.get('authorization') === `Bearer ${CANARY_KEY}`)).toBe(true);
  });

  it('refuses limit above 100 without sending', async () => {
    answer('listSuppressions');
    await expect(rule.suppressions.list({ limit: 101 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe.each([
  ['create', 'POST', 'createSuppressionsV3'],
  ['delete', 'DELETE', 'deleteSuppressionsV3'],
] as const)('suppressions.%s — %s /api/v3/suppressions/', (method, verb, operationId) => {
  it('sends the documented v3 body to the trailing-slash path and resolves to undefined', async () => {
    answer(operationId, {}, ruleV3);
    await expect(
      rule.suppressions[method](documented, { message_types: ['email'] }),
    ).resolves.toBeUndefined();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe(verb);
    expect(seen[0]!.url.href).toBe(V3_SUPPRESSIONS);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(seen[0]!.body).toEqual(ruleV3.request(operationId, 'docs'));
  });

  it('sends ids given as digit strings as numbers', async () => {
    answer(operationId, {}, ruleV3);
    await rule.suppressions[method]([{ id: '42' }]);
    expect(seen[0]!.body).toEqual({ subscribers: [{ id: 42 }] });
  });

  it('splits 2,500 subscribers into requests of 1,000, 1,000 and 500, in order', async () => {
    answer(operationId, {}, ruleV3);
    await rule.suppressions[method](people(2500), { message_types: ['text_message'] });
    expect(batchSizes()).toEqual([1000, 1000, 500]);
    expect(
      seen.map((r) => (r.body as { subscribers: Array<{ email: string }> }).subscribers[0]!.email),
    ).toEqual(['user0@example.com', 'user1000@example.com', 'user2000@example.com']);
    expect(
      seen.every((r) => (r.body as { message_types: string[] }).message_types[0] === 'text_message'),
    ).toBe(true);
  });

  it('stops at the first failed batch and rejects with its error', async () => {
    let calls = 0;
    server.use(
      http[verb === 'POST' ? 'post' : 'delete'](V3_SUPPRESSIONS, async ({ request }) => {
        seen.push({
          method: request.method,
          url: new URL(request.url),
          headers: request.headers,
          body: undefined,
        });
        calls++;
        if (calls === 2) return HttpResponse.json({ message: 'Server Error' }, { status: 500 });
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const error = await rule.suppressions[method](people(2500)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(seen).toHaveLength(2);
  });

  it('exposes the last response through withResponse', async () => {
    answer(operationId, {}, ruleV3);
    const { data, response } = await rule.suppressions[method](people(1001)).withResponse();
    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(batchSizes()).toEqual([1000, 1]);
  });

  it('maps the documented 422 to UnprocessableEntityError and keeps the field errors', async () => {
    answer(operationId, { status: 422 }, ruleV3);
    const error = await rule.suppressions[method](documented).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error).toMatchObject({ status: 422, body: ruleV3.response(operationId, '422') });
  });

  it.each<[string, unknown, unknown]>([
    ['no subscribers', [], {}],
    ['a selector with an empty email', [{ email: '' }], {}],
    ['a selector with two identifiers', [{ email: 'a@example.com', id: 1 }], {}],
    ['a selector with an unknown key', [{ name: 'Ada' }], {}],
    ['a non-numeric id', [{ id: 'abc' }], {}],
    ['an empty message_types list', documented, { message_types: [] }],
    ['an unknown message type', documented, { message_types: ['push'] }],
    ['a callback_url that is not a URL', documented, { callback_url: 'not a url' }],
    ['a callback_url that is not http(s)', documented, { callback_url: 'ftp://example.com/done' }],
    ['an unknown option (v2 suppress_on)', documented, { suppress_on: { campaign: ['email'] } }],
    ['one bad subscriber among 2,000', [...people(1500), { email: '' }, ...people(499)], {}],
  ])('refuses %s without sending', async (_, subscribers, params) => {
    answer(operationId, {}, ruleV3);
    const error = await rule.suppressions[method](subscribers as SubscriberSelector[], params as never).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('suppressions.create — documented "allChannels" example', () => {
  it('omits message_types to suppress every channel, and passes callback_url', async () => {
    answer('createSuppressionsV3', {}, ruleV3);
    await rule.suppressions.create([{ custom_identifier: 'crm-42' }], {
      callback_url: 'https://example.com/rule/callback',
    });
    expect(seen[0]!.body).toEqual(ruleV3.request('createSuppressionsV3', 'allChannels'));
  });
});
