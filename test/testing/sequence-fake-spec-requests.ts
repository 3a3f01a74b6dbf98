import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/testing/fake-api.js';
import type { OpenApiExamples } from '../helpers/openapi-examples.js';

type Json = Record<string, unknown>;

/** One documented request: an operation with its parameters' examples and one of its request body examples. */
export interface DocumentedRequest {
  operationId: string;
  /** The body example's name, or `no body`. */
  example: string;
  method: string;
  /** The server URL plus the path with its example parameters and required query parameters. */
  url: string;
  body: unknown;
}

/**
 * Every documented request of a spec: each operation once per request body example (once if it has none), path
 * parameters and required query parameters filled with their documented `example`s.
 */
export function documentedRequests(spec: OpenApiExamples): DocumentedRequest[] {
  const requests: DocumentedRequest[] = [];
  for (const [template, item] of Object.entries(spec.doc.paths as Record<string, Json>)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const params = [...((item.parameters ?? []) as unknown[]), ...((op.parameters ?? []) as unknown[])].map(
        (p) => spec.deref(p),
      );
      let path = template;
      const query = new URLSearchParams();
      for (const p of params) {
        if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
        if (p.in === 'query' && p.required) query.set(String(p.name), String(p.example));
      }
      const url = `${spec.serverUrl}${path}${query.size > 0 ? `?${query}` : ''}`;
      const operationId = op.operationId as string;
      const bodies = Object.entries(spec.operation(operationId).requestExamples);
      for (const [example, body] of bodies.length > 0 ? bodies : [['no body', undefined] as const]) {
        requests.push({ operationId, example, method: method.toUpperCase(), url, body });
      }
    }
  }
  return requests;
}

/** The documented request as a `Request` with the given `Authorization` value. */
export function toRequest(documented: DocumentedRequest, authorization: string): Request {
  const hasBody = documented.body !== undefined;
  return new Request(documented.url, {
    method: documented.method,
    headers: { authorization, ...(hasBody ? { 'content-type': 'application/json' } : {}) },
    ...(hasBody ? { body: JSON.stringify(documented.body) } : {}),
  });
}

/** What a generated response schema offers these tests. */
interface ResponseSchema {
  safeParse(value: unknown): { success: boolean; error?: unknown };
}

/** `z<OperationId>Response` of a generated zod module. */
function responseSchema(generated: object, operationId: string): ResponseSchema {
  const name = `z${operationId[0]!.toUpperCase()}${operationId.slice(1)}Response`;
  const schema = (generated as Record<string, unknown>)[name];
  if (!schema) throw new Error(`no ${name} in the generated schemas`);
  return schema as ResponseSchema;
}

/**
 * Tests that a fresh fake answers each documented request of `spec` with a 2xx whose body passes the generated
 * `z<OperationId>Response` schema, and that the requests cover `operations` operations.
 */
export function describeDocumentedRequests(
  spec: OpenApiExamples,
  setup: { generated: object; operations: number; newFake: () => FakeApi; authScheme: 'ApiKey' | 'Bearer' },
): void {
  const requests = documentedRequests(spec);
  describe(`the fake answers every documented request of ${spec.serverUrl} with a valid response`, () => {
    it(`covers all ${setup.operations} operations`, () => {
      expect(new Set(requests.map((r) => r.operationId)).size).toBe(setup.operations);
    });

    it.each(requests.map((r) => [`${r.operationId} (${r.example})`, r] as const))(
      '%s',
      async (_, documented) => {
        const fake = setup.newFake();
        const response = await fake.fetch(toRequest(documented, `${setup.authScheme} ${fake.apiKey}`));
        const text = await response.text();
        expect(response.ok, `${response.status} ${text}`).toBe(true);
        const parsed = responseSchema(setup.generated, documented.operationId).safeParse(
          text ? JSON.parse(text) : undefined,
        );
        expect(parsed.error).toBeUndefined();
        expect(parsed.success).toBe(true);
      },
    );
  });
}
