import { describe, expect, it } from 'vitest';
import {
  deref,
  type Json,
  namedExamples,
  operations,
  parameters,
  responses,
} from '../helpers/spec-document.js';
import { platformV1 } from './platform-mock.js';

// spec/sequence-platform-v1.openapi.json is Sequence's published document with its own slips corrected (README,
// "Sequence"). These checks pin the corrections, so a re-import of the document cannot silently drop them.

const doc = platformV1.doc;
const ops = operations(doc);
const schemas = (doc.components as Json).schemas as Record<string, Json>;
const text = JSON.stringify(doc);

/** Every success example of every operation. */
const successExamples = ops.flatMap(({ op }) =>
  responses(doc, op)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([, response]) =>
      Object.entries(namedExamples(doc, response)).map(([name, e]) => ({ op, name, value: e.value as Json })),
    ),
);

describe('spec/sequence-platform-v1.openapi.json', () => {
  it('holds the 14 operations of the published document, each with its required permission', () => {
    expect(ops.map((o) => `${o.method} ${o.path}`).sort()).toEqual(
      [
        'GET /accounts',
        'GET /accounts/{id}',
        'GET /accounts/{accountId}/transfers',
        'GET /rules',
        'GET /rules/{id}',
        'POST /rules/{id}/trigger',
        'GET /rules/{ruleId}/executions',
        'GET /rules/{ruleId}/executions/{id}',
        'GET /transfers',
        'GET /transfers/{id}',
        'POST /transfers',
        'GET /external-transactions',
        'GET /card-transactions',
        'GET /audit-logs',
      ].sort(),
    );
    for (const { op } of ops) expect(op['x-required-scope'], op.operationId as string).toMatch(/^[A-Z_]+$/);
  });

  it('lists Production first: the client default and the URL the mocks answer on', () => {
    expect(platformV1.serverUrl).toBe('https://api.getsequence.io/platform/v1');
    expect((doc.servers as Json[]).map((s) => s.description)).toEqual([
      'Production',
      'Local',
      'Dev',
      'Staging',
    ]);
  });

  it('shows hasNextPage on every list example (four published ones lacked it)', () => {
    const pages = successExamples.filter((e) => (e.value.data as Json).pagination !== undefined);
    expect(pages).toHaveLength(8);
    for (const { op, value } of pages) {
      expect((value.data as Json).pagination, op.operationId as string).toEqual({
        page: 1,
        pageSize: 10,
        hasNextPage: false,
      });
    }
  });

  it('gives the failed execution its executionMode, as the list example of the same execution has it', () => {
    const failed = platformV1.response('getRuleExecution', '200', 'failed') as Json;
    const listed = (platformV1.response('listRuleExecutions', '200') as { data: { items: Json[] } }).data
      .items;
    const data = failed.data as Json;
    expect(data.executionMode).toBe('SIMULATION');
    expect(listed.find((e) => e.id === data.id)?.executionMode).toBe(data.executionMode);
  });

  it('names the MANUAL_TRANSFER cap max_amount everywhere (createTransfer said maxAmount)', () => {
    expect(text).not.toContain('maxAmount');
    expect(text).not.toContain('params.account_id');
    expect(ops.find((o) => o.op.operationId === 'createTransfer')!.op.description as string).toContain(
      '`max_amount`',
    );
  });

  it('requires only the account fields its examples show', () => {
    expect(schemas.AccountSummary!.required).not.toContain('canBeDestination');
    expect(schemas.AccountSummary!.required).not.toContain('linkedAccount');
    expect(schemas.Balance!.required).not.toEqual(
      expect.arrayContaining(['lastStatementDate', 'interestRatePercentage', 'originalLoanAmountInCents']),
    );
  });

  it("adds TransferErrorCode: exactly the 14 codes Transfer.errorCode's description lists", () => {
    const description = ((schemas.Transfer!.properties as Json).errorCode as Json).description as string;
    const listed = [...description.matchAll(/- `([A-Z_]+)` - /g)].map((m) => m[1]);
    expect(listed).toHaveLength(14);
    expect(schemas.TransferErrorCode!.enum).toEqual(listed);
    expect(((schemas.Transfer!.properties as Json).errorCode as Json).type).toEqual(['string', 'null']);
  });

  it('takes the idempotency-key header on exactly the two POSTs, and x-called-reason everywhere', () => {
    for (const { method, op } of ops) {
      const names = parameters(doc, op).map((p) => p.name);
      expect(names.includes('idempotency-key'), op.operationId as string).toBe(method === 'POST');
      expect(names, op.operationId as string).toContain('x-called-reason');
    }
    const key = deref(doc, (doc.components as Json).parameters).IdempotencyKey as Json;
    expect(key.schema).toMatchObject({ maxLength: 36, pattern: '^[A-Za-z0-9._:/|-]+$' });
  });
});
