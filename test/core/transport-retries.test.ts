import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors/api-error.js';
import { ConnectionError } from '../../src/core/errors/connection-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/core/errors/status-errors.js';
import { queryAuth } from '../../src/internal/auth.js';
import { BudgetRateLimiter } from '../../src/internal/rate-limit/budget-rate-limiter.js';
import { parseRuleDateTime } from '../../src/rule/datetime.js';
import { closedPort, useServers } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY, testTransport } from '../helpers/test-transport.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

const serve = useServers();

function send(
  res: http.ServerResponse,
  status: number,
  body: unknown = { ok: true },
  headers: Record<string, string> = {},
): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const contentType = typeof body === 'string' ? 'text/plain; charset=utf-8' : 'application/json';
  res.writeHead(status, { 'content-type': contentType, ...headers });
  res.end(text);
}

/** `YYYY-MM-DD HH:MM:SS` wall-clock time in Stockholm, the way Rule writes Retry-After. */
function stockholmWallClock(instant: number): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Stockholm',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).format(instant);
}

describe('Transport retries: retryable statuses', () => {
  it('retries a GET that got 503 and returns the second answer', async () => {
    const server = await serve((_req, res, { index }) =>
      index === 0 ? send(res, 503, { error: 'unavailable' }) : send(res, 200, { id: 7 }),
    );
    const transport = testTransport({ baseUrl: server.url });

    const result = await transport.request({ method: 'GET', path: '/things/7' });

    expect(result.data).toEqual({ id: 7 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /things/7', 'GET /things/7']);
  });

  it('keeps a plain-text HTML 502 body as text and retries it until retries run out', async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1><p>nginx</p></body></html>';
    const server = await serve((_req, res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end(html);
    });
    const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: '/things' }));

    expect(error).toBeInstanceOf(InternalServerError);
    const apiError = error as InternalServerError;
    expect(apiError.status).toBe(502);
    expect(apiError.body).toBe(html);
    expect(apiError.code).toBe('http_502');
    expect(server.requests).toHaveLength(3);
  });
});

describe('Transport retries: 429 and Retry-After', () => {
  const FIXED_DATE = 'Mon, 15 Jan 2024 12:00:00 GMT';
  const forms: Array<{ name: string; headers: Record<string, string>; minGapMs: number }> = [
    { name: 'Retry-After: 0', headers: { 'retry-after': '0' }, minGapMs: 0 },
    { name: 'Retry-After: 1', headers: { 'retry-after': '1' }, minGapMs: 800 },
    {
      // A date one second after the (fixed, long past) Date header: only measuring against Date gives a 1 s wait.
      name: 'Retry-After as an HTTP-date',
      headers: { date: FIXED_DATE, 'retry-after': 'Mon, 15 Jan 2024 12:00:01 GMT' },
      minGapMs: 800,
    },
    {
      // 13:00:01 in Stockholm in January (UTC+1) is one second after the Date header.
      name: "Retry-After as Rule's Stockholm timestamp",
      headers: { date: FIXED_DATE, 'retry-after': '2024-01-15 13:00:01' },
      minGapMs: 800,
    },
    { name: 'retry-after-ms', headers: { 'retry-after-ms': '300' }, minGapMs: 200 },
  ];

  it.each(forms)(
    'retries a 429 carrying $name and succeeds, after the wait',
    async ({ headers, minGapMs }) => {
      const arrivals: number[] = [];
      const server = await serve((_req, res, { index }) => {
        arrivals.push(performance.now());
        if (index === 0) send(res, 429, { error: 'rate_limited' }, headers);
        else send(res, 200, { done: true });
      });
      // Rule's profile supplies the reader for its zone-less timestamps.
      const transport = testTransport({ baseUrl: server.url, readLocalTime: parseRuleDateTime });

      const result = await transport.request({ method: 'GET', path: '/limited' });

      expect(result.data).toEqual({ done: true });
      expect(server.requests).toHaveLength(2);
      expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(minGapMs);
    },
  );

  it('retries on a live Stockholm timestamp one second ahead of the Date header', async () => {
    const arrivals: number[] = [];
    const server = await serve((_req, res, { index }) => {
      arrivals.push(performance.now());
      if (index > 0) return send(res, 200, { done: true });
      const now = Math.floor(Date.now() / 1000) * 1000;
      send(res, 429, 'Too Many Attempts.', {
        date: new Date(now).toUTCString(),
        'retry-after': stockholmWallClock(now + 1000),
      });
    });
    const transport = testTransport({ baseUrl: server.url, readLocalTime: parseRuleDateTime });

    const result = await transport.request({ method: 'GET', path: '/limited' });

    expect(result.data).toEqual({ done: true });
    expect(server.requests).toHaveLength(2);
    expect(arrivals[1]! - arrivals[0]!).toBeGreaterThanOrEqual(800);
  });

  it("does not crash on Rule's plain-text 429 body and surfaces RateLimitError with retryAfter when retries run out", async () => {
    const server = await serve((_req, res) => send(res, 429, 'Too Many Attempts.', { 'retry-after': '0.1' }));
    const transport = testTransport({ baseUrl: server.url, maxRetries: 1 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: '/subscribers' }));

    expect(error).toBeInstanceOf(RateLimitError);
    const limited = error as RateLimitError;
    expect(limited.status).toBe(429);
    expect(limited.retryAfter).toBe(100);
    expect(limited.body).toBe('Too Many Attempts.');
    expect(limited.code).toBe('http_429');
    expect(server.requests).toHaveLength(2);
  });

  it('surfaces RateLimitError at once when Retry-After exceeds maxRetryAfter, without a second request', async () => {
    const server = await serve((_req, res) => send(res, 429, 'Too Many Attempts.', { 'retry-after': '120' }));
    const transport = testTransport({ baseUrl: server.url, maxRetryAfter: 60_000, maxRetries: 2 });

    const started = performance.now();
    const error = await rejectionOf(transport.request({ method: 'GET', path: '/subscribers' }));

    expect(performance.now() - started).toBeLessThan(5_000);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfter).toBe(120_000);
    expect(server.requests).toHaveLength(1);
  });

  /** A server answering the first request to `path` with a 429 asking for a 1 s wait, and everything else with 200. */
  async function serveOne429(path: string) {
    const arrivals: Array<{ path: string; at: number }> = [];
    let rateLimitedAt = 0;
    const server = await serve((req, res) => {
      const arrived = req.url ?? '';
      arrivals.push({ path: arrived, at: performance.now() });
      if (arrived === path && rateLimitedAt === 0) {
        rateLimitedAt = performance.now();
        send(res, 429, 'Too Many Attempts.', { 'retry-after': '1' });
      } else {
        send(res, 200, { path: arrived });
      }
    });
    return { server, arrivals, rateLimitedAt: () => rateLimitedAt };
  }

  it('pauses a shared rate limiter on 429 so a concurrent call does not reach the server until the wait is over', async () => {
    const { server, arrivals, rateLimitedAt } = await serveOne429('/a');
    // Room for several calls in flight: only the pause can hold the second call back.
    const limiter = new BudgetRateLimiter({ maxRequests: 100, intervalMs: 60_000, maxConcurrent: 4 });
    const pauses: number[] = [];
    let onPause!: () => void;
    const paused = new Promise<void>((resolve) => {
      onPause = resolve;
    });
    const pause = limiter.pause.bind(limiter);
    limiter.pause = (ms: number) => {
      pauses.push(ms);
      pause(ms);
      onPause();
    };
    // Two clients sharing one limiter, as two clients built with the same key do.
    const first = testTransport({ baseUrl: server.url, rateLimiter: limiter });
    const second = testTransport({ baseUrl: server.url, rateLimiter: limiter });

    const a = first.request({ method: 'GET', path: '/a' });
    await paused;
    const b = second.request({ method: 'GET', path: '/b' });
    const [ra, rb] = await Promise.all([a, b]);

    expect(ra.data).toEqual({ path: '/a' });
    expect(rb.data).toEqual({ path: '/b' });
    expect(pauses).toEqual([1_000]);
    expect(arrivals.map((x) => x.path).sort()).toEqual(['/a', '/a', '/b']);
    const bArrival = arrivals.find((x) => x.path === '/b')!;
    expect(bArrival.at - rateLimitedAt()).toBeGreaterThanOrEqual(700);
  });

  it('pauses on a 429 before its slot is released, so a call queued behind it waits too', async () => {
    const { server, arrivals, rateLimitedAt } = await serveOne429('/a');
    // One slot: '/b' starts the moment '/a' gives it back.
    const limiter = new BudgetRateLimiter({ maxRequests: 100, intervalMs: 60_000, maxConcurrent: 1 });
    const transport = testTransport({ baseUrl: server.url, rateLimiter: limiter });

    const a = transport.request({ method: 'GET', path: '/a' });
    const b = transport.request({ method: 'GET', path: '/b' });
    await Promise.all([a, b]);

    const bArrival = arrivals.find((x) => x.path === '/b')!;
    expect(bArrival.at - rateLimitedAt()).toBeGreaterThanOrEqual(700);
  });
});

describe('Transport retries: requests that are not safe to repeat', () => {
  it('does not retry an un-keyed POST that got 503', async () => {
    const server = await serve((_req, res) => send(res, 503, { error: 'unavailable', message: 'try later' }));
    const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

    const error = await rejectionOf(
      transport.request({ method: 'POST', path: '/subscribers', body: { a: 1 } }),
    );

    expect(error).toBeInstanceOf(InternalServerError);
    expect((error as InternalServerError).status).toBe(503);
    expect((error as InternalServerError).method).toBe('POST');
    expect(server.requests).toHaveLength(1);
  });

  it('retries an un-keyed POST that got 429, since a 429 proves it was not processed', async () => {
    const server = await serve((_req, res, { index }) =>
      index === 0
        ? send(res, 429, 'Too Many Attempts.', { 'retry-after': '0' })
        : send(res, 201, { created: 1 }),
    );
    const transport = testTransport({ baseUrl: server.url });

    const result = await transport.request({
      method: 'POST',
      path: '/subscribers',
      body: { email: 'a@b.se' },
    });

    expect(result.data).toEqual({ created: 1 });
    expect(server.requests).toHaveLength(2);
    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { email: 'a@b.se' },
      { email: 'a@b.se' },
    ]);
  });

  it('retries a GET whose connection was reset before the response, and succeeds on the second attempt', async () => {
    const server = await serve((req, res, { index }) => {
      if (index === 0) req.socket.destroy();
      else send(res, 200, { again: true });
    });
    const transport = testTransport({ baseUrl: server.url });

    const result = await transport.request({ method: 'GET', path: '/things' });

    expect(result.data).toEqual({ again: true });
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry an un-keyed POST whose connection was reset: ConnectionError with refused === false', async () => {
    const server = await serve((req, res, { index }) => {
      if (index === 0) req.socket.destroy();
      else send(res, 201, { duplicated: true });
    });
    const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

    const error = await rejectionOf(
      transport.request({ method: 'POST', path: '/subscribers', body: { a: 1 } }),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(false);
    expect(server.requests).toHaveLength(1);
  });

  it('retries a POST whose connection was refused up to maxRetries, then reports refused === true', async () => {
    const port = await closedPort();
    let fetchCalls = 0;
    const transport = testTransport({
      baseUrl: `http://127.0.0.1:${port}`,
      maxRetries: 2,
      fetch: (input, init) => {
        fetchCalls++;
        return globalThis.fetch(input, init);
      },
    });

    const error = await rejectionOf(
      transport.request({ method: 'POST', path: '/subscribers', body: { a: 1 } }),
    );

    expect(error).toBeInstanceOf(ConnectionError);
    expect((error as ConnectionError).refused).toBe(true);
    expect(fetchCalls).toBe(3);
    expect(String(error)).not.toContain(CANARY_KEY);
  });
});

describe('Transport retries: idempotency keys', () => {
  it('retries a keyed POST that got 503, with the same UUID v4 Idempotency-Key on both attempts', async () => {
    const server = await serve((_req, res, { index }) =>
      index === 0 ? send(res, 503, { error: 'unavailable' }) : send(res, 201, { id: 'tr_1' }),
    );
    const transport = testTransport({ baseUrl: server.url, idempotencyHeader: 'Idempotency-Key' });

    const result = await transport.request({
      method: 'POST',
      path: '/transfers',
      body: { amount_in_cents: 100 },
    });

    expect(result.data).toEqual({ id: 'tr_1' });
    expect(server.requests).toHaveLength(2);
    const keys = server.requests.map((r) => r.headers['idempotency-key']);
    expect(keys[0]).toMatch(UUID_V4);
    expect(keys[1]).toBe(keys[0]);
  });

  it('sends a caller-supplied idempotencyKey verbatim on every attempt', async () => {
    const server = await serve((_req, res, { index }) =>
      index === 0 ? send(res, 503, { error: 'unavailable' }) : send(res, 201, { id: 'tr_2' }),
    );
    const transport = testTransport({ baseUrl: server.url, idempotencyHeader: 'Idempotency-Key' });

    await transport.request(
      { method: 'POST', path: '/transfers', body: { amount_in_cents: 100 } },
      { idempotencyKey: 'order-2024-0001' },
    );

    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'order-2024-0001',
      'order-2024-0001',
    ]);
  });

  it('gives two separate calls different keys, and a GET none', async () => {
    const server = await serve((_req, res) => send(res, 200, { ok: true }));
    const transport = testTransport({ baseUrl: server.url, idempotencyHeader: 'Idempotency-Key' });

    await transport.request({ method: 'POST', path: '/transfers', body: { n: 1 } });
    await transport.request({ method: 'POST', path: '/transfers', body: { n: 2 } });
    await transport.request({ method: 'GET', path: '/transfers' });

    const [k1, k2, k3] = server.requests.map((r) => r.headers['idempotency-key']);
    expect(k1).toMatch(UUID_V4);
    expect(k2).toMatch(UUID_V4);
    expect(k2).not.toBe(k1);
    expect(k3).toBeUndefined();
  });
});

describe('Transport retries: maxRetries', () => {
  it('makes a single attempt when the client sets maxRetries: 0', async () => {
    const server = await serve((_req, res) => send(res, 503, { error: 'unavailable' }));
    const transport = testTransport({ baseUrl: server.url, maxRetries: 0 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: '/things' }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('makes 1 + maxRetries attempts by default (2 retries)', async () => {
    const server = await serve((_req, res) => send(res, 503, { error: 'unavailable' }));
    const transport = testTransport({ baseUrl: server.url });

    await rejectionOf(transport.request({ method: 'GET', path: '/things' }));

    expect(server.requests).toHaveLength(3);
  });

  it("lets a call's maxRetries override the client's, both up and down", async () => {
    const server = await serve((_req, res) => send(res, 503, { error: 'unavailable' }));
    const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

    await rejectionOf(transport.request({ method: 'GET', path: '/down' }, { maxRetries: 0 }));
    await rejectionOf(transport.request({ method: 'GET', path: '/up' }, { maxRetries: 4 }));

    expect(server.requests.filter((r) => r.url === '/down')).toHaveLength(1);
    expect(server.requests.filter((r) => r.url === '/up')).toHaveLength(5);
  });
});

describe('Transport retries: client errors are never retried', () => {
  const cases = [
    { status: 400, ErrorClass: BadRequestError, name: 'BadRequestError' },
    { status: 401, ErrorClass: AuthenticationError, name: 'AuthenticationError' },
    { status: 404, ErrorClass: NotFoundError, name: 'NotFoundError' },
    { status: 409, ErrorClass: ConflictError, name: 'ConflictError' },
    { status: 413, ErrorClass: PayloadTooLargeError, name: 'PayloadTooLargeError' },
    { status: 422, ErrorClass: UnprocessableEntityError, name: 'UnprocessableEntityError' },
  ];

  it.each(cases)(
    'maps $status to $name with every field, after exactly one request',
    async ({ status, ErrorClass, name }) => {
      const server = await serve((_req, res) =>
        send(
          res,
          status,
          { error: `code_${status}`, message: `Refused with ${status}` },
          { 'x-request-id': `req-${status}` },
        ),
      );
      const transport = testTransport({ baseUrl: server.url, maxRetries: 2 });

      const error = await rejectionOf(
        transport.request({ method: 'GET', path: '/things', query: { page: 2 } }),
      );

      expect(error).toBeInstanceOf(ErrorClass);
      const apiError = error as ApiError;
      expect(apiError.name).toBe(name);
      expect(apiError.status).toBe(status);
      expect(apiError.code).toBe(`code_${status}`);
      expect(apiError.message).toBe(`${status} code_${status}: Refused with ${status}`);
      expect(apiError.requestId).toBe(`req-${status}`);
      expect(apiError.method).toBe('GET');
      expect(apiError.url).toBe(`${server.url}/things?page=2`);
      expect(apiError.body).toEqual({ error: `code_${status}`, message: `Refused with ${status}` });
      expect(server.requests).toHaveLength(1);
    },
  );
});

describe('Transport retries: redirects', () => {
  it('does not follow a redirect to another origin, and keeps the key out of the error', async () => {
    const other = await serve((_req, res) => send(res, 200, { stolen: true }));
    const server = await serve((_req, res) => {
      res.writeHead(302, { location: `${other.url}/collect?apikey=${CANARY_KEY}` });
      res.end();
    });
    // The key travels in the query string, so a careless error would leak it through the URL.
    const transport = testTransport({ baseUrl: server.url, auth: queryAuth('apikey') });

    const error = await rejectionOf(transport.request({ method: 'GET', path: '/things' }));

    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.url).toContain(`apikey=${CANARY_KEY}`);
    expect(other.requests).toHaveLength(0);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(302);
    expect(apiError.message).toContain('does not follow redirects');
    expect(apiError.message).toContain(other.url);
    expect(apiError.url).toContain('apikey=***');
    for (const text of [apiError.url, apiError.message, String(apiError), JSON.stringify(apiError)]) {
      expect(text).not.toContain(CANARY_KEY);
    }
  });
});
