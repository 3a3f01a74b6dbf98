import type http from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  ConnectionError,
  InternalServerError,
  ResponseValidationError,
  TimeoutError,
} from '../../src/core/errors/index.js';
import { queryAuth } from '../../src/internal/auth.js';
import { useServers } from '../helpers/http-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY, captureLogger, testTransport } from '../helpers/test-transport.js';

const serve = useServers();
const MiB = 1024 * 1024;

/** Streams `{"data":"xxx…` until the client hangs up; reports how many bytes went out. */
function endlessBody(status: number): {
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void;
  sent: () => number;
} {
  let sent = 0;
  const chunk = Buffer.alloc(256 * 1024, 'x');
  return {
    sent: () => sent,
    handler: (_req, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.write('{"data":"');
      const pump = () => {
        while (!res.destroyed && sent < 1024 * MiB) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.destroy();
      };
      pump();
    },
  };
}

describe('response bodies are read up to a limit', () => {
  it('refuses a 2xx body above the default 32 MiB without downloading the rest', async () => {
    const body = endlessBody(200);
    const server = await serve(body.handler);
    const transport = testTransport({ baseUrl: server.url });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'things' }));

    expect(error).toBeInstanceOf(ResponseValidationError);
    expect((error as Error).message).toContain(`Body exceeds ${32 * MiB} bytes`);
    expect(String((error as ResponseValidationError).body)).toHaveLength(2_000);
    // Socket buffers let a little more out, but nowhere near the gigabyte on offer.
    expect(body.sent()).toBeLessThan(64 * MiB);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the first 1 MiB of an endless error body and still retries by status', async () => {
    const body = endlessBody(503);
    const server = await serve(body.handler);
    const transport = testTransport({ baseUrl: server.url, maxRetries: 1 });

    const error = await rejectionOf(transport.request({ method: 'GET', path: 'things' }));

    expect(error).toBeInstanceOf(InternalServerError);
    expect(String((error as InternalServerError).body)).toHaveLength(MiB);
    expect(server.requests).toHaveLength(2);
  });

  it('honours a smaller configured limit, and accepts a body exactly at it', async () => {
    const text = JSON.stringify({ data: 'é'.repeat(100) });
    const size = Buffer.byteLength(text);
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(text);
    });

    const exact = testTransport({ baseUrl: server.url, maxResponseBytes: size });
    expect((await exact.request({ method: 'GET', path: 'a' })).data).toEqual({ data: 'é'.repeat(100) });
    const under = testTransport({ baseUrl: server.url, maxResponseBytes: size - 1 });
    expect(await rejectionOf(under.request({ method: 'GET', path: 'a' }))).toBeInstanceOf(
      ResponseValidationError,
    );
  });
});

describe('the Response that .withResponse() exposes', () => {
  it('has the key masked in its url under query auth, and a body that can be read again', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'r-1' });
      res.end('{"id":1}');
    });
    const transport = testTransport({ baseUrl: `${server.url}/api`, auth: queryAuth('apikey') });

    const { response } = await transport.request({ method: 'GET', path: 'things/1', query: { a: 'b' } });

    expect(server.requests[0]!.url).toContain(`apikey=${CANARY_KEY}`);
    expect(response.url).toBe(`${server.url}/api/things/1?a=b&apikey=***`);
    expect(response.clone().url).not.toContain(CANARY_KEY);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('r-1');
    expect(await response.json()).toEqual({ id: 1 });
  });

  it('keeps a 204 without a body', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(204);
      res.end();
    });
    const transport = testTransport({ baseUrl: server.url });

    const { response, data } = await transport.request({ method: 'DELETE', path: 'things/1' });

    expect(data).toBeUndefined();
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();
  });
});

describe('an attempt that loses its connection after the headers', () => {
  it('is logged like any other failed attempt', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"partial":', () => res.destroy());
    });
    const logger = captureLogger();
    const transport = testTransport({ baseUrl: server.url, logger, logLevel: 'info', maxRetries: 0 });

    const error = await rejectionOf(transport.request({ method: 'POST', path: 'things', body: {} }));

    expect(error).toBeInstanceOf(ConnectionError);
    expect(logger.lines).toEqual([
      expect.stringMatching(/POST \S+\/things -> 200, body lost in \d+ ms \(attempt 1\)$/),
    ]);
  });
});

describe('the attempt timeout covers the body, whatever the garbage collector does', () => {
  it('cuts off headers followed by a trickle while collections run', async () => {
    // fetch reaches the body's stream only through weakly held objects; collected, the timeout no longer arrives.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const trickle = setInterval(() => (res.destroyed ? clearInterval(trickle) : res.write(' ')), 20);
    });
    const transport = testTransport({ baseUrl: server.url, timeout: 300, maxRetries: 0 });
    const collecting = setInterval(gc, 10);

    const outcome = await Promise.race([
      rejectionOf(transport.request({ method: 'GET', path: 'things' })),
      new Promise((resolve) => setTimeout(resolve, 5_000, 'still reading after 5 s')),
    ]).finally(() => clearInterval(collecting));

    expect(outcome).toBeInstanceOf(TimeoutError);
    expect(outcome).toMatchObject({ kind: 'attempt', timeoutMs: 300 });
  });
});

describe("a vendor's prepared response schemas", () => {
  it('validate in place of the operation schema, which the transport hands over each time', async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":1}');
    });
    const original = { '~standard': { validate: () => ({ value: 'from the original' }) } };
    const prepared = { '~standard': { validate: (value: unknown) => ({ value: { prepared: value } }) } };
    const seen: unknown[] = [];
    const transport = testTransport({
      baseUrl: server.url,
      prepareSchema: <T>(schema: unknown) => {
        seen.push(schema);
        return prepared as never as import('../../src/internal/standard-schema.js').ResponseSchema<T>;
      },
    });

    const first = await transport.request({ method: 'GET', path: 'things/1', schema: original });
    await transport.request({ method: 'GET', path: 'things/1', schema: original });

    expect(first.data).toEqual({ prepared: { id: 1 } });
    expect(seen).toEqual([original, original]);
  });
});
