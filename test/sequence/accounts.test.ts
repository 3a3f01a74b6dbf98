import { describe, expect, it } from 'vitest';
import {
  BASE,
  describeDocumentedCall,
  expectRefusedUnsent,
  expectRequest,
  useSequenceTest,
} from './sequence-contract.js';
import { sequenceV1 } from './sequence-mock.js';

const { mock, seen, answer, seq } = useSequenceTest();

describe('accounts', () => {
  for (const operationId of ['listAccounts', 'getAccount', 'createIncomeSource', 'deleteAccount']) {
    describeDocumentedCall(mock, seq, operationId);
  }

  it('lists every account without a query when no type is given', async () => {
    answer('listAccounts', { example: 'allTypes' });
    const accounts = await seq.accounts.list();
    expect(seen[0]!.url.href).toBe(`${BASE}/accounts`);
    expect(accounts.map((a) => a.type)).toEqual(['income_source', 'pod', 'external_account']);
  });

  it('keeps the docs’ mixed casing: type lowercase, external_account_type UPPERCASE', async () => {
    answer('getAccount');
    const account = await seq.accounts.get('acc_01HGHI7890');
    expect(account).toMatchObject({ type: 'external_account', external_account_type: 'LIABILITY' });
    expect(account.balance?.balance_in_cents).toBe(245_000);
  });

  it.each(Object.keys(sequenceV1.operation('createIncomeSource').requestExamples))(
    'createIncomeSource sends the documented "%s" body',
    async (name) => {
      answer('createIncomeSource');
      const example = sequenceV1.request('createIncomeSource', name) as { nickname: string; icon?: string };
      await seq.accounts.createIncomeSource({ ...example });
      expectRequest(seen[0], {
        method: 'POST',
        url: '/accounts/income-sources',
        body: example,
        mutating: true,
      });
    },
  );

  it('URL-encodes account ids in the path', async () => {
    answer('getAccount');
    answer('deleteAccount');
    await seq.accounts.get('acc 01?x#y&é');
    await seq.accounts.delete('acc 01?x#y&é');
    expect(seen.map((r) => `${r.method} ${r.url.href}`)).toEqual([
      `GET ${BASE}/accounts/acc%2001%3Fx%23y%26%C3%A9`,
      `DELETE ${BASE}/accounts/acc%2001%3Fx%23y%26%C3%A9`,
    ]);
  });

  it('accepts and ignores a body a server adds to a delete', async () => {
    answer('deleteAccount', { status: 200, body: { request_id: 'req_01HDEL0002', data: null } });
    const { data, requestId } = await seq.accounts.delete('acc_01HGHI7890').withResponse();
    expect(data).toBeUndefined();
    expect(requestId).toBe('req_01HDEL0002');
  });

  it.each([
    ['an empty id', ''],
    ['an id with a slash', 'acc_1/../rules'],
    ['a number', 42],
  ])('getAccount and deleteAccount refuse %s, sending nothing', async (_, id) => {
    await expectRefusedUnsent(mock, 'getAccount', () => seq.accounts.get(id as string), /^accounts\.\w+: id/);
    await expectRefusedUnsent(
      mock,
      'deleteAccount',
      () => seq.accounts.delete(id as string),
      /^accounts\.\w+: id/,
    );
  });

  it.each([
    ['listAccounts', 'an unknown type', () => seq.accounts.list({ type: 'bank' as 'pod' })],
    [
      'createIncomeSource',
      'an income source without a nickname',
      () => seq.accounts.createIncomeSource({} as never),
    ],
    [
      'createIncomeSource',
      'a nickname that is not a string',
      () => seq.accounts.createIncomeSource({ nickname: 7 as unknown as string }),
    ],
  ])('%s refuses %s, sending nothing', async (operationId, _, send) => {
    await expectRefusedUnsent(mock, operationId, send);
  });
});
