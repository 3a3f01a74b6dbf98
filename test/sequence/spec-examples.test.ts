import { describe, expect, it } from 'vitest';
import * as sequenceZod from '../../src/sequence/generated/v1/zod.gen.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { expectAnswerExamplesPass, expectRequestExamplesPass } from '../helpers/round-trip.js';
import {
  deref,
  examplesOf,
  type Json,
  loadSpec,
  namedExamples,
  operations,
  parameters,
  responses,
} from '../helpers/spec-document.js';

// Structural completeness of spec/sequence-v1.yaml against api/sequence.md §1.1/§2 (the "Cartesio" API v1) and
// the deleteRule seed: every operation, its availability and scope, the idempotency and request-id headers, the
// documented error codes, and examples everywhere. Whether the examples validate is checked against the generated
// zod schemas elsewhere.

const doc = loadSpec('sequence-v1.yaml');

const param = (op: Json, location: string, name: string) =>
  parameters(doc, op).find((p) => p.in === location && p.name === name);

/** Normalises `{id}` names so the table's placeholder names need not match the spec's. */
const shape = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`;

const ops = operations(doc);
const byId = new Map(ops.map((o) => [o.op.operationId as string, o]));
const op = (id: string) => byId.get(id)!.op;

type Availability = 'live' | 'coming-soon' | 'unconfirmed';

/** api/sequence.md §1.1: operationId, method, path (below the /api/v1 base), availability, scope. */
const TABLE: [string, string, string, Availability, string | undefined][] = [
  ['listAccounts', 'GET', '/accounts', 'live', 'LIST_ACCOUNTS'],
  ['getAccount', 'GET', '/accounts/{id}', 'live', 'READ_ACCOUNTS'],
  ['createIncomeSource', 'POST', '/accounts/income-sources', 'coming-soon', undefined],
  ['deleteAccount', 'DELETE', '/accounts/{id}', 'coming-soon', undefined],
  ['listRules', 'GET', '/rules', 'live', 'LIST_RULES'],
  ['getRule', 'GET', '/rules/{id}', 'live', 'READ_RULES'],
  ['createRule', 'POST', '/rules', 'coming-soon', undefined],
  ['updateRule', 'PUT', '/rules/{id}', 'coming-soon', undefined],
  ['deleteRule', 'DELETE', '/rules/{id}', 'unconfirmed', undefined],
  ['triggerRule', 'POST', '/rules/{id}/trigger', 'live', 'TRIGGER_RULES'],
  ['listRuleExecutions', 'GET', '/rule-executions', 'live', 'READ_RULE_EXECUTIONS'],
  ['getRuleExecution', 'GET', '/rule-executions/{id}', 'live', 'READ_RULE_EXECUTIONS'],
  ['listTransfers', 'GET', '/transfers', 'live', 'READ_TRANSFERS'],
  ['getTransfer', 'GET', '/transfers/{id}', 'unconfirmed', 'READ_TRANSFERS'],
  ['createTransfer', 'POST', '/transfers', 'live', 'MANUAL_TRANSFER'],
  ['listCards', 'GET', '/cards', 'coming-soon', 'READ_CARDS'],
  ['getCard', 'GET', '/cards/{id}', 'coming-soon', 'READ_CARDS'],
  ['listCardTransactions', 'GET', '/cards/{id}/transactions', 'coming-soon', 'READ_CARDS'],
];

/** §2.0: the only operations that take `Idempotency-Key`. */
const MUTATING = [
  'createIncomeSource',
  'deleteAccount',
  'createRule',
  'updateRule',
  'deleteRule',
  'triggerRule',
  'createTransfer',
];

/** Scopes the docs do not state and the table infers (§2.1, §2.5). */
const INFERRED_SCOPES = ['listAccounts', 'listRules'];

const CURSOR_LISTS = ['listRuleExecutions', 'listCardTransactions', 'listTransfers'];

/** Documented (§7.2, seed) and inferred lowercase error codes, by status. */
const ERROR_CODES: Record<string, string[]> = {
  '400': ['invalid_parameters', 'idempotency_key_mismatch'],
  '401': ['unauthorized'],
  '403': ['forbidden'],
  '404': ['resource_not_found'],
  '409': ['idempotency_in_progress'],
  '429': ['rate_limit_exceeded'],
};

/** The error bodies the docs and the seed show, verbatim. */
const DOCUMENTED_ERRORS = [
  { error: { code: 'unauthorized', message: 'Missing or invalid API key.' } },
  { error: { code: 'forbidden', message: 'This API key does not have the required permission.' } },
  { error: { code: 'resource_not_found', message: "Rule with id 'rule_123' was not found." } },
];

const errorCode = (value: unknown) => ((value as Json | undefined)?.error as Json | undefined)?.code;

describe('spec/sequence-v1.yaml', () => {
  it('is OpenAPI 3.1 against the Cartesio v1 base URL with `Authorization: ApiKey <key>`', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: 'https://api.getsequence.io/api/v1' }]);
    const schemes = (doc.components as Json).securitySchemes as Record<string, Json>;
    expect(schemes.ApiKeyAuth).toMatchObject({ type: 'apiKey', in: 'header', name: 'Authorization' });
    expect(doc.security).toEqual([{ ApiKeyAuth: [] }]);
  });

  it('has exactly the 18 operations of §1.1, each at its documented method and path', () => {
    expect([...byId.keys()].sort()).toEqual(TABLE.map(([id]) => id).sort());
    for (const [id, method, path] of TABLE) {
      const found = byId.get(id);
      expect(found, id).toBeDefined();
      expect(shape(found!.method, found!.path), id).toBe(shape(method, path));
    }
  });

  it('has unique operationIds across operations and webhooks', () => {
    const ids = [...ops, ...operations(doc, 'webhooks')].map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks every operation live, coming-soon or unconfirmed as §1.1 does, and says so in the description', () => {
    for (const [id, , , availability] of TABLE) {
      expect(op(id)['x-availability'], id).toBe(availability);
      const description = op(id).description as string;
      if (availability === 'coming-soon') expect(description, id).toMatch(/Coming Soon/);
      if (availability === 'unconfirmed') expect(description, id).toMatch(/UNCONFIRMED/);
    }
  });

  it('names the scope table entry of each operation, flags the inferred ones and omits unstated ones', () => {
    for (const [id, , , , scope] of TABLE) {
      expect(op(id)['x-required-scope'], id).toBe(scope);
      const inferred = INFERRED_SCOPES.includes(id);
      expect(op(id)['x-required-scope-inferred'] === true, id).toBe(inferred);
      if (inferred) expect(op(id).description as string, id).toMatch(/INFERRED/);
    }
  });

  it('takes an optional X-Request-ID on every operation', () => {
    for (const { op: o } of ops) {
      const header = param(o, 'header', 'X-Request-ID');
      expect(header, o.operationId as string).toBeDefined();
      expect(header!.required ?? false, o.operationId as string).toBe(false);
    }
  });

  it('takes an optional Idempotency-Key exactly on the seven mutating operations', () => {
    const keyed = ops
      .filter(({ op: o }) => param(o, 'header', 'Idempotency-Key'))
      .map((o) => o.op.operationId);
    expect(keyed.sort()).toEqual([...MUTATING].sort());
    for (const id of MUTATING)
      expect(param(op(id), 'header', 'Idempotency-Key')!.required ?? false).toBe(false);
  });

  it('documents the query parameters of §2 with their required flags, enums and limits', () => {
    expect(param(op('listAccounts'), 'query', 'type')!.schema).toMatchObject({
      enum: ['income_source', 'pod', 'external_account'],
    });
    expect(param(op('listRules'), 'query', 'source_id')).toBeDefined();

    const executions = op('listRuleExecutions');
    expect(param(executions, 'query', 'rule_id')!.required).toBe(true);
    expect(param(executions, 'query', 'status')!.schema).toMatchObject({
      enum: ['in_progress', 'executed', 'partial', 'failed'],
    });
    expect(param(executions, 'query', 'trigger_type')!.schema).toMatchObject({
      enum: ['manual', 'scheduled', 'on_funds_transferred'],
    });

    const transfers = op('listTransfers');
    expect(param(transfers, 'query', 'account_id')!.required).toBe(true);
    expect(param(transfers, 'query', 'account_role')!.schema).toMatchObject({
      enum: ['source', 'destination', 'either'],
      default: 'either',
    });
    expect(param(transfers, 'query', 'direction')!.schema).toMatchObject({
      enum: ['money_in', 'money_out', 'internal'],
    });
    expect(param(transfers, 'query', 'origin')!.schema).toMatchObject({
      enum: ['paycheck', 'check_deposit', 'cashback', 'user_pull', 'rule', 'user', 'external_pull'],
    });
    expect(param(transfers, 'query', 'status')).toBeDefined();
    for (const name of ['first', 'after']) expect(param(transfers, 'query', name)!['x-inferred']).toBe(true);

    const cards = op('listCards');
    expect(param(cards, 'query', 'account_id')!.required).toBe(true);
    expect(param(cards, 'query', 'status')!.schema).toMatchObject({
      enum: ['active', 'inactive', 'frozen', 'stolen', 'lost'],
    });
    expect(param(cards, 'query', 'type')!.schema).toMatchObject({ enum: ['virtual', 'physical'] });

    const cardTransactions = op('listCardTransactions');
    expect(param(cardTransactions, 'query', 'direction')!.schema).toMatchObject({
      enum: ['debit', 'credit'],
    });

    for (const id of CURSOR_LISTS) {
      expect(param(op(id), 'query', 'first')!.schema, id).toMatchObject({
        type: 'integer',
        maximum: 100,
        default: 20,
      });
      expect(param(op(id), 'query', 'after'), id).toBeDefined();
    }
    for (const id of ['listRuleExecutions', 'listCardTransactions'])
      for (const name of ['from', 'to']) expect(param(op(id), 'query', name), `${id} ${name}`).toBeDefined();
  });

  it('has a 2xx response example for every operation, and no body on the 204 deletes', () => {
    for (const { op: o } of ops) {
      const ok = responses(doc, o).filter(([code]) => code.startsWith('2'));
      expect(ok.length, o.operationId as string).toBe(1);
      const [code, response] = ok[0]!;
      if (code === '204') {
        expect(['deleteAccount', 'deleteRule']).toContain(o.operationId);
        expect(response.content, o.operationId as string).toBeUndefined();
      } else {
        expect(examplesOf(doc, response).length, o.operationId as string).toBeGreaterThan(0);
      }
    }
  });

  it('wraps every success example in the {request_id, data} envelope', () => {
    for (const { op: o } of ops) {
      for (const [code, r] of responses(doc, o)) {
        if (!code.startsWith('2')) continue;
        for (const value of examplesOf(doc, r)) {
          expect(value, o.operationId as string).toMatchObject({
            request_id: expect.stringMatching(/^req_/),
          });
          expect((value as Json).data, o.operationId as string).toBeDefined();
        }
      }
    }
  });

  it('has a request example for every operation with a body', () => {
    const withBody = ops.filter((o) => o.op.requestBody).map((o) => o.op.operationId);
    expect(withBody.sort()).toEqual(
      ['createIncomeSource', 'createRule', 'updateRule', 'triggerRule', 'createTransfer'].sort(),
    );
    for (const { op: o } of ops.filter((x) => x.op.requestBody))
      expect(examplesOf(doc, o.requestBody).length, o.operationId as string).toBeGreaterThan(0);
  });

  it('labels every example as captured from the docs or modelled', () => {
    const holders = ops.flatMap(({ op: o }) => [o.requestBody, ...responses(doc, o).map(([, r]) => r)]);
    for (const hook of operations(doc, 'webhooks')) holders.push(hook.op.requestBody);
    for (const holder of holders.filter(Boolean)) {
      for (const example of Object.values(namedExamples(doc, holder))) {
        expect(example.summary).toMatch(/^(Cartesio docs .*example|modelled on Platform v1, not captured)$/);
      }
    }
  });

  it('answers 401, 403, 429 and 500 everywhere, 404 where a path id exists, 400 and 409 on mutating operations', () => {
    for (const { path, op: o } of ops) {
      const id = o.operationId as string;
      const codes = new Set(responses(doc, o).map(([code]) => code));
      for (const code of ['401', '403', '429', '500']) expect(codes.has(code), `${id} ${code}`).toBe(true);
      expect(codes.has('404'), `${id} 404`).toBe(path.includes('{id}'));
      expect(codes.has('400'), `${id} 400`).toBe(MUTATING.includes(id));
      expect(codes.has('409'), `${id} 409`).toBe(MUTATING.includes(id));
      const tooMany = responses(doc, o).find(([code]) => code === '429')![1];
      expect(Object.keys(tooMany.headers as Json), id).toContain('Retry-After');
    }
  });

  it('shows the documented and inferred error codes under their status codes', () => {
    for (const { op: o } of ops) {
      for (const [status, r] of responses(doc, o)) {
        if (!/^[45]/.test(status)) continue;
        const codes = examplesOf(doc, r).map(errorCode);
        expect(codes.length, `${o.operationId} ${status}`).toBeGreaterThan(0);
        for (const code of ERROR_CODES[status] ?? [])
          expect(codes, `${o.operationId} ${status}`).toContain(code);
      }
    }
  });

  it('uses the documented error bodies verbatim', () => {
    const all = ops.flatMap(({ op: o }) => responses(doc, o).flatMap(([, r]) => examplesOf(doc, r)));
    for (const body of DOCUMENTED_ERRORS) expect(all).toContainEqual(body);
    const deleteRule = responses(doc, op('deleteRule'));
    expect(examplesOf(doc, new Map(deleteRule).get('404'))).toContainEqual(DOCUMENTED_ERRORS[2]);
  });

  it('carries page_info beside data on the cursor lists, with a next page and a last page for executions', () => {
    const schemas = (doc.components as Json).schemas as Record<string, Json>;
    for (const id of CURSOR_LISTS) {
      const ok = responses(doc, op(id)).find(([code]) => code === '200')![1];
      const schema = deref(doc, ((ok.content as Json)['application/json'] as Json).schema);
      expect(Object.keys(schema.properties as Json), id).toEqual(
        expect.arrayContaining(['request_id', 'data', 'page_info']),
      );
      expect(schema.required, id).not.toContain('page_info');
    }
    expect(Object.keys(schemas.PageInfo!.properties as Json).sort()).toEqual(['end_cursor', 'has_next_page']);

    const pages = examplesOf(
      doc,
      responses(doc, op('listRuleExecutions')).find(([code]) => code === '200')![1],
    ) as Json[];
    const pageInfos = pages.map((page) => page.page_info as Json);
    expect(pageInfos).toContainEqual({ end_cursor: expect.any(String), has_next_page: true });
    expect(pageInfos).toContainEqual({ end_cursor: null, has_next_page: false });
  });

  it('shows a started execution, a processing transfer and a completed one', () => {
    const ok = (id: string) =>
      examplesOf(doc, responses(doc, op(id)).find(([code]) => code.startsWith('2'))![1]) as Json[];
    expect(ok('triggerRule').map((v) => v.data)).toContainEqual(
      expect.objectContaining({ execution_id: expect.stringMatching(/^rex_/) }),
    );
    expect(ok('createTransfer').map((v) => (v.data as Json).status)).toContain('processing');
    expect(ok('getTransfer').map((v) => (v.data as Json).status)).toContain('complete');
    for (const id of ['createRule', 'updateRule'])
      expect(
        ok(id).every((v) => (v.data as Json).status === 'disabled'),
        id,
      ).toBe(true);
  });

  it('documents the three transfer webhooks with examples of the common {event, created_at, data} body', () => {
    const hooks = operations(doc, 'webhooks');
    expect(hooks.map((h) => h.path).sort()).toEqual(
      ['transferApprovalRequired', 'transferCreated', 'transferStatusChanged'].sort(),
    );
    for (const { path, method, op: o } of hooks) {
      expect(method, path).toBe('POST');
      expect(o['x-availability'], path).toBe('coming-soon');
      const values = examplesOf(doc, o.requestBody) as Json[];
      expect(values.length, path).toBeGreaterThan(0);
      for (const value of values)
        expect(Object.keys(value).sort(), path).toEqual(['created_at', 'data', 'event']);
    }
    const changed = examplesOf(
      doc,
      hooks.find((h) => h.path === 'transferStatusChanged')!.op.requestBody,
    ) as Json[];
    expect(changed.map((v) => v.data)).toContainEqual(
      expect.objectContaining({ transfer_id: expect.any(String), previous_status: expect.any(String) }),
    );
  });
});

describe('the Sequence examples round-trip through the generated schemas', () => {
  const examples = new OpenApiExamples('sequence-v1.yaml');

  it('every request example passes its exact generated body schema', () => {
    expect(expectRequestExamplesPass(examples, sequenceZod)).toBeGreaterThan(5);
  });

  it('every 2xx example passes its generated answer schema, every field kept', () => {
    expect(expectAnswerExamplesPass(examples, sequenceZod)).toBeGreaterThan(18);
  });
});
