import { describe, expect, it } from 'vitest';
import type { ListCardsParams, ListCardTransactionsParams } from '../../src/sequence/index.js';
import {
  BASE,
  describeDocumentedCall,
  describeTimeRange,
  expectRefusedUnsent,
  expectThreePageWalk,
  useSequenceTest,
} from './sequence-contract.js';

const { mock, seen, answer, seq } = useSequenceTest();
const CARD = 'card_01HABC4567';

describe('cards', () => {
  for (const operationId of ['listCards', 'getCard', 'listCardTransactions']) {
    describeDocumentedCall(mock, seq, operationId);
  }

  it('lists a pod’s cards with only the required account_id', async () => {
    answer('listCards', { example: 'physicalAndVirtual' });
    const cards = await seq.cards.list({ account_id: 'acc_01HDEF0123' });
    expect(seen[0]!.url.href).toBe(`${BASE}/cards?account_id=acc_01HDEF0123`);
    expect(cards.map((c) => [c.type, c.status])).toEqual([
      ['physical', 'active'],
      ['virtual', 'frozen'],
    ]);
  });

  it('URL-encodes card ids in both paths', async () => {
    answer('getCard');
    answer('listCardTransactions');
    await seq.cards.get('card 01?x#y');
    await seq.cards.transactions('card 01?x#y');
    expect(seen.map((r) => r.url.href)).toEqual([
      `${BASE}/cards/card%2001%3Fx%23y`,
      `${BASE}/cards/card%2001%3Fx%23y/transactions`,
    ]);
  });

  it.each([
    ['without account_id (Sequence requires it)', {}, /account_id/],
    ['an empty account_id', { account_id: '' }, /account_id/],
    ['an unknown status', { account_id: 'acc_1', status: 'expired' }, /status/],
    ['an unknown type', { account_id: 'acc_1', type: 'metal' }, /type/],
  ])('list refuses a listing %s, sending nothing', async (_, params, message) => {
    await expectRefusedUnsent(mock, 'listCards', () => seq.cards.list(params as ListCardsParams), message);
  });

  it.each([
    ['an empty card id', '', {}, /^cards\.transactions: id: cannot be empty/],
    ['first over 100', CARD, { first: 101 }, /first/],
    ['an unknown direction', CARD, { direction: 'refund' }, /direction/],
  ])('transactions refuses %s, sending nothing', async (_, id, params, message) => {
    const list = () => seq.cards.transactions(id, params as ListCardTransactionsParams);
    await expectRefusedUnsent(mock, 'listCardTransactions', list, message);
  });
});

describe('cards.transactions', () => {
  it('walks three pages with for await, passing each page_info.end_cursor as after', async () => {
    const list = () => seq.cards.transactions(CARD, { direction: 'debit', first: 2 });
    await expectThreePageWalk(mock, 'listCardTransactions', list, { direction: 'debit', first: '2' });
  });

  it('asks for no filters it was not given', async () => {
    answer('listCardTransactions', { example: 'lastPage' });
    const page = await seq.cards.transactions(CARD);
    expect(seen[0]!.url.href).toBe(`${BASE}/cards/${CARD}/transactions`);
    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
  });

  describeTimeRange(mock, 'listCardTransactions', (range) => seq.cards.transactions(CARD, range));
});
