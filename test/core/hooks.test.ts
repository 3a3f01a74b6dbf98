import type http from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/configuration-error.js';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import type { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import { InternalServerError } from '../../src/core/errors/status-errors.js';
import { TimeoutError } from '../../src/core/errors/timeout-error.js';
import type { Hooks } from '../../src/core/hooks.js';
import { queryAuth } from '../../src/internal/auth.js';
import { RuleClient } from '../../src/rule/client.js';
import { closedPort, useServers } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY, testTransport } from '../helpers/test-transport.js';

const serve = useServers();

function send(res: http.ServerResponse, status: number, body: unknown, requestId: string) {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': requestId });
  res.end(JSON.stringify(body));
}

/** The README's tracing example, with a recorder standing in for an OpenTelemetry tracer. */
function tracing() {
  interface Span {
    name: string;
    attributes: Record<string, unknown>;
    ended: boolean;
  }
  const spans: Span[] = [];
  const open = new WeakMap<Request, Span>();
  const end = (request: Request, attributes: Record<string, unknown>) => {
    const span = open.get(request);
    if (!span) return;
    Object.assign(span.attributes, attributes);
    span.ended = true;
    open.delete(request);
  };
  const hooks: Hooks = {
    beforeRequest: [
      ({ request, method, url, attempt }) => {
        const span = {
          name: `${method} ${new URL(url).pathname}`,
          attributes: { url, attempt },
          ended: false,
        };
        spans.push(span);
        open.set(request, span);
      },
    ],
    afterResponse: [
      ({ request, response }) =>
        end(request, { status: response.status, requestId: response.headers.get('x-request-id') }),
    ],
    beforeError: [({ request, error }) => end(request, { error: error.name })],
  };
  return { spans, hooks };
}

describe('hooks: one tracing span per attempt', () => {
  it('records method, redacted URL, status, attempt and request id for every attempt', async () => {
    const server = await serve((_req, res, { index }) =>
      index === 0 ? send(res, 503, { error: 'busy' }, 'req-1') : send(res, 200, { ok: true }, 'req-2'),
    );
    const { spans, hooks } = tracing();
    const transport = testTransport({ baseUrl: `${server.url}/api`, auth: queryAuth('apikey'), hooks });

    await transport.request({ method: 'GET', path: 'things', query: { page: 2 } });

    const url = `${server.url}/api/things?page=2&apikey=***`;
    expect(spans).toEqual([
      {
        name: 'GET /api/things',
        attributes: { url, attempt: 1, status: 503, requestId: 'req-1' },
        ended: true,
      },
      {
        name: 'GET /api/things',
        attributes: { url, attempt: 2, status: 200, requestId: 'req-2' },
        ended: true,
      },
    ]);
    expect(JSON.stringify(spans)).not.toContain(CANARY_KEY);
  });

  it('ends the span of an attempt that got no response, with the typed error', async () => {
    const { spans, hooks } = tracing();
    const transport = testTransport({
      baseUrl: `http://127.0.0.1:${await closedPort()}`,
      hooks,
      maxRetries: 1,
    });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'things' }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(spans.map((s) => [s.attributes.attempt, s.attributes.error, s.ended])).toEqual([
      [1, 'ConnectionError', true],
      [2, 'ConnectionError', true],
    ]);
  });
});

describe('hooks: what each one sees and may do', () => {
  it("beforeRequest sees the Request with the SDK's headers already set, the key among them", async () => {
    const server = await serve((_req, res) => send(res, 200, { ok: true }, 'r'));
    const seen: Array<[string | null, string | null]> = [];
    const transport = testTransport({
      baseUrl: server.url,
      idempotencyHeader: 'Idempotency-Key',
      hooks: {
        beforeRequest: [
          ({ request }) =>
            void seen.push([request.headers.get('authorization'), request.headers.get('idempotency-key')]),
        ],
      },
    });

    await transport.request({ method: 'POST', path: 'things', body: {} }, { idempotencyKey: 'order-1' });

    expect(seen).toEqual([[`Bearer ${CANARY_KEY}`, 'order-1']]);
  });

  it('beforeRetry runs before each retry with the typed error of the attempt before', async () => {
    const server = await serve((_req, res, { index }) =>
      index < 2 ? send(res, 503, { error: 'busy' }, `r${index}`) : send(res, 200, { ok: true }, 'r'),
    );
    const retries: Array<{ attempt: number; retryCount: number; error: RuleseqError; url: string }> = [];
    const transport = testTransport({
      baseUrl: server.url,
      auth: queryAuth('apikey'),
      hooks: {
        beforeRetry: [
          ({ attempt, retryCount, error, url }) => void retries.push({ attempt, retryCount, error, url }),
        ],
      },
    });

    await transport.request({ method: 'GET', path: 'things' });

    expect(retries.map((r) => [r.attempt, r.retryCount])).toEqual([
      [2, 1],
      [3, 2],
    ]);
    for (const { error, url } of retries) {
      expect(error).toBeInstanceOf(InternalServerError);
      expect(url).toBe(`${server.url}/things?apikey=***`);
    }
  });

  it('afterResponse may hand back another Response, and beforeRequest may answer without sending', async () => {
    const server = await serve((_req, res) => send(res, 200, { from: 'server' }, 'r'));
    const replaced = testTransport({
      baseUrl: server.url,
      hooks: { afterResponse: [() => Response.json({ from: 'hook' })] },
    });
    expect((await replaced.request({ method: 'GET', path: 'a' })).data).toEqual({ from: 'hook' });

    const cached = testTransport({
      baseUrl: server.url,
      hooks: { beforeRequest: [() => Response.json({ from: 'cache' })] },
    });
    expect((await cached.request({ method: 'GET', path: 'b' })).data).toEqual({ from: 'cache' });
    expect(server.requests.map((r) => r.url)).toEqual(['/a']);
  });

  it("rejects the call with a hook's own exception, untouched (it is a bug in the hook, not an API outcome)", async () => {
    const server = await serve((_req, res) => send(res, 200, { ok: true }, 'r'));
    const bug = new RangeError('tracer not started');
    const transport = testTransport({
      baseUrl: server.url,
      hooks: {
        beforeRequest: [
          () => {
            throw bug;
          },
        ],
      },
    });

    expect(await rejectionOf(transport.request({ method: 'GET', path: 'a' }))).toBe(bug);
    expect(server.requests).toHaveLength(0);
  });

  it('rejects with an Error holding what a hook threw that is not one (p-retry made it a TypeError of its own)', async () => {
    const server = await serve((_req, res) => send(res, 200, { ok: true }, 'r'));
    for (const [hook, thrown] of [
      ['beforeRequest', 'no tracer'],
      ['afterResponse', 42],
    ] as const) {
      const transport = testTransport({
        baseUrl: server.url,
        hooks: {
          [hook]: [
            () => {
              throw thrown;
            },
          ],
        },
      });
      const error = await rejectionOf(transport.request({ method: 'GET', path: 'a' }));
      expect(error).toBeInstanceOf(Error);
      expect(error).not.toBeInstanceOf(TypeError);
      expect((error as Error).cause).toBe(thrown);
      expect((error as Error).message).toBe(
        typeof thrown === 'string' ? `a hook threw ${thrown}` : 'a hook threw number',
      );
    }
  });

  it('refuses hooks it would never run, when the client is built', () => {
    for (const hooks of [
      { beforeRequests: [] },
      { afterResponse: () => {} },
      { beforeRetry: ['log'] },
      'all',
    ]) {
      expect(
        () => new RuleClient({ apiKey: CANARY_KEY, hooks: hooks as never }),
        JSON.stringify(hooks),
      ).toThrow(ConfigurationError);
    }
  });
});

describe('hooks: one that never settles', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const never = () => new Promise<never>(() => {});
  const cases: Array<[string, Hooks]> = [
    ['beforeRequest', { beforeRequest: [never] }],
    ['afterResponse', { afterResponse: [never] }],
    ['beforeError', { beforeError: [never] }],
    ['beforeRetry', { beforeRetry: [never] }],
  ];

  /** Settles `promise` into a readable state, so fake time can be advanced while it is pending. */
  function track(promise: Promise<unknown>) {
    const state: { settled: boolean; error?: unknown } = { settled: false };
    promise.then(
      () => Object.assign(state, { settled: true }),
      (error: unknown) => Object.assign(state, { settled: true, error }),
    );
    return state;
  }

  /** What each bound gives the call: the option set, the fake time to let pass, and the error's `kind`. */
  const bounds = [
    { bound: "the attempt's timeout", options: { timeout: 1_000 }, elapse: 1_100, kind: 'attempt' },
    { bound: 'totalTimeout, without a limiter', options: { totalTimeout: 500 }, elapse: 600, kind: 'total' },
  ] as const;

  for (const [name, hooks] of cases) {
    for (const { bound, options, elapse, kind } of bounds) {
      it(`${name}: ${bound} ends the call with a TimeoutError`, async () => {
        vi.useFakeTimers();
        const fetch = (async () =>
          new Response('{"error":"busy"}', { status: 503 })) as typeof globalThis.fetch;
        // A beforeRetry hook runs only once an attempt has failed and a retry is due.
        const maxRetries = name === 'beforeRetry' ? 1 : 0;
        const transport = testTransport({
          baseUrl: 'https://api.example.com',
          fetch,
          hooks,
          maxRetries,
          ...options,
        });

        const call = track(transport.request({ method: 'GET', path: 'things' }));
        await vi.advanceTimersByTimeAsync(elapse);

        expect(call.settled).toBe(true);
        expect(call.error).toBeInstanceOf(TimeoutError);
        expect((call.error as TimeoutError).kind).toBe(kind);
      });
    }
  }
});
