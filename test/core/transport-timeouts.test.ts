import type http from 'node:http';
import { beforeEach, describe, expect, it } from 'vitest';
import { AbortError } from '../../src/core/errors/abort-error.js';
import { TimeoutError } from '../../src/core/errors/timeout-error.js';
import { type TestHandler, useServers } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { testTransport as baseTransport } from '../helpers/test-transport.js';

// Attempts are counted where the client sends them: under load an attempt can time out before its request even
// reaches the server, so the server's count would understate what the client did.
const attempts = { count: 0 };
beforeEach(() => {
  attempts.count = 0;
});
const countingFetch: typeof fetch = (input, init) => {
  attempts.count++;
  return fetch(input, init);
};
const testTransport = (options: Parameters<typeof baseTransport>[0]) =>
  baseTransport({ fetch: countingFetch, ...options });

const serve = useServers();

/** Never answers: the request hangs until the client gives up (or the server closes in afterEach). */
const stall: TestHandler = () => {};

function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Transport timeouts: per attempt', () => {
  it('times out a stalled GET with TimeoutError kind "attempt" and retries it', async () => {
    const server = await serve(stall);
    const transport = testTransport({ baseUrl: server.url, timeout: 100, maxRetries: 2 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: '/slow' }));

    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).not.toBeInstanceOf(AbortError);
    expect((error as TimeoutError).kind).toBe('attempt');
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(attempts.count).toBe(3);
  });

  it('uses the per-call timeout over the client one', async () => {
    const server = await serve(stall);
    const transport = testTransport({ baseUrl: server.url, timeout: 30_000, maxRetries: 0 });

    const started = performance.now();
    const error = await rejectionOf(transport.request({ method: 'GET', path: '/slow' }, { timeout: 100 }));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).timeoutMs).toBe(100);
    expect(attempts.count).toBe(1);
  });

  it('does not retry a timed-out POST without an idempotency key', async () => {
    const server = await serve(stall);
    const transport = testTransport({ baseUrl: server.url, timeout: 100, maxRetries: 2 });

    const error = await rejectionOf(
      transport.request({ method: 'POST', path: '/subscribers', body: { a: 1 } }),
    );

    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('attempt');
    // Give a wrongly scheduled retry the time to show up.
    await delay(100);
    expect(attempts.count).toBe(1);
  });

  it('retries a timed-out POST that carries an idempotency key, with the same key', async () => {
    const server = await serve(stall);
    const transport = testTransport({
      baseUrl: server.url,
      timeout: 100,
      maxRetries: 1,
      idempotencyHeader: 'Idempotency-Key',
    });

    const error = await rejectionOf(
      transport.request({ method: 'POST', path: '/transfers', body: { a: 1 } }),
    );

    expect(error).toBeInstanceOf(TimeoutError);
    expect(attempts.count).toBe(2);
    const [k1, k2] = server.requests.map((r) => r.headers['idempotency-key']);
    expect(k1).toEqual(expect.any(String));
    expect(k2).toBe(k1);
  });

  it('times out when the headers arrive but the body never finishes', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"data": [1, 2, ');
      // ...and never ends.
    });
    const transport = testTransport({ baseUrl: server.url, timeout: 150, maxRetries: 0 });

    const started = performance.now();
    const error = await rejectionOf(transport.request({ method: 'GET', path: '/half' }));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('attempt');
    expect(attempts.count).toBe(1);
  });
});

describe('Transport timeouts: totalTimeout', () => {
  it('ends a stalled call with TimeoutError kind "total" when totalTimeout runs out before the attempt timeout', async () => {
    const server = await serve(stall);
    const transport = testTransport({ baseUrl: server.url, timeout: 10_000, totalTimeout: 150 });

    const started = performance.now();
    const error = await rejectionOf(transport.request({ method: 'GET', path: '/slow' }));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('total');
    expect((error as TimeoutError).timeoutMs).toBe(150);
    expect(attempts.count).toBe(1);
  });

  it('counts the waits between retries against totalTimeout', async () => {
    const server = await serve((_req, res) =>
      sendJson(res, 503, { error: 'unavailable' }, { 'retry-after': '5' }),
    );
    const transport = testTransport({ baseUrl: server.url, totalTimeout: 300, maxRetries: 2 });

    const started = performance.now();
    const error = await rejectionOf(transport.request({ method: 'GET', path: '/busy' }));

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(TimeoutError);
    expect((error as TimeoutError).kind).toBe('total');
    expect(attempts.count).toBe(1);
  });
});

describe('Transport timeouts: caller cancellation', () => {
  it('rejects with AbortError, not TimeoutError, when the caller aborts during the request', async () => {
    const controller = new AbortController();
    const reason = new Error('user navigated away');
    const server = await serve(() => controller.abort(reason));
    const transport = testTransport({ baseUrl: server.url, timeout: 10_000, maxRetries: 2 });

    const started = performance.now();
    const error = await rejectionOf(
      transport.request({ method: 'GET', path: '/slow' }, { signal: controller.signal }),
    );

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(AbortError);
    expect(error).not.toBeInstanceOf(TimeoutError);
    expect((error as AbortError).code).toBe('aborted');
    expect(((error as AbortError).cause as Error).message).toBe('user navigated away');
    await delay(50);
    expect(attempts.count).toBe(1);
  });

  it('rejects promptly with AbortError when the caller aborts during the wait between retries', async () => {
    const controller = new AbortController();
    const server = await serve((_req, res) => {
      sendJson(res, 503, { error: 'unavailable' }, { 'retry-after': '5' });
      setTimeout(() => controller.abort(), 100);
    });
    const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

    const started = performance.now();
    const error = await rejectionOf(
      transport.request({ method: 'GET', path: '/busy' }, { signal: controller.signal }),
    );

    expect(performance.now() - started).toBeLessThan(3_000);
    expect(error).toBeInstanceOf(AbortError);
    await delay(100);
    expect(attempts.count).toBe(1);
  });

  it('sends nothing when the signal is already aborted', async () => {
    const server = await serve((_req, res) => sendJson(res, 200, { ok: true }));
    const transport = testTransport({ baseUrl: server.url });

    const error = await rejectionOf(
      transport.request(
        { method: 'POST', path: '/subscribers', body: { a: 1 } },
        { signal: AbortSignal.abort() },
      ),
    );

    expect(error).toBeInstanceOf(AbortError);
    await delay(50);
    expect(attempts.count).toBe(0);
  });
});
