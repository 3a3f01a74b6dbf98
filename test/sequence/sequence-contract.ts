import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import type { APIPromise } from '../../src/core/api-promise.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { Page } from '../../src/core/pagination/page.js';
import type { RequestOptions } from '../../src/core/request-options.js';
import type { SequenceClient } from '../../src/sequence/client.js';
import type { SequenceError } from '../../src/sequence/errors.js';
import type { RuleInput } from '../../src/sequence/resources/rules.js';
import type { SeenRequest } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { sequenceV1, testSequenceClient, useSequenceMock } from './sequence-mock.js';

// What every Sequence resource test shares: the SDK call behind each documented operation, the checks every
// operation must pass (exact request, caller options, documented 2xx examples), and cursor-paging helpers.

export type SequenceMock = ReturnType<typeof useSequenceMock>;

export const BASE = 'https://api.getsequence.io/api/v1';
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** api/sequence.md §2.0: the only operations that take an `Idempotency-Key`. */
export const MUTATING = new Set(
  'createIncomeSource deleteAccount createRule updateRule deleteRule triggerRule createTransfer'.split(' '),
);

/** The mock Sequence server of a test file (requests in `seen`) and a client for it (no retries, no limiter). */
export function useSequenceTest() {
  const mock = useSequenceMock();
  return { mock, ...mock, seq: testSequenceClient() };
}

/** Amounts that are not whole, positive, safe cents; the last is not a number at all. */
export const INVALID_CENTS: [string, unknown][] = [
  ['a fraction (1.5)', 1.5],
  ['a negative amount', -100],
  ['zero', 0],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['-Infinity', Number.NEGATIVE_INFINITY],
  ['an unsafe integer (2 ** 53)', 2 ** 53],
  ['a string', '5000'],
];

/** A documented rule request example as SDK input: the SDK sets `status` itself. */
export function ruleInput(operationId: 'createRule' | 'updateRule', name?: string): RuleInput {
  const { status: _status, ...input } = sequenceV1.request(operationId, name) as RuleInput & {
    status: string;
  };
  return input;
}

/** The request body the SDK must send for a rule example: the example with `status: 'disabled'`. */
export function disabledRuleBody(operationId: 'createRule' | 'updateRule', name?: string): unknown {
  return { ...(sequenceV1.request(operationId, name) as object), status: 'disabled' };
}

export interface DocumentedCall {
  /** The SDK method behind the operation, called with a documented input. */
  send: (seq: SequenceClient, options?: RequestOptions) => APIPromise<unknown, SequenceError>;
  /** Path and query below BASE that must reach the wire. */
  url: string;
  /** The JSON body that must reach the wire (a documented request example), if any. */
  body?: unknown;
}

/** Every operation of spec/sequence-v1.yaml, as the SDK calls it. */
export const DOCUMENTED_CALLS: Record<string, DocumentedCall> = {
  listAccounts: { send: (seq, o) => seq.accounts.list({ type: 'pod' }, o), url: '/accounts?type=pod' },
  getAccount: { send: (seq, o) => seq.accounts.get('acc_01HGHI7890', o), url: '/accounts/acc_01HGHI7890' },
  createIncomeSource: {
    send: (seq, o) => seq.accounts.createIncomeSource({ nickname: 'Freelance Income', icon: 'briefcase' }, o),
    url: '/accounts/income-sources',
    body: sequenceV1.request('createIncomeSource', 'withIcon'),
  },
  deleteAccount: {
    send: (seq, o) => seq.accounts.delete('acc_01HGHI7890', o),
    url: '/accounts/acc_01HGHI7890',
  },
  listRules: {
    send: (seq, o) => seq.rules.list({ source_id: 'acc_01HABC4567' }, o),
    url: '/rules?source_id=acc_01HABC4567',
  },
  getRule: { send: (seq, o) => seq.rules.get('rule_01HXYZ1234', o), url: '/rules/rule_01HXYZ1234' },
  createRule: {
    send: (seq, o) => seq.rules.create(ruleInput('createRule', 'autoSave'), o),
    url: '/rules',
    body: disabledRuleBody('createRule', 'autoSave'),
  },
  updateRule: {
    send: (seq, o) => seq.rules.update('rule_01HXYZ1234', ruleInput('updateRule', 'raisePercentage'), o),
    url: '/rules/rule_01HXYZ1234',
    body: disabledRuleBody('updateRule', 'raisePercentage'),
  },
  deleteRule: { send: (seq, o) => seq.rules.delete('rule_01HXYZ1234', o), url: '/rules/rule_01HXYZ1234' },
  triggerRule: {
    send: (seq, o) => seq.rules.trigger('rule_01HXYZ1234', { manual_execute_amount: 5000 }, o),
    url: '/rules/rule_01HXYZ1234/trigger',
    body: sequenceV1.request('triggerRule', 'manualAmount'),
  },
  listRuleExecutions: {
    send: (seq, o) => seq.ruleExecutions.list({ rule_id: 'rule_01HXYZ1234', first: 2 }, o),
    url: '/rule-executions?rule_id=rule_01HXYZ1234&first=2',
  },
  getRuleExecution: {
    send: (seq, o) => seq.ruleExecutions.get('rex_01HABC4567', o),
    url: '/rule-executions/rex_01HABC4567',
  },
  listTransfers: {
    send: (seq, o) => seq.transfers.list({ account_id: 'acc_01HABC4567', first: 2 }, o),
    url: '/transfers?account_id=acc_01HABC4567&first=2',
  },
  getTransfer: { send: (seq, o) => seq.transfers.get('txr_01HABC1111', o), url: '/transfers/txr_01HABC1111' },
  createTransfer: {
    send: (seq, o) =>
      seq.transfers.create(
        {
          source_account_id: 'acc_01HDEF0123',
          destination_account_id: 'acc_01HGHI7890',
          amount_in_cents: 50_000,
          description: 'AMEX PAY',
        },
        o,
      ),
    url: '/transfers',
    body: sequenceV1.request('createTransfer', 'payAmex'),
  },
  listCards: {
    send: (seq, o) => seq.cards.list({ account_id: 'acc_01HDEF0123', status: 'active', type: 'physical' }, o),
    url: '/cards?account_id=acc_01HDEF0123&status=active&type=physical',
  },
  getCard: { send: (seq, o) => seq.cards.get('card_01HABC4567', o), url: '/cards/card_01HABC4567' },
  listCardTransactions: {
    send: (seq, o) => seq.cards.transactions('card_01HABC4567', { direction: 'debit', first: 2 }, o),
    url: '/cards/card_01HABC4567/transactions?direction=debit&first=2',
  },
};

export interface ExpectedRequest {
  method: string;
  /** Path and query below BASE. */
  url: string;
  body?: unknown;
  mutating: boolean;
}

/** The request on the wire: method, full URL, ApiKey auth, JSON body, and an Idempotency-Key exactly when mutating. */
export function expectRequest(request: SeenRequest | undefined, expected: ExpectedRequest): void {
  expect(request).toBeDefined();
  const { method, url, headers, body } = request!;
  expect(`${method} ${url.href}`).toBe(`${expected.method} ${BASE}${expected.url}`);
  expect(headers.get('authorization')).toBe(`ApiKey ${CANARY_KEY}`);
  expect(body).toEqual(expected.body);
  if (expected.body !== undefined) expect(headers.get('content-type')).toMatch(/^application\/json/);
  if (expected.mutating) expect(headers.get('idempotency-key')).toMatch(UUID_V4);
  else expect(headers.get('idempotency-key')).toBeNull();
}

/** The 2xx examples the spec documents for an operation, as [status, name] pairs. */
function successExamples(operationId: string): [string, string][] {
  return Object.entries(sequenceV1.operation(operationId).responseExamples)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([status, examples]) => Object.keys(examples).map((name): [string, string] => [status, name]));
}

/**
 * The checks every operation passes: the exact request, the caller's `idempotencyKey` and `requestId` sent verbatim,
 * and every documented 2xx example parsed with its `{request_id, data}` envelope unwrapped.
 */
export function describeDocumentedCall(mock: SequenceMock, seq: SequenceClient, operationId: string): void {
  const op = sequenceV1.operation(operationId);
  const call = DOCUMENTED_CALLS[operationId]!;
  const mutating = MUTATING.has(operationId);
  describe(`${operationId} (${op.method} ${op.path})`, () => {
    const key = mutating ? 'a fresh UUID v4 Idempotency-Key per call' : 'no Idempotency-Key';
    it(`sends ${op.method} ${call.url} with ApiKey auth and ${key}`, async () => {
      mock.answer(operationId);
      await call.send(seq);
      await call.send(seq);
      expect(mock.seen).toHaveLength(2);
      for (const request of mock.seen) expectRequest(request, { ...call, method: op.method, mutating });
      if (mutating) {
        const [first, second] = mock.seen.map((r) => r.headers.get('idempotency-key'));
        expect(first).not.toBe(second);
      }
    });

    it(`sends the caller's requestId as X-Request-ID${mutating ? ' and idempotencyKey as Idempotency-Key' : ''}, verbatim`, async () => {
      mock.answer(operationId);
      await call.send(seq, { idempotencyKey: 'order-1042', requestId: 'req_caller-7' });
      expect(mock.seen[0]!.headers.get('x-request-id')).toBe('req_caller-7');
      // Sequence takes an Idempotency-Key only on its seven mutating operations.
      expect(mock.seen[0]!.headers.get('idempotency-key')).toBe(mutating ? 'order-1042' : null);
    });

    const examples = successExamples(operationId);
    if (examples.length === 0) {
      it('resolves to undefined on the documented empty answer, with the request id from X-Request-ID', async () => {
        mock.answer(operationId, { headers: { 'x-request-id': 'req_01HDEL0001' } });
        const { data, body, requestId } = await call.send(seq).withResponse();
        expect(data).toBeUndefined();
        expect(body).toBeUndefined();
        expect(requestId).toBe('req_01HDEL0001');
      });
      return;
    }
    it.each(examples)(
      'parses the documented %s example "%s" and unwraps {request_id, data}',
      async (status, name) => {
        mock.answer(operationId, { status: Number(status), example: name });
        const documented = sequenceV1.response(operationId, status, name) as {
          request_id: string;
          data: unknown;
        };
        const { data, body, requestId } = await call.send(seq).withResponse();
        expect(body).toEqual(documented);
        expect(data instanceof Page ? data.data : data).toEqual(documented.data);
        expect(requestId).toBe(documented.request_id);
      },
    );
  });
}

/** Input the SDK must refuse: RequestValidationError (matching `message`), and nothing reaches the server. */
export async function expectRefusedUnsent(
  mock: SequenceMock,
  operationId: string,
  send: () => PromiseLike<unknown>,
  message?: RegExp,
): Promise<void> {
  // Answer the operation so that a request sent by mistake would be recorded.
  mock.answer(operationId);
  const error = await Promise.resolve()
    .then(send)
    .catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RequestValidationError);
  if (message) expect((error as Error).message).toMatch(message);
  expect(mock.seen).toHaveLength(0);
}

export interface Reply {
  status?: number;
  body: unknown;
}

/** Answers an operation with `replies` in turn (the last one repeated), recording every request in `seen`. */
export function answerInTurn(mock: SequenceMock, operationId: string, replies: Reply[]): void {
  const op = sequenceV1.operation(operationId);
  const url = `${sequenceV1.serverUrl}${op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
  let turn = 0;
  mock.server.use(
    http.get(url, ({ request }) => {
      mock.seen.push({
        method: request.method,
        url: new URL(request.url),
        headers: request.headers,
        body: undefined,
      });
      const reply = replies[Math.min(turn++, replies.length - 1)]!;
      return HttpResponse.json(reply.body as object, { status: reply.status ?? 200 });
    }),
  );
}

interface CursorBody {
  request_id: string;
  data: { id: string }[];
  page_info: { end_cursor: string | null; has_next_page: boolean };
}

/** The documented first and last pages of a cursor listing, with a third page in between. */
export function threePages(operationId: string): CursorBody[] {
  const first = sequenceV1.response(operationId, '200', 'firstPage') as CursorBody;
  const last = sequenceV1.response(operationId, '200', 'lastPage') as CursorBody;
  const middle: CursorBody = {
    request_id: `${first.request_id}_2`,
    data: first.data.map((item) => ({ ...item, id: `${item.id}_2` })),
    page_info: { end_cursor: 'Y3Vyc29yOnBhZ2Uz', has_next_page: true },
  };
  return [first, middle, last];
}

type Listing = () => AsyncIterable<{ id: string }>;

/**
 * Walks three pages with `for await`: every item once, in order, each page asked for with the same filters and
 * `after` = the previous page's `page_info.end_cursor`.
 */
export async function expectThreePageWalk(
  mock: SequenceMock,
  operationId: string,
  list: Listing,
  filters: Record<string, string>,
): Promise<void> {
  const pages = threePages(operationId);
  answerInTurn(
    mock,
    operationId,
    pages.map((body) => ({ body })),
  );
  const ids: string[] = [];
  for await (const item of list()) ids.push(item.id);
  expect(ids).toEqual(pages.flatMap((page) => page.data.map((item) => item.id)));
  expect(mock.seen.map((r) => r.url.searchParams.get('after'))).toEqual([
    null,
    pages[0]!.page_info.end_cursor,
    pages[1]!.page_info.end_cursor,
  ]);
  for (const request of mock.seen) {
    const query = Object.fromEntries([...request.url.searchParams].filter(([name]) => name !== 'after'));
    expect(query).toEqual(filters);
  }
}

type TimeRange = { from?: Date | string; to?: Date | string };

/** `from`/`to` take a Date (sent as toISOString()) or an ISO 8601 string with a zone; zone-less strings are refused. */
export function describeTimeRange(
  mock: SequenceMock,
  operationId: string,
  list: (range: TimeRange) => PromiseLike<unknown>,
): void {
  describe('from / to', () => {
    it('sends a Date as toISOString() and a zoned ISO string verbatim', async () => {
      mock.answer(operationId);
      await list({ from: new Date('2024-04-01T00:00:00Z'), to: '2024-04-30T23:59:59+02:00' });
      await list({ from: '2024-04-01T00:00:00.123Z', to: new Date(Date.UTC(2024, 3, 30, 21, 59, 59, 500)) });
      const sent = mock.seen.map((r) => [r.url.searchParams.get('from'), r.url.searchParams.get('to')]);
      expect(sent).toEqual([
        ['2024-04-01T00:00:00.000Z', '2024-04-30T23:59:59+02:00'],
        ['2024-04-01T00:00:00.123Z', '2024-04-30T21:59:59.500Z'],
      ]);
      // The "+" of the offset is percent-encoded, so no server reads it as a space.
      expect(mock.seen[0]!.url.search).toContain('to=2024-04-30T23%3A59%3A59%2B02%3A00');
    });

    it.each([
      ['a zone-less timestamp', { from: '2024-04-01T00:00:00' }],
      ['a date without a time', { to: '2024-04-30' }],
      ['an invalid Date', { from: new Date('not a date') }],
      ['a number', { to: 1_714_000_000_000 as unknown as string }],
    ])('refuses %s, sending nothing', async (_, range) => {
      await expectRefusedUnsent(mock, operationId, () => list(range), /from|to|timestamp|Date/i);
    });
  });
}
