import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors/api-error.js';
import type { RateLimitError } from '../../src/core/errors/status-errors.js';
import { Page } from '../../src/core/pagination/page.js';
import {
  isSequencePlatformError,
  type SequencePlatformErrorCode,
} from '../../src/sequence-platform/errors.js';
import type { Json } from '../helpers/spec-document.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { CALLS } from './calls.js';
import { platformV1, testPlatformClient, usePlatformMock } from './platform-mock.js';

// Every example of the document, replayed through the client: each success example parses through its method
// into exactly its `data`, each request example goes on the wire as written, and each error example becomes the
// typed error of its status with the document's code.

const { answer, seen } = usePlatformMock();
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
const ops = platformV1.operations();

const successes = ops.flatMap((op) =>
  Object.entries(op.responseExamples)
    .filter(([status]) => status.startsWith('2'))
    .flatMap(([status, examples]) =>
      Object.entries(examples).map(([name, body]) => ({
        op,
        status: Number(status),
        name,
        body: body as Json,
      })),
    ),
);

const failures = ops.flatMap((op) =>
  Object.entries(op.responseExamples)
    .filter(([status]) => /^[45]/.test(status))
    .flatMap(([status, examples]) =>
      Object.entries(examples).map(([name, body]) => ({
        op,
        status: Number(status),
        name,
        body: body as Json,
      })),
    ),
);

describe('the document, replayed through SequencePlatformClient', () => {
  it('has one SDK method for each of the 14 operations, its TSDoc naming the endpoint', () => {
    expect(Object.keys(CALLS).sort()).toEqual(ops.map((op) => op.operationId).sort());
    const dir = new URL('../../src/sequence-platform/resources/', import.meta.url);
    const sources = readdirSync(dir)
      .map((file) => readFileSync(new URL(file, dir), 'utf8'))
      .join('\n');
    for (const op of ops) expect(sources, op.operationId).toContain(`\`${op.method} ${op.path}\``);
  });

  it.each(successes.map((s) => [`${s.op.operationId} ${s.status} ${s.name}`, s] as const))(
    '%s parses into its data',
    async (_, { op, status, name, body }) => {
      answer(op.operationId, { status, example: name });
      const {
        data,
        body: raw,
        requestId,
      } = await CALLS[op.operationId]!(testPlatformClient()).withResponse();
      expect(raw).toEqual(body);
      expect(requestId).toBe(body.requestId);
      const documented = body.data as Json;
      if (data instanceof Page) {
        expect(data.data).toEqual(documented.items);
        expect(data.requestId).toBe(body.requestId);
        expect(data.hasNextPage()).toBe(false);
      } else {
        expect(data).toEqual(documented);
      }
      expect(seen).toHaveLength(1);
      expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    },
  );

  it.each(['triggerRule', 'createTransfer'])(
    '%s sends the documented body with a fresh idempotency key',
    async (id) => {
      answer(id);
      await CALLS[id]!(testPlatformClient());
      expect(seen[0]!.body).toEqual(platformV1.request(id));
      expect(seen[0]!.headers.get('content-type')).toBe('application/json');
      expect(seen[0]!.headers.get('idempotency-key')).toMatch(UUID_V4);
    },
  );

  it.each(failures.map((f) => [`${f.op.operationId} ${f.status} ${f.name}`, f] as const))(
    '%s is a typed error with its code, request id and permission',
    async (_, { op, status, name, body }) => {
      answer(op.operationId, {
        status,
        example: name,
        headers: { 'x-request-id': 'req-err', 'retry-after': '1' },
      });
      const result = await CALLS[op.operationId]!(testPlatformClient({ maxRetryAfter: 0 })).safe();
      expect(result.ok).toBe(false);
      const error = (result as unknown as { error: ApiError }).error;
      const documented = body.error as Json;
      expect(error).toBeInstanceOf(ApiError);
      expect(error.status).toBe(status);
      expect(error.code).toBe(documented.code);
      expect(isSequencePlatformError(error, documented.code as SequencePlatformErrorCode)).toBe(true);
      expect(isSequencePlatformError(error, 'UNEXPECTED_ERROR')).toBe(documented.code === 'UNEXPECTED_ERROR');
      expect(error.message).toContain(documented.message);
      expect(error.requestId).toBe('req-err');
      if (status === 429) expect((error as RateLimitError).retryAfter).toBe(1000);
      if (status === 403 && documented.code === 'ACCESS_DENIED') {
        const scope = platformV1.doc.paths as Record<string, Record<string, Json>>;
        const permission = scope[op.path]![op.method.toLowerCase()]!['x-required-scope'] as string;
        expect(error.message).toContain(`needs an API key with ${permission}`);
      } else {
        // A deactivated rule or an amount over the cap is not a missing permission.
        expect(error.message).not.toContain('needs an API key');
      }
    },
  );
});
