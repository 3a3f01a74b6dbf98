import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/errors/api-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '../../src/core/errors/status-errors.js';
import { DOCUMENTED_CALLS, useSequenceTest } from './sequence-contract.js';
import { sequenceV1 } from './sequence-mock.js';

// Every error example spec/sequence-v1.yaml documents, sent through the SDK method that calls that operation: each
// must come back as the error class of its status with the body's `error.code`, and a 403 must name the scope the
// docs' table gives for the operation.

const { answer, seq } = useSequenceTest();

const classByStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: InternalServerError,
};

interface ErrorBody {
  error: { code: string; message: string };
}

const cases = sequenceV1.operations().flatMap((op) =>
  Object.entries(op.responseExamples)
    .filter(([status]) => Number(status) >= 400)
    .flatMap(([status, examples]) =>
      Object.entries(examples).map(
        ([name, body]) => [op.operationId, Number(status), name, body as ErrorBody] as const,
      ),
    ),
);

/** `x-required-scope` of each operation that states one (the docs' scope table). */
const scoped = sequenceV1.operations().flatMap((op) => {
  const paths = sequenceV1.doc.paths as Record<string, Record<string, Record<string, unknown>>>;
  const scope = paths[op.path]?.[op.method.toLowerCase()]?.['x-required-scope'];
  return typeof scope === 'string' ? [[op.operationId, scope] as const] : [];
});

const fail = (operationId: string) => DOCUMENTED_CALLS[operationId]!.send(seq).catch((e: unknown) => e);

describe('documented Sequence errors', () => {
  it('has an SDK call for every operation of the spec, and a class for every documented error status', () => {
    const operations = sequenceV1.operations().map((op) => op.operationId);
    expect(Object.keys(DOCUMENTED_CALLS).sort()).toEqual(operations.sort());
    expect(operations).toHaveLength(18);
    expect([...new Set(cases.map(([, status]) => status))].sort()).toEqual(
      Object.keys(classByStatus).map(Number),
    );
    expect(cases.length).toBeGreaterThanOrEqual(100);
  });

  it.each(cases)(
    '%s answers %i %s as a typed error with its code',
    async (operationId, status, name, body) => {
      answer(operationId, { status, example: name });
      const error = await fail(operationId);
      expect(error).toBeInstanceOf(classByStatus[status]);
      expect(error).toMatchObject({ status, code: body.error.code, body });
      expect((error as Error).message).toContain(body.error.message);
    },
  );

  it('covers the scope of every operation the docs name one for', () => {
    expect(Object.fromEntries(scoped)).toMatchObject({
      listAccounts: 'LIST_ACCOUNTS',
      getAccount: 'READ_ACCOUNTS',
      listRules: 'LIST_RULES',
      getRule: 'READ_RULES',
      triggerRule: 'TRIGGER_RULES',
      listRuleExecutions: 'READ_RULE_EXECUTIONS',
      listTransfers: 'READ_TRANSFERS',
      createTransfer: 'MANUAL_TRANSFER',
      listCardTransactions: 'READ_CARDS',
    });
    expect(scoped).toHaveLength(13);
  });

  it.each(scoped)('%s: a 403 names the scope %s the key needs', async (operationId, scope) => {
    answer(operationId, { status: 403 });
    const error = await fail(operationId);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toContain(scope);
  });

  it('carries the X-Request-ID of an error response as requestId', async () => {
    answer('getTransfer', { status: 404, headers: { 'x-request-id': 'req_01HERR0404' } });
    const error = await fail('getTransfer');
    expect(error).toMatchObject({ requestId: 'req_01HERR0404', code: 'resource_not_found' });
  });

  it('reads Retry-After on a 429 into retryAfter (ms)', async () => {
    answer('triggerRule', { status: 429, headers: { 'retry-after': '7' } });
    const error = await fail('triggerRule');
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(7_000);
  });

  it('maps a plain-text error body (a proxy, an undefined route) without crashing', async () => {
    answer('getRule', { status: 404, text: 'Not Found' });
    const error = await fail('getRule');
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ code: 'http_404', body: 'Not Found' });
  });
});
