import type http from 'node:http';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../src/core/errors/api-error.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { bodyAuth, queryAuth } from '../../src/internal/auth.js';
import { useServers } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY, captureLogger, testTransport } from '../helpers/test-transport.js';

// extraQuery / extraBody / extraHeaders send what a vendor added after the spec, on purpose: checked like every
// other value, never carrying or replacing the key, redacted and logged like the rest.

const serve = useServers();
const ok = (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end('{"ok":true}');
};

describe('extraQuery', () => {
  it('joins the documented query, replacing a parameter of the same name, and is logged redacted', async () => {
    const server = await serve(ok);
    const logger = captureLogger();
    const transport = testTransport({ baseUrl: server.url, logger });

    await transport.request(
      { method: 'GET', path: 'things', query: { limit: 10, page: 1 } },
      { extraQuery: { page: 3, beta: true, ids: [1, 2], api_key: 'vendor-secret', skip: undefined } },
    );

    expect(server.requests[0]!.url).toBe(
      '/things?limit=10&page=3&beta=true&ids=1&ids=2&api_key=vendor-secret',
    );
    expect(logger.lines[0]).toContain('/things?limit=10&page=3&beta=true&ids=1&ids=2&api_key=***');
  });

  it('cannot carry the key under query auth, and is checked like any query value', async () => {
    const server = await serve(ok);
    const transport = testTransport({ baseUrl: server.url, auth: queryAuth('apikey') });
    for (const extraQuery of [
      { apikey: 'mine' },
      { APIKEY: 'mine' },
      { q: '\uD800' },
      { n: Number.NaN },
      { o: {} },
    ]) {
      const error = await rejectionOf(
        transport.request({ method: 'GET', path: 'things' }, { extraQuery } as never),
      );
      expect(error, JSON.stringify(extraQuery)).toBeInstanceOf(RequestValidationError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('extraBody', () => {
  it('adds top-level fields to the JSON body (replacing documented ones of the same name)', async () => {
    const server = await serve(ok);
    const transport = testTransport({ baseUrl: server.url });

    await transport.request(
      { method: 'POST', path: 'things', body: { a: 1, b: 2 } },
      { extraBody: { b: 3, c: [4] } },
    );
    await transport.request({ method: 'DELETE', path: 'things/1' }, { extraBody: { reason: 'spam' } });

    expect(server.requests.map((r) => JSON.parse(r.body))).toEqual([
      { a: 1, b: 3, c: [4] },
      { reason: 'spam' },
    ]);
  });

  it("keeps the key field under body auth the client's own, and the key out of errors", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'Bad', message: `echo ${CANARY_KEY}` }));
    });
    const transport = testTransport({
      baseUrl: server.url,
      auth: bodyAuth('apikey', 'apikey'),
      maxRetries: 0,
    });

    const refused = await rejectionOf(
      transport.request({ method: 'POST', path: 'things', body: {} }, { extraBody: { apikey: 'other' } }),
    );
    expect(refused).toBeInstanceOf(RequestValidationError);
    const error = await rejectionOf(
      transport.request({ method: 'POST', path: 'things', body: { a: 1 } }, { extraBody: { b: 2 } }),
    );
    expect(JSON.parse(server.requests[0]!.body)).toEqual({ a: 1, b: 2, apikey: CANARY_KEY });
    expect(error).toBeInstanceOf(ApiError);
    expect(JSON.stringify(error)).not.toContain(CANARY_KEY);
  });

  it('is refused where there is no JSON object body to add to, or when it cannot be sent as JSON', async () => {
    const server = await serve(ok);
    const transport = testTransport({ baseUrl: server.url });
    const cases = [
      { method: 'GET', path: 'things', extraBody: { a: 1 } },
      { method: 'POST', path: 'things', body: [1, 2], extraBody: { a: 1 } },
      { method: 'POST', path: 'things', body: {}, extraBody: { n: 1n } },
    ] as const;
    for (const { extraBody, ...op } of cases) {
      const error = await rejectionOf(transport.request(op as never, { extraBody }));
      expect(error, op.method).toBeInstanceOf(RequestValidationError);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe('extraHeaders', () => {
  it('are sent after `headers`, and never replace the key, the idempotency key or the request id', async () => {
    const server = await serve(ok);
    const transport = testTransport({
      baseUrl: server.url,
      idempotencyHeader: 'Idempotency-Key',
      requestIdHeader: 'X-Request-ID',
    });

    await transport.request(
      { method: 'POST', path: 'things', body: {} },
      {
        headers: { 'x-beta': 'from-headers', 'x-keep': 'kept' },
        extraHeaders: {
          'X-Beta': 'from-extra',
          authorization: 'Bearer stolen',
          'idempotency-key': 'forged',
          'x-request-id': 'forged',
        },
        idempotencyKey: 'order-1',
        requestId: 'req-1',
      },
    );

    const headers = server.requests[0]!.headers;
    expect(headers['x-beta']).toBe('from-extra');
    expect(headers['x-keep']).toBe('kept');
    expect(headers.authorization).toBe(`Bearer ${CANARY_KEY}`);
    expect(headers['idempotency-key']).toBe('order-1');
    expect(headers['x-request-id']).toBe('req-1');
  });

  it('are checked like `headers`', async () => {
    const transport = testTransport({ baseUrl: 'http://127.0.0.1:9' });
    for (const extraHeaders of [{ 'a b': 'x' }, { x: 'line\nbreak' }, { x: 1 }]) {
      const error = await rejectionOf(
        transport.request({ method: 'GET', path: 'a' }, { extraHeaders } as never),
      );
      expect(error, JSON.stringify(extraHeaders)).toBeInstanceOf(RequestValidationError);
    }
  });
});
