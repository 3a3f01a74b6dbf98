import { setupServer } from 'msw/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { sequencePlatformHandlers } from '../../src/testing/msw-handlers.js';
import {
  createSequencePlatformFake,
  type SequencePlatformFakeOptions,
} from '../../src/testing/sequence-platform-fake/index.js';
import { rejectionOf } from '../helpers/rejection.js';
import {
  AMEX,
  AMEX_PAYMENT,
  CHASE,
  DISABLED_RULE,
  EMERGENCY,
  MANUAL_RULE,
  SAVINGS,
} from './platform-mock.js';

// The Platform fake over raw HTTP semantics (Request in, Response out), as the document describes the API.

const BASE = 'https://api.getsequence.io/platform/v1';
// biome-ignore lint/suspicious/noExplicitAny: the tests read arbitrary JSON answers by path.
type Answer = Record<string, any>;

function fakeWith(options: SequencePlatformFakeOptions = {}) {
  let clock = Date.parse('2026-04-20T10:00:00Z');
  const fake = createSequencePlatformFake({ now: () => clock, rateLimit: false, ...options });
  const send = async (
    method: string,
    path: string,
    init: { body?: unknown; key?: string; headers?: Record<string, string> } = {},
  ) => {
    const response = await fake.fetch(
      new Request(`${BASE}${path}`, {
        method,
        headers: { authorization: `Bearer ${init.key ?? fake.apiKey}`, ...init.headers },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      }),
    );
    const text = await response.text();
    let json: Answer | undefined;
    try {
      json = JSON.parse(text);
    } catch {}
    return { status: response.status, headers: response.headers, text, json: json as Answer };
  };
  return { fake, send, tick: (ms: number) => (clock += ms) };
}

const transfer = { sourceAccountId: EMERGENCY, destinationAccountId: SAVINGS, amountInCents: 2_500 };

describe('the Sequence Platform fake', () => {
  it('answers {data, requestId} with an x-request-id, and the documented 401 without a valid Bearer key', async () => {
    const { send } = fakeWith();
    const ok = await send('GET', `/accounts/${AMEX}`);
    expect(ok.status).toBe(200);
    expect(ok.json.requestId).toMatch(/^req-\d+$/);
    expect(ok.headers.get('x-request-id')).toBe(ok.json.requestId);
    expect(ok.json.data).toMatchObject({
      id: AMEX,
      name: 'Amex Gold ••1234',
      externalAccountType: 'LIABILITY',
    });
    const anonymous = await send('GET', '/accounts', { key: 'wrong' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.json).toEqual({ error: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
  });

  it.each([
    ['DELETE', '/accounts'],
    ['PUT', `/rules/${MANUAL_RULE}`],
    ['GET', '/no-such-thing'],
  ])('answers %s %s, a method the path does not have, with a plain-text 404', async (method, path) => {
    const { send } = fakeWith();
    const answer = await send(method, path, method === 'GET' ? {} : { body: {} });
    expect(answer.status).toBe(404);
    expect(answer.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(answer.json).toBeUndefined();
  });

  it('pages with page/pageSize (default 10, at most 100) and hasNextPage', async () => {
    const { send } = fakeWith();
    const first = await send('GET', `/transfers?accountIds[]=${EMERGENCY}&pageSize=7`);
    expect(first.json.data.pagination).toEqual({ page: 1, pageSize: 7, hasNextPage: true });
    const ids: string[] = [];
    for (let page = 1; ; page++) {
      const { json } = await send('GET', `/transfers?accountIds[]=${EMERGENCY}&pageSize=7&page=${page}`);
      ids.push(...json.data.items.map((t: { id: string }) => t.id));
      if (!json.data.pagination.hasNextPage) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThan(20);
    expect((await send('GET', `/transfers?accountIds=${EMERGENCY}`)).json.data.pagination.pageSize).toBe(10);
    expect((await send('GET', `/transfers?accountIds=${EMERGENCY}&pageSize=101`)).json.error.code).toBe(
      'INVALID_PARAMETERS',
    );
    expect((await send('GET', '/transfers')).json.error.code).toBe('INVALID_PARAMETERS');
  });

  it('takes accountIds in bracket notation, repeated, or both', async () => {
    const { send } = fakeWith();
    const count = async (query: string) =>
      (await send('GET', `/transfers?${query}&pageSize=100`)).json.data.items.length;
    const both = await count(`accountIds[]=${CHASE}&accountIds[]=${AMEX}`);
    expect(await count(`accountIds=${CHASE}&accountIds=${AMEX}`)).toBe(both);
    expect(await count(`accountIds[]=${CHASE}&accountIds=${AMEX}`)).toBe(both);
    expect(both).toBeGreaterThan(await count(`accountIds[]=${CHASE}`));
  });

  it('replays a keyed write for 24 hours, then treats the key as new', async () => {
    const { send, fake, tick } = fakeWith();
    const headers = { 'idempotency-key': 'order-1042' };
    const before = fake.state.transfers.length;
    const first = await send('POST', '/transfers', { body: transfer, headers });
    const again = await send('POST', '/transfers', { body: { ...transfer }, headers });
    expect(first.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(fake.state.transfers.length).toBe(before + 1);
    tick(24 * 60 * 60 * 1000 + 1);
    const later = await send('POST', '/transfers', { body: transfer, headers });
    expect(later.json.data.id).not.toBe(first.json.data.id);
    expect(fake.state.transfers.length).toBe(before + 2);
  });

  it('answers 400 IDEMPOTENCY_KEY_MISMATCH to a key reused for another body', async () => {
    const { send } = fakeWith();
    const headers = { 'idempotency-key': 'order-1042' };
    await send('POST', '/transfers', { body: transfer, headers });
    const other = await send('POST', '/transfers', { body: { ...transfer, amountInCents: 9_900 }, headers });
    expect(other.status).toBe(400);
    expect(other.json.error.code).toBe('IDEMPOTENCY_KEY_MISMATCH');
  });

  it.each([
    ['/transfers', transfer, 'TRANSFER_IN_PROGRESS'],
    [`/rules/${MANUAL_RULE}/trigger`, {}, 'RULE_EXECUTION_IN_PROGRESS'],
  ])('answers POST %s with 409 while a request with the same key is in flight', async (path, body, code) => {
    const { send, fake } = fakeWith({ processingMs: 50 });
    const headers = { 'idempotency-key': 'in-flight-1' };
    const first = send('POST', path, { body, headers });
    const during = await send('POST', path, { body, headers });
    expect(during.status).toBe(409);
    expect(during.json.error.code).toBe(code);
    const done = await first;
    expect((await send('POST', path, { body, headers })).text).toBe(done.text);
    expect(fake.state.idempotency.size).toBe(1);
  });

  it('does not find a just-created transfer or execution for a moment', async () => {
    const { send, tick } = fakeWith({ visibleAfterMs: 200 });
    const { json } = await send('POST', '/transfers', { body: transfer });
    expect((await send('GET', `/transfers/${json.data.id}`)).json.error.code).toBe('TRANSFER_NOT_FOUND');
    const trigger = await send('POST', `/rules/${MANUAL_RULE}/trigger`, { body: {} });
    const execution = `/rules/${MANUAL_RULE}/executions/${trigger.json.data.executionId}`;
    expect((await send('GET', execution)).json.error.code).toBe('RULE_EXECUTION_NOT_FOUND');
    tick(200);
    expect((await send('GET', `/transfers/${json.data.id}`)).status).toBe(200);
    expect((await send('GET', execution)).status).toBe(200);
  });

  it('answers the documented 400s and 403s of a trigger and a transfer', async () => {
    const { send } = fakeWith();
    const code = async (path: string, body: unknown) => (await send('POST', path, { body })).json.error.code;
    expect(await code(`/rules/${DISABLED_RULE}/trigger`, {})).toBe('RULE_DEACTIVATED');
    expect(await code(`/rules/${AMEX_PAYMENT}/trigger`, {})).toBe('INVALID_RULE');
    expect(await code('/rules/3f1e2d4c-5b6a-4798-8a9b-0c1d2e3f4a5b/trigger', {})).toBe('RULE_NOT_FOUND');
    expect(await code(`/rules/${MANUAL_RULE}/trigger`, { executeAmount: -1 })).toBe('INVALID_PARAMETERS');
    expect(await code('/transfers', { ...transfer, sourceAccountId: CHASE.replace('c7', 'c8') })).toBe(
      'TRANSFER_SOURCE_NOT_FOUND',
    );
    expect(await code('/transfers', { ...transfer, destinationAccountId: 'gone' })).toBe(
      'TRANSFER_DESTINATION_NOT_FOUND',
    );
    expect(await code('/transfers', { ...transfer, amountInCents: 99 })).toBe('INVALID_PARAMETERS');
    expect(await code('/transfers', { ...transfer, description: 'Rent-May' })).toBe('INVALID_PARAMETERS');
  });

  it('limits each key to its permissions, and lists only what they cover', async () => {
    const { send } = fakeWith({
      keys: [
        {
          key: 'payroll-agent',
          name: 'claude-rule-payroll',
          permissions: [
            { permission: 'READ_ACCOUNTS', resources: [EMERGENCY, SAVINGS] },
            { permission: 'TRIGGER_RULES', resources: [MANUAL_RULE] },
            {
              permission: 'MANUAL_TRANSFER',
              resources: [{ source: EMERGENCY, target: SAVINGS, max_amount: 10_000 }],
            },
          ],
        },
      ],
    });
    const as = (method: string, path: string, body?: unknown) =>
      send(method, path, { key: 'payroll-agent', body });
    const listed = (await as('GET', '/accounts')).json.data.items.map((a: { id: string }) => a.id);
    expect(listed).toEqual([EMERGENCY, SAVINGS]);
    expect((await as('GET', `/accounts/${AMEX}`)).json.error.code).toBe('ACCESS_DENIED');
    expect((await as('GET', '/rules')).json.error.code).toBe('ACCESS_DENIED');
    expect((await as('POST', `/rules/${MANUAL_RULE}/trigger`, {})).status).toBe(202);
    expect((await as('POST', `/rules/${DISABLED_RULE}/trigger`, {})).json.error.code).toBe('ACCESS_DENIED');
    expect((await as('POST', '/transfers', transfer)).status).toBe(201);
    expect((await as('POST', '/transfers', { ...transfer, amountInCents: 10_001 })).json.error).toEqual({
      code: 'MAXIMUM_AMOUNT_EXCEEDED',
      message: 'Transfer amount exceeds the maximum allowed amount of 10000',
    });
    expect(
      (await as('POST', '/transfers', { ...transfer, destinationAccountId: AMEX })).json.error.code,
    ).toBe('ACCESS_DENIED');
    expect((await as('GET', `/transfers?accountIds[]=${EMERGENCY}`)).status).toBe(403);
    expect((await as('GET', '/audit-logs')).status).toBe(403);
  });

  it('keeps 100 requests per minute per key, answering the documented 429 with Retry-After', async () => {
    const keys = ['a', 'b'].map((key) => ({
      key,
      permissions: [{ permission: 'READ_RULES' as const, resources: '*' as const }],
    }));
    const { send, tick } = fakeWith({ keys, rateLimit: { maxRequests: 100, intervalMs: 60_000 } });
    for (let i = 0; i < 100; i++) expect((await send('GET', '/rules', { key: 'a' })).status).toBe(200);
    tick(15_000);
    const limited = await send('GET', '/rules', { key: 'a' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('45');
    expect(limited.json).toEqual({
      error: {
        code: 'RATE_LIMIT_EXCEEDED',
        message: 'Rate limit exceeded. Maximum 100 requests per minute per token.',
      },
    });
    expect((await send('GET', '/rules', { key: 'b' })).status).toBe(200);
    tick(45_000);
    expect((await send('GET', '/rules', { key: 'a' })).status).toBe(200);
  });

  it('records every call in the audit log, newest first, with its key, action and outcome', async () => {
    const { send } = fakeWith();
    await send('GET', `/rules/${MANUAL_RULE}`);
    await send('POST', `/rules/${DISABLED_RULE}/trigger`, { body: {} });
    const { json } = await send('GET', '/audit-logs?pageSize=2');
    expect(json.data.items).toEqual([
      expect.objectContaining({
        action: 'TRIGGER_RULE',
        outcome: 'FAILURE',
        errorCode: 'RULE_DEACTIVATED',
        apiKeyName: 'Sandbox key',
      }),
      expect.objectContaining({
        action: 'GET_RULE',
        outcome: 'SUCCESS',
        errorCode: null,
        path: `/platform/v1/rules/${MANUAL_RULE}`,
      }),
    ]);
    const filtered = await send('GET', '/audit-logs?action=GET_RULE');
    expect(filtered.json.data.items.every((e: { action: string }) => e.action === 'GET_RULE')).toBe(true);
  });

  it('starts over on reset(): a test holding no state sees the seed again', async () => {
    const { send, fake } = fakeWith();
    await send('POST', '/transfers', { body: transfer });
    const seeded = createSequencePlatformFake().state.transfers.length;
    expect(fake.state.transfers.length).toBe(seeded + 1);
    fake.reset();
    expect(fake.state.transfers.length).toBe(seeded);
    expect(createSequencePlatformFake({ seed: false }).state.accounts).toEqual([]);
  });
});

describe('the Platform fake behind msw', () => {
  const fake = createSequencePlatformFake({ rateLimit: false, visibleAfterMs: 0, settleAfterMs: 0 });
  const server = setupServer(...sequencePlatformHandlers(fake));
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterAll(() => server.close());

  it('answers a client on the real base URL through msw', async () => {
    const client = new SequencePlatformClient({ apiKey: fake.apiKey, rateLimit: false });
    const transfer = await client.transfers.create({
      sourceAccountId: EMERGENCY,
      destinationAccountId: SAVINGS,
      amountInCents: 1_000,
    });
    expect(fake.state.transfers.some((t) => t.id === transfer.id)).toBe(true);
    const denied = await rejectionOf(
      new SequencePlatformClient({ apiKey: 'other', rateLimit: false, maxRetries: 0 }).rules.list(),
    );
    expect(denied).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });
});
