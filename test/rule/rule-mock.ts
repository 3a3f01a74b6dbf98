import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { RuleClient, type RuleClientOptions } from '../../src/rule/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

export const ruleV2 = new OpenApiExamples('rule-v2.yaml');
export const ruleV3 = new OpenApiExamples('rule-v3.yaml');

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

/** An msw server for a Rule test file; `seen` records every request in order. */
export function useRuleMock() {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /**
   * Answers the documented operation with one of its documented examples (by status and name), or with `reply`.
   * The spec's path template decides which requests match, so a wrong path or method is unhandled and fails.
   */
  function answer(
    operationId: string,
    reply: {
      status?: number;
      example?: string;
      body?: unknown;
      text?: string;
      headers?: Record<string, string>;
    } = {},
    spec: OpenApiExamples = ruleV2,
  ): void {
    const op = spec.operation(operationId);
    const status =
      reply.status ?? Number(Object.keys(op.responseExamples).find((s) => s.startsWith('2')) ?? 200);
    const url = `${spec.serverUrl}${op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    server.use(
      http[method](url, async ({ request }) => {
        const text = await request.text();
        seen.push({
          method: request.method,
          url: new URL(request.url),
          headers: request.headers,
          body: text ? JSON.parse(text) : undefined,
        });
        if (reply.text !== undefined) return new HttpResponse(reply.text, { status, headers: reply.headers });
        if (status === 204) return new HttpResponse(null, { status, headers: reply.headers });
        const body = 'body' in reply ? reply.body : spec.response(operationId, String(status), reply.example);
        return HttpResponse.json(body as object, { status, headers: reply.headers });
      }),
    );
  }

  return { server, seen, answer };
}

/** A client for tests: the canary key, no limiter, fast failure. */
export function testRuleClient(options: RuleClientOptions = {}): RuleClient {
  return new RuleClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, ...options });
}
