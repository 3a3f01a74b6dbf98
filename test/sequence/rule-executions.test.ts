import { describe, expect, it } from 'vitest';
import type { ListRuleExecutionsParams } from '../../src/sequence/index.js';
import {
  answerInTurn,
  BASE,
  describeDocumentedCall,
  describeTimeRange,
  expectRefusedUnsent,
  expectThreePageWalk,
  threePages,
  useSequenceTest,
} from './sequence-contract.js';
import { sequenceV1 } from './sequence-mock.js';

const { mock, seen, answer, seq } = useSequenceTest();
const RULE = 'rule_01HXYZ1234';

/** A one-item page with the given page_info (or none). */
function page(id: string, pageInfo?: object) {
  const item = { id, rule_id: RULE, status: 'executed', created_at: '2024-04-23T09:15:00Z' };
  return { body: { request_id: `req_${id}`, data: [item], ...(pageInfo ? { page_info: pageInfo } : {}) } };
}

async function idsOf(params: ListRuleExecutionsParams = { rule_id: RULE }): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of seq.ruleExecutions.list(params)) ids.push(execution.id);
  return ids;
}

describe('ruleExecutions', () => {
  describeDocumentedCall(mock, seq, 'listRuleExecutions');
  describeDocumentedCall(mock, seq, 'getRuleExecution');

  it('sends every filter Sequence documents, under its own name', async () => {
    answer('listRuleExecutions');
    await seq.ruleExecutions.list({
      rule_id: RULE,
      status: 'failed',
      trigger_type: 'on_funds_transferred',
      from: '2024-04-01T00:00:00Z',
      to: '2024-04-30T23:59:59Z',
      first: 100,
    });
    expect(Object.fromEntries(seen[0]!.url.searchParams)).toEqual({
      rule_id: RULE,
      status: 'failed',
      trigger_type: 'on_funds_transferred',
      from: '2024-04-01T00:00:00Z',
      to: '2024-04-30T23:59:59Z',
      first: '100',
    });
  });

  it('URL-encodes execution ids in the path', async () => {
    answer('getRuleExecution');
    await seq.ruleExecutions.get('rex 01?x#y');
    expect(seen[0]!.url.href).toBe(`${BASE}/rule-executions/rex%2001%3Fx%23y`);
  });

  it('reads the documented failed and no-step-matched executions', async () => {
    answer('getRuleExecution', { example: 'failed' });
    const failed = await seq.ruleExecutions.get('rex_01HABC3456');
    expect(failed).toMatchObject({
      status: 'failed',
      transfers_failed: 1,
      error_message: expect.any(String),
    });
    answer('getRuleExecution', { example: 'noStepMatched' });
    const idle = await seq.ruleExecutions.get('rex_01HABC2345');
    expect(idle).toMatchObject({ step_index_matched: null, conditions_not_met: true, transfer_ids: [] });
  });
});

describe('ruleExecutions.list paging', () => {
  it('walks three pages with for await, passing each page_info.end_cursor as after', async () => {
    await expectThreePageWalk(
      mock,
      'listRuleExecutions',
      () => seq.ruleExecutions.list({ rule_id: RULE, first: 2 }),
      {
        rule_id: RULE,
        first: '2',
      },
    );
  });

  it('pages by hand with hasNextPage() and getNextPage()', async () => {
    const pages = threePages('listRuleExecutions');
    answerInTurn(
      mock,
      'listRuleExecutions',
      pages.map((body) => ({ body })),
    );
    let current = await seq.ruleExecutions.list({ rule_id: RULE });
    const requestIds = [current.requestId];
    while (current.hasNextPage()) {
      current = await current.getNextPage();
      requestIds.push(current.requestId);
    }
    expect(requestIds).toEqual(pages.map((p) => p.request_id));
    expect(current.data.map((e) => e.id)).toEqual(pages[2]!.data.map((e) => e.id));
    expect(seen.map((r) => r.url.search)).toEqual([
      `?rule_id=${RULE}`,
      `?rule_id=${RULE}&after=${pages[0]!.page_info.end_cursor}`,
      `?rule_id=${RULE}&after=${pages[1]!.page_info.end_cursor}`,
    ]);
  });

  it('stops after the documented last page', async () => {
    answer('listRuleExecutions', { example: 'lastPage' });
    const first = await seq.ruleExecutions.list({ rule_id: RULE });
    expect(first.hasNextPage()).toBe(false);
    expect(await idsOf()).toEqual(['rex_01HABC2345']);
  });

  it.each([
    ['there is no page_info', undefined],
    ['has_next_page is true but end_cursor is null', { end_cursor: null, has_next_page: true }],
    ['has_next_page is false despite a cursor', { end_cursor: 'Y3Vyc29yOjI=', has_next_page: false }],
  ])('is one page when %s', async (_, pageInfo) => {
    answerInTurn(mock, 'listRuleExecutions', [page('rex_1', pageInfo), page('rex_2')]);
    expect(await idsOf()).toEqual(['rex_1']);
    expect(seen).toHaveLength(1);
  });

  it('stops with PaginationError instead of looping when the server hands back the cursor it was given', async () => {
    const same = { end_cursor: 'Y3Vyc29yOjE=', has_next_page: true };
    answerInTurn(mock, 'listRuleExecutions', [page('rex_1', same), page('rex_2', same), page('rex_3')]);
    const ids: string[] = [];
    const iterate = async () => {
      for await (const execution of seq.ruleExecutions.list({ rule_id: RULE })) ids.push(execution.id);
    };
    await expect(iterate()).rejects.toMatchObject({ name: 'PaginationError', code: 'repeated_page' });
    expect(ids).toEqual(['rex_1', 'rex_2']);
    expect(seen).toHaveLength(2);
  });

  // The spec's PageInfo: stop when has_next_page is false or end_cursor is missing, not when has_next_page is absent.
  it('follows an end_cursor when has_next_page is absent, as the spec’s PageInfo says', async () => {
    answerInTurn(mock, 'listRuleExecutions', [page('rex_1', { end_cursor: 'Y3Vyc29yOjE=' }), page('rex_2')]);
    expect(await idsOf()).toEqual(['rex_1', 'rex_2']);
  });
});

describe('ruleExecutions.list input', () => {
  describeTimeRange(mock, 'listRuleExecutions', (range) =>
    seq.ruleExecutions.list({ rule_id: RULE, ...range }),
  );

  it.each([
    ['without rule_id (Sequence requires it)', {}, /rule_id/],
    ['an empty rule_id', { rule_id: '' }, /rule_id/],
    ['first over 100', { rule_id: RULE, first: 101 }, /first/],
    ['first below 1', { rule_id: RULE, first: 0 }, /first/],
    ['a fractional first', { rule_id: RULE, first: 2.5 }, /first/],
    ['an unknown status', { rule_id: RULE, status: 'done' }, /status/],
    ['an unknown trigger_type', { rule_id: RULE, trigger_type: 'MANUAL' }, /trigger_type/],
    ['a parameter Sequence does not document', { rule_id: RULE, limit: 5 }, undefined],
  ])('refuses a listing %s, sending nothing', async (_, params, message) => {
    const list = () => seq.ruleExecutions.list(params as ListRuleExecutionsParams);
    await expectRefusedUnsent(mock, 'listRuleExecutions', list, message);
    // The same refusal when iterating, before any request.
    const iterated = await idsOf(params as ListRuleExecutionsParams).catch((e: unknown) => e);
    expect(iterated).toBeInstanceOf(Error);
    expect(seen).toHaveLength(0);
  });

  it('passes the documented first page through unchanged (items keep unknown fields)', async () => {
    const documented = sequenceV1.response('listRuleExecutions', '200', 'firstPage') as { data: object[] };
    answer('listRuleExecutions', {
      body: { ...documented, data: documented.data.map((e) => ({ ...e, execution_mode: 'LIVE', extra: 1 })) },
    });
    const first = await seq.ruleExecutions.list({ rule_id: RULE });
    expect(first.data[0]).toMatchObject({ execution_mode: 'LIVE', extra: 1 });
  });
});
