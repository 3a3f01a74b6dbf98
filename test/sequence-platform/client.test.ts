import { HttpResponse, http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import { PaginationError } from '../../src/core/errors/pagination-error.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { BadRequestError, ConflictError, NotFoundError } from '../../src/core/errors/status-errors.js';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { sequencePlatformProfile } from '../../src/sequence-platform/profile.js';
import type { ListTransfersParams } from '../../src/sequence-platform/resources/transfers.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import {
  AUTO_SAVE,
  CHASE,
  EMERGENCY,
  platformV1,
  testPlatformClient,
  usePlatformMock,
} from './platform-mock.js';

const { answer, seen, server } = usePlatformMock();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const transferBody = platformV1.request('createTransfer') as {
  sourceAccountId: string;
  destinationAccountId: string;
  amountInCents: number;
};

afterEach(() => vi.unstubAllEnvs());

describe('SequencePlatformClient', () => {
  it('reads SEQUENCE_API_KEY, sends it as a Bearer token, and calls the production URL', async () => {
    vi.stubEnv('SEQUENCE_API_KEY', CANARY_KEY);
    answer('listAccounts');
    await new SequencePlatformClient({ rateLimit: false }).accounts.list();
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(seen[0]!.url.origin + seen[0]!.url.pathname).toBe(
      'https://api.getsequence.io/platform/v1/accounts',
    );
  });

  it('takes its base URL from SEQUENCE_PLATFORM_BASE_URL when no baseUrl is given', async () => {
    vi.stubEnv('SEQUENCE_PLATFORM_BASE_URL', 'https://sandbox.example.com/platform/v1');
    server.use(
      http.get('https://sandbox.example.com/platform/v1/rules', () =>
        HttpResponse.json(platformV1.response('listRules', '200') as object),
      ),
    );
    const rules = await testPlatformClient().rules.list();
    expect(rules.data).toHaveLength(2);
  });

  it('keeps to 100 requests per minute per key unless told otherwise', () => {
    expect(sequencePlatformProfile.rateLimit).toMatchObject({ maxRequests: 100, intervalMs: 60_000 });
  });

  it('sends calledReason as x-called-reason on every request', async () => {
    answer('listRules');
    answer('triggerRule');
    const client = testPlatformClient({ calledReason: 'n8n incoming funds: split payroll' });
    await client.rules.list();
    await client.rules.trigger(AUTO_SAVE);
    expect(seen.map((r) => r.headers.get('x-called-reason'))).toEqual([
      'n8n incoming funds: split payroll',
      'n8n incoming funds: split payroll',
    ]);
  });

  it.each(['two\nlines', 'résumé', ' padded', ''])(
    'refuses calledReason %j when the client is built',
    (reason) => {
      expect(() => testPlatformClient({ calledReason: reason })).toThrow(ConfigurationError);
    },
  );

  it('unwraps {data, requestId} and keeps the whole body behind withResponse()', async () => {
    answer('getTransfer');
    const documented = platformV1.response('getTransfer', '200', 'internal_rule') as { data: unknown };
    const client = testPlatformClient();
    await expect(client.transfers.get('809e5e0b-bb0b-49b2-867a-8b44d04d9179')).resolves.toEqual(
      documented.data,
    );
    answer('getTransfer');
    const raw = await client.transfers.get('809e5e0b-bb0b-49b2-867a-8b44d04d9179').withResponse();
    expect(raw.body).toEqual(documented);
    expect(raw.requestId).toBe('req-5012');
  });
});

describe('answers the document describes in prose', () => {
  it('reads the plain-text 404 for a method a path does not have (DELETE /accounts) as a NotFoundError', async () => {
    server.use(
      http.delete(`${platformV1.serverUrl}/accounts`, () =>
        HttpResponse.text('Not Found', { status: 404, headers: { 'x-request-id': 'req-gw-9' } }),
      ),
    );
    const error = await rejectionOf(testPlatformClient().request({ method: 'DELETE', path: 'accounts' }));
    expect(error).toBeInstanceOf(NotFoundError);
    expect((error as NotFoundError).message).toBe(
      '404 http_404: Not Found (plain text: Sequence has no such method on this path)',
    );
    expect((error as NotFoundError).body).toBe('Not Found');
    expect((error as NotFoundError).requestId).toBe('req-gw-9');
  });
});

describe('inputs', () => {
  it('sends accountIds in the bracket notation the document asks for, one per id', async () => {
    answer('listTransfers');
    await testPlatformClient().transfers.list({ accountIds: [CHASE, EMERGENCY], status: 'COMPLETE' });
    expect(seen[0]!.url.searchParams.getAll('accountIds[]')).toEqual([CHASE, EMERGENCY]);
    expect(seen[0]!.url.searchParams.get('status')).toBe('COMPLETE');
    expect(seen[0]!.url.searchParams.has('accountIds')).toBe(false);
  });

  it('sends only the parameters given (no defaults), from/to as a Date or any RFC 3339 time', async () => {
    answer('listRuleExecutions');
    await testPlatformClient().rules.executions.list(AUTO_SAVE, {
      from: new Date('2026-04-19T18:19:12.837Z'),
      to: '2026-04-19T18:19:12.837822+00:00',
      executionMode: 'ALL',
    });
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({
      from: '2026-04-19T18:19:12.837Z',
      to: '2026-04-19T18:19:12.837822+00:00',
      executionMode: 'ALL',
    });
  });

  const refused: Array<[string, () => PromiseLike<unknown>, string]> = [
    [
      'a zone-less time',
      () => testPlatformClient().auditLogs.list({ from: '2026-04-19T18:19:12' }),
      'from: must be a Date or an RFC 3339 date-time',
    ],
    [
      'pageSize 101',
      () => testPlatformClient().rules.list({ pageSize: 101 }),
      'pageSize: must be a whole number from 1 to 100',
    ],
    [
      'page 0',
      () => testPlatformClient().accounts.list({ page: 0 }),
      'page: must be a whole number, 1 or more',
    ],
    [
      'a misspelt filter',
      () => testPlatformClient().accounts.list({ sate: 'ALL' } as never),
      'sate: unknown option; did you mean state?',
    ],
    [
      'an undocumented enum value',
      () => testPlatformClient().accounts.list({ type: 'pod' } as never),
      'type',
    ],
    [
      'transfers without accountIds',
      () => testPlatformClient().transfers.list({} as ListTransfersParams),
      'accountIds: must be a list of one or more account ids',
    ],
    [
      'an empty accountIds',
      () => testPlatformClient().externalTransactions.list({ accountIds: [] }),
      'accountIds: must be a list of one or more account ids',
    ],
    [
      'card transactions without accountId',
      () => testPlatformClient().cardTransactions.list({} as never),
      'accountId: must be an account id',
    ],
    [
      'an API v1 id where a UUID belongs',
      () => testPlatformClient().accounts.get('acc_01HABC4567'),
      'account id must be a UUID',
    ],
    [
      'a path id with a slash',
      () => testPlatformClient().transfers.get('../accounts'),
      'transfer id must be a UUID',
    ],
  ];

  it.each(refused)('refuses %s before sending', async (_, call, message) => {
    const error = await rejectionOf(call());
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toContain(message);
    expect(seen).toEqual([]);
  });
});

describe('pages', () => {
  const page = (n: number, ids: string[], hasNextPage: boolean) => ({
    requestId: `req-${n}`,
    data: {
      items: ids.map((id) => ({
        id,
        ruleId: AUTO_SAVE,
        status: 'EXECUTED',
        executionMode: 'LIVE',
        createdAt: '2024-04-23T09:15:00Z',
      })),
      pagination: { page: n, pageSize: 2, hasNextPage },
    },
  });
  const ids = ['4306b3e8-6e77-4c08-ab0b-bb33654af44c', '4fde08bb-8f17-45ec-9d3f-a30c6ffc1351'];
  /** A second page's worth: pages holding only the items of the page before are refused as a loop. */
  const moreIds = ['6d1c2a57-3f0e-4b8a-9c61-2f5e8d7a1b30', '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d'];

  it("iterates page + 1 while hasNextPage is true, with the caller's filters and pageSize", async () => {
    const bodies = [page(1, ids, true), page(2, moreIds, true), page(3, ids.slice(0, 1), false)];
    for (const body of [...bodies].reverse()) answerOnce(body);
    const seenIds: string[] = [];
    const client = testPlatformClient();
    for await (const e of client.rules.executions.list(AUTO_SAVE, { pageSize: 2, status: 'EXECUTED' })) {
      seenIds.push(e.id);
    }
    expect(seenIds).toHaveLength(5);
    expect(seen.map((r) => [r.url.searchParams.get('page'), r.url.searchParams.get('pageSize')])).toEqual([
      [null, '2'],
      ['2', '2'],
      ['3', '2'],
    ]);
    expect(seen.every((r) => r.url.searchParams.get('status') === 'EXECUTED')).toBe(true);
  });

  it('stops at an empty page even when the server claims more', async () => {
    for (const body of [page(1, ids, true), page(2, [], true)].reverse()) answerOnce(body);
    const all = await testPlatformClient().rules.executions.list(AUTO_SAVE).toArray({ max: 100 });
    expect(all).toHaveLength(2);
    expect(seen).toHaveLength(2);
  });

  it('stops with a PaginationError when the server answers page 1 to every page asked for (it would loop forever)', async () => {
    answer('listRuleExecutions', { body: page(1, ids, true) });
    const error = await testPlatformClient()
      .rules.executions.list(AUTO_SAVE)
      .toArray({ max: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({
      code: 'repeated_page',
      message: 'Asked for page 2, the server answered page 1',
    });
    expect(seen).toHaveLength(2);
  });

  it('stops with a PaginationError when the server names each page asked for but answers the same items', async () => {
    let requests = 0;
    server.use(
      http.get(`https://api.getsequence.io/platform/v1/rules/${AUTO_SAVE}/executions`, ({ request }) => {
        requests += 1;
        const asked = Number(new URL(request.url).searchParams.get('page') ?? 1);
        return requests > 100 ? HttpResponse.error() : HttpResponse.json(page(asked, ids, true));
      }),
    );
    const error = await testPlatformClient()
      .rules.executions.list(AUTO_SAVE)
      .toArray({ max: 1_000 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PaginationError);
    expect(error).toMatchObject({ code: 'repeated_page' });
    expect(requests).toBe(2);
  });

  it('awaited, is the first page; the next is fetched while the caller works through it', async () => {
    for (const body of [page(1, ids, true), page(2, ids, false)].reverse()) answerOnce(body);
    const first = await testPlatformClient().rules.executions.list(AUTO_SAVE);
    expect(first.data.map((e) => e.id)).toEqual(ids);
    expect(first.hasNextPage()).toBe(true);
    expect(seen).toHaveLength(1);
    const pages = testPlatformClient().rules.executions.list(AUTO_SAVE).iterPages();
    seen.length = 0;
    for (const body of [page(1, ids, true), page(2, ids, false)].reverse()) answerOnce(body);
    await pages.next();
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    await pages.return(undefined);
  });

  function answerOnce(body: unknown) {
    answer('listRuleExecutions', { body, once: true });
  }
});

describe('the idempotency key', () => {
  it('is made once and sent unchanged when a 409 *_IN_PROGRESS is retried', async () => {
    answer('createTransfer');
    answer('createTransfer', { status: 409, once: true });
    const transfer = await testPlatformClient({ maxRetries: 2 }).transfers.create(transferBody);
    expect(transfer.status).toBe('PROCESSING');
    expect(seen).toHaveLength(2);
    expect(seen[0]!.headers.get('idempotency-key')).toMatch(UUID_V4);
    expect(seen[1]!.headers.get('idempotency-key')).toBe(seen[0]!.headers.get('idempotency-key'));
  });

  it('surfaces a 409 once the retries run out, and never retries IDEMPOTENCY_KEY_MISMATCH', async () => {
    answer('triggerRule', { status: 409 });
    const conflict = await rejectionOf(testPlatformClient({ maxRetries: 1 }).rules.trigger(AUTO_SAVE));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).code).toBe('RULE_EXECUTION_IN_PROGRESS');
    expect(seen).toHaveLength(2);
    seen.length = 0;
    answer('triggerRule', { status: 400, example: 'idempotencyMismatch' });
    const mismatch = await rejectionOf(
      testPlatformClient({ maxRetries: 2 }).rules.trigger(AUTO_SAVE, {}, { idempotencyKey: 'order-1042' }),
    );
    expect(mismatch).toBeInstanceOf(BadRequestError);
    expect((mismatch as BadRequestError).code).toBe('IDEMPOTENCY_KEY_MISMATCH');
    expect(seen).toHaveLength(1);
  });

  it.each(['order:1042/eu|a.b_c-d', 'x', 'a'.repeat(36)])("may be the caller's own: %s", async (key) => {
    answer('createTransfer');
    await testPlatformClient().transfers.create(transferBody, { idempotencyKey: key });
    expect(seen[0]!.headers.get('idempotency-key')).toBe(key);
  });

  it.each(['a'.repeat(37), 'order 1042', 'ordre-nº1', 'a+b', ''])(
    "refuses a caller's key Sequence would not accept (%j) before sending",
    async (key) => {
      const error = await rejectionOf(
        testPlatformClient().rules.trigger(AUTO_SAVE, {}, { idempotencyKey: key }),
      );
      expect(error).toBeInstanceOf(RequestValidationError);
      expect(seen).toEqual([]);
    },
  );
});
