import { describe, expect, it } from 'vitest';
import { AbortError } from '../../src/core/errors/abort-error.js';
import { NotFoundError, PermissionDeniedError } from '../../src/core/errors/status-errors.js';
import type { CreateTransferParams, ListTransfersParams } from '../../src/sequence/index.js';
import { TransferNotSettledError } from '../../src/sequence/transfer-not-settled-error.js';
import {
  answerInTurn,
  BASE,
  describeDocumentedCall,
  expectRefusedUnsent,
  expectRequest,
  expectThreePageWalk,
  INVALID_CENTS,
  type Reply,
  useSequenceTest,
} from './sequence-contract.js';
import { sequenceV1 } from './sequence-mock.js';

const { mock, seen, answer, seq } = useSequenceTest();
const TRANSFER = 'txr_01HABC1111';
const minimal = sequenceV1.request('createTransfer', 'minimal') as CreateTransferParams;

/** getTransfer's documented answer (status `complete`), in another status. */
function transferIn(status: string): Reply {
  const documented = sequenceV1.response('getTransfer', '200') as { data: object };
  return { body: { ...documented, data: { ...documented.data, status } } };
}
const notFound: Reply = { status: 404, body: sequenceV1.response('getTransfer', '404') };
const fast = { intervalMs: 5, maxIntervalMs: 10 };

/**
 * Waits on a transfer that stays `processing`, aborting 50 ms in (during the first 1.5 s pause) through the
 * waitUntilSettled `signal` or the RequestOptions one; returns what it rejected with and how long it took.
 */
async function abortDuringPause(via: 'wait' | 'options'): Promise<{ error: unknown; ms: number }> {
  answerInTurn(mock, 'getTransfer', [transferIn('processing')]);
  const controller = new AbortController();
  const { signal } = controller;
  const started = Date.now();
  setTimeout(() => controller.abort(), 50);
  const error = await (via === 'wait'
    ? seq.transfers.waitUntilSettled(TRANSFER, { intervalMs: 1_500, signal })
    : seq.transfers.waitUntilSettled(TRANSFER, { intervalMs: 1_500 }, { signal })
  ).catch((e: unknown) => e);
  return { error, ms: Date.now() - started };
}

describe('transfers', () => {
  for (const operationId of ['listTransfers', 'getTransfer', 'createTransfer']) {
    describeDocumentedCall(mock, seq, operationId);
  }

  it.each(Object.keys(sequenceV1.operation('createTransfer').requestExamples))(
    'create sends the documented "%s" body',
    async (name) => {
      answer('createTransfer');
      const body = sequenceV1.request('createTransfer', name) as CreateTransferParams;
      await seq.transfers.create({ ...body });
      expectRequest(seen[0], { method: 'POST', url: '/transfers', body, mutating: true });
    },
  );

  it('create returns the transfer still processing, or waiting for approval', async () => {
    answer('createTransfer', { example: 'pendingApproval' });
    const transfer = await seq.transfers.create(minimal);
    expect(transfer).toMatchObject({ id: 'txr_01HABC6666', status: 'pending_approval' });
  });

  it.each(INVALID_CENTS)('create refuses amount_in_cents %s, sending nothing', async (_, amount) => {
    const params = { ...minimal, amount_in_cents: amount as number };
    await expectRefusedUnsent(mock, 'createTransfer', () => seq.transfers.create(params), /amount/);
  });

  it.each([
    ['without a source account', { destination_account_id: 'acc_b', amount_in_cents: 100 }],
    ['without a destination account', { source_account_id: 'acc_a', amount_in_cents: 100 }],
    ['without an amount', { source_account_id: 'acc_a', destination_account_id: 'acc_b' }],
    ['with an account id containing a slash', { ...minimal, source_account_id: 'acc_a/../b' }],
    ['with a field Sequence does not document', { ...minimal, memo: 'rent' }],
  ])('create refuses a transfer %s, sending nothing', async (_, params) => {
    await expectRefusedUnsent(mock, 'createTransfer', () =>
      seq.transfers.create(params as CreateTransferParams),
    );
  });

  it('URL-encodes transfer ids in the path', async () => {
    answer('getTransfer');
    await seq.transfers.get('txr 01?x#y');
    expect(seen[0]!.url.href).toBe(`${BASE}/transfers/txr%2001%3Fx%23y`);
  });

  it('reads a transfer to an untracked recipient (destination null)', async () => {
    answer('getTransfer', { example: 'atmWithdrawal' });
    expect(await seq.transfers.get('txr_01HABC7777')).toMatchObject({
      destination: null,
      origin: 'external_pull',
    });
  });
});

describe('transfers.list', () => {
  it('walks three pages with for await, passing each page_info.end_cursor as after', async () => {
    const list = () => seq.transfers.list({ account_id: 'acc_01HABC4567', account_role: 'source', first: 2 });
    await expectThreePageWalk(mock, 'listTransfers', list, {
      account_id: 'acc_01HABC4567',
      account_role: 'source',
      first: '2',
    });
  });

  it('sends every filter under its own name', async () => {
    answer('listTransfers', { example: 'lastPage' });
    const page = await seq.transfers.list({
      account_id: 'acc_01HABC4567',
      account_role: 'either',
      direction: 'money_out',
      origin: 'rule',
      status: 'error',
    });
    expect(seen[0]!.url.search).toBe(
      '?account_id=acc_01HABC4567&account_role=either&direction=money_out&origin=rule&status=error',
    );
    expect(page.data[0]).toMatchObject({ status: 'error', error_code: 'INSUFFICIENT_FUNDS' });
    expect(page.hasNextPage()).toBe(false);
  });

  it.each([
    ['without account_id (Sequence requires it)', {}, /account_id/],
    ['first over 100', { account_id: 'acc_1', first: 101 }, /first/],
    ['an unknown account_role', { account_id: 'acc_1', account_role: 'both' }, /account_role/],
    ['an unknown origin', { account_id: 'acc_1', origin: 'atm' }, /origin/],
  ])('refuses a listing %s, sending nothing', async (_, params, message) => {
    const list = () => seq.transfers.list(params as ListTransfersParams);
    await expectRefusedUnsent(mock, 'listTransfers', list, message);
  });
});

describe('transfers.waitUntilSettled', () => {
  it('polls until a final status: processing, processing, complete', async () => {
    answerInTurn(mock, 'getTransfer', [
      transferIn('processing'),
      transferIn('processing'),
      transferIn('complete'),
    ]);
    const transfer = await seq.transfers.waitUntilSettled(TRANSFER, fast);
    expect(transfer).toMatchObject({ id: TRANSFER, status: 'complete' });
    expect(seen).toHaveLength(3);
    for (const request of seen)
      expectRequest(request, { method: 'GET', url: `/transfers/${TRANSFER}`, mutating: false });
  });

  it.each(['incomplete', 'error', 'cancelled'])('treats %s as final', async (status) => {
    answerInTurn(mock, 'getTransfer', [transferIn('pending'), transferIn(status)]);
    expect((await seq.transfers.waitUntilSettled(TRANSFER, fast)).status).toBe(status);
    expect(seen).toHaveLength(2);
  });

  it('returns at once when the transfer is already settled', async () => {
    answer('getTransfer');
    expect((await seq.transfers.waitUntilSettled(TRANSFER)).status).toBe('complete');
    expect(seen).toHaveLength(1);
  });

  it('treats a 404 right after creation as "not visible yet"', async () => {
    answerInTurn(mock, 'getTransfer', [notFound, notFound, transferIn('processing'), transferIn('complete')]);
    expect((await seq.transfers.waitUntilSettled(TRANSFER, fast)).status).toBe('complete');
    expect(seen).toHaveLength(4);
  });

  it('throws a 404 that comes after the transfer was seen (it is gone, not late)', async () => {
    answerInTurn(mock, 'getTransfer', [transferIn('processing'), notFound]);
    const error = await seq.transfers.waitUntilSettled(TRANSFER, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(seen).toHaveLength(2);
  });

  it('throws any other API error at once', async () => {
    answerInTurn(mock, 'getTransfer', [{ status: 403, body: sequenceV1.response('getTransfer', '403') }]);
    const error = await seq.transfers.waitUntilSettled(TRANSFER, fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect(seen).toHaveLength(1);
  });

  it('gives up after timeoutMs with TransferNotSettledError carrying the last transfer seen', async () => {
    answerInTurn(mock, 'getTransfer', [transferIn('processing')]);
    const error = await seq.transfers
      .waitUntilSettled(TRANSFER, { ...fast, timeoutMs: 60 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferNotSettledError);
    const notSettled = error as TransferNotSettledError;
    expect(notSettled.code).toBe('transfer_not_settled');
    expect(notSettled.transfer).toMatchObject({ id: TRANSFER, status: 'processing' });
    expect(notSettled.message).toContain(TRANSFER);
    expect(notSettled.message).toContain('processing');
    expect(JSON.parse(JSON.stringify(notSettled))).toMatchObject({ transfer: { status: 'processing' } });
    expect(seen.length).toBeGreaterThan(1);
  });

  it('gives up with no transfer when it never became visible', async () => {
    answerInTurn(mock, 'getTransfer', [notFound]);
    const error = await seq.transfers
      .waitUntilSettled(TRANSFER, { ...fast, timeoutMs: 40 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TransferNotSettledError);
    expect((error as TransferNotSettledError).transfer).toBeUndefined();
  });

  it('stops polling when its signal aborts during a pause', async () => {
    const { ms } = await abortDuringPause('wait');
    expect(ms).toBeLessThan(2_000);
    expect(seen).toHaveLength(1);
  });

  it('sends nothing when its signal is already aborted', async () => {
    answer('getTransfer');
    const error = await seq.transfers
      .waitUntilSettled(TRANSFER, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AbortError);
    expect(seen).toHaveLength(0);
  });

  // An abort during the pause between polls is ruleseq's AbortError, as during a poll.
  it('rejects with ruleseq’s AbortError when aborted during a pause', async () => {
    expect((await abortDuringPause('wait')).error).toBeInstanceOf(AbortError);
  });

  // The RequestOptions signal cancels the pause too, not only the next poll.
  it('stops at once when the RequestOptions signal aborts during a pause', async () => {
    expect((await abortDuringPause('options')).ms).toBeLessThan(1_000);
  });
});
