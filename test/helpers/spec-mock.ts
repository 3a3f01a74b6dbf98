import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { OpenApiExamples } from './openapi-examples.js';

export interface SeenRequest {
  method: string;
  url: URL;
  headers: Headers;
  /** Parsed JSON body, or undefined. */
  body: unknown;
}

export interface MockReply {
  status?: number;
  /** Name of the documented example to answer with. */
  example?: string;
  body?: unknown;
  text?: string;
  headers?: Record<string, string>;
  /** Answer one request only (msw tries the newest handler first, so register a sequence last-first). */
  once?: boolean;
}

/**
 * An msw server for a test file that answers documented operations with their documented examples; `seen`
 * records every request in order.
 */
export function useSpecMock(defaultSpec: OpenApiExamples) {
  const server = setupServer();
  const seen: SeenRequest[] = [];
  beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

  /**
   * Answers the operation with one of its documented examples (by status and name), or with `reply`. The spec's
   * path template decides which requests match, so a wrong path or method is unhandled and fails the test.
   */
  function answer(operationId: string, reply: MockReply = {}, spec: OpenApiExamples = defaultSpec): void {
    const op = spec.operation(operationId);
    const status =
      reply.status ?? Number(Object.keys(op.responseExamples).find((s) => s.startsWith('2')) ?? 200);
    const url = `${spec.serverUrl}${op.path.replace(/\{([^}]+)\}/g, ':$1')}`;
    const method = op.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    server.use(
      http[method](
        url,
        async ({ request }) => {
          const text = await request.text();
          seen.push({
            method: request.method,
            url: new URL(request.url),
            headers: request.headers,
            body: text ? JSON.parse(text) : undefined,
          });
          if (reply.text !== undefined)
            return new HttpResponse(reply.text, { status, headers: reply.headers });
          if (status === 204) return new HttpResponse(null, { status, headers: reply.headers });
          const body =
            'body' in reply ? reply.body : spec.response(operationId, String(status), reply.example);
          return HttpResponse.json(body as object, { status, headers: reply.headers });
        },
        { once: reply.once ?? false },
      ),
    );
  }

  return { server, seen, answer };
}
