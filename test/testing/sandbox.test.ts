import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../src/core/errors/index.js';
import type { FakeApi } from '../../src/testing/fake-api.js';
import { createICloudReadyFake } from '../../src/testing/icloudready-fake/index.js';
import { createRuleFake } from '../../src/testing/rule-fake/index.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../../src/testing/sandbox/start-sandbox.js';

/** A tiny stand-in fake: echoes what it received, so the bridge can be checked byte for byte. */
function echoFake(name: string, prefix: string): FakeApi<{ requests: number }> {
  const state = { requests: 0 };
  return {
    name,
    apiKey: `${name}-key`,
    pathPrefixes: [prefix],
    state,
    reset: () => {
      state.requests = 0;
    },
    async fetch(request) {
      state.requests++;
      const body = request.method === 'GET' ? null : await request.text();
      return Response.json(
        { method: request.method, url: request.url, auth: request.headers.get('authorization'), body },
        { status: 201, headers: { 'x-request-id': 'req_1' } },
      );
    },
  };
}

let sandbox: Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function start(options: Partial<SandboxOptions> = {}): Promise<Sandbox> {
  sandbox = await startSandbox({ fakes: [echoFake('rule', '/api/v2')], ...options });
  return sandbox;
}

/** A raw request with headers `fetch` would not let us forge (`Host`), and the status and body it got. */
function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

it('serves each fake on its own loopback origin and passes requests through unchanged', async () => {
  sandbox = await startSandbox({ fakes: [echoFake('rule', '/api/v2'), echoFake('sequence', '/api/v1')] });
  const rule = sandbox.endpoint('rule');
  const seq = sandbox.endpoint('sequence');
  expect(rule.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
  expect(rule.port).toBe(Number(new URL(rule.baseUrl).port));
  expect(new URL(rule.baseUrl).port).not.toBe(new URL(seq.baseUrl).port);

  const response = await fetch(`${rule.baseUrl}/subscribers?limit=2`, {
    method: 'POST',
    headers: { authorization: 'Bearer rule-key', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Hej å ä ö' }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('x-request-id')).toBe('req_1');
  expect(await response.json()).toEqual({
    method: 'POST',
    url: `${rule.baseUrl}/subscribers?limit=2`,
    auth: 'Bearer rule-key',
    body: JSON.stringify({ name: 'Hej å ä ö' }),
  });
  expect(rule.fake.state).toEqual({ requests: 1 });
});

it('closes every server so the ports are free again', async () => {
  const { baseUrl } = (await start()).endpoint('rule');
  await sandbox?.close();
  sandbox = undefined;
  await expect(fetch(`${baseUrl}/x`)).rejects.toThrow();
});

it('drops the connection when the fake does (a network fault)', async () => {
  const fake = createICloudReadyFake({ faults: [{ network: true }] });
  sandbox = await startSandbox({ fakes: [fake] });
  const { baseUrl, apiKey } = sandbox.endpoint('icloudready');
  const headers = { authorization: `Bearer ${apiKey}` };
  await expect(fetch(`${baseUrl}/sequences`, { headers })).rejects.toThrow(TypeError);
  expect((await fetch(`${baseUrl}/sequences`, { headers })).status).toBe(200);
});

describe('CORS', () => {
  it('lets pages on loopback origins read answers, naming the page origin, by default', async () => {
    const { baseUrl, fake } = (await start()).endpoint('rule');
    for (const origin of ['http://localhost:5173', 'http://127.0.0.1:8080', 'http://[::1]:3000']) {
      const response = await fetch(`${baseUrl}/subscribers`, { headers: { origin } });
      expect(response.status).toBe(201);
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toBe('Origin');
    }
    expect(fake.state).toEqual({ requests: 3 });
  });

  it('refuses a cross-origin POST from an origin not named, before any fake sees it', async () => {
    const rule = createRuleFake();
    sandbox = await startSandbox({ fakes: [rule] });
    const { baseUrl, apiKey } = sandbox.endpoint('rule');
    const before = rule.state.subscribers.length;

    const response = await fetch(`${baseUrl}/subscribers`, {
      method: 'POST',
      // A form post needs no preflight: only the Origin header tells the page apart.
      headers: {
        origin: 'https://evil.example',
        'content-type': 'text/plain',
        authorization: `Bearer ${apiKey}`,
      },
      body: JSON.stringify({ subscribers: { email: 'planted@example.com' }, tags: ['Evil'] }),
    });

    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    expect((await response.json()).error).toBe('origin_not_allowed');
    expect(rule.state.subscribers).toHaveLength(before);
  });

  it('answers preflights itself: allowed with the headers the SDK sends, refused for other origins', async () => {
    const { baseUrl, fake } = (await start()).endpoint('rule');
    const preflight = (origin: string) =>
      fetch(`${baseUrl}/subscribers`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-private-network': 'true',
        },
      });

    const allowed = await preflight('http://localhost:5173');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('idempotency-key');
    expect(allowed.headers.get('access-control-allow-private-network')).toBe('true');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    expect(fake.state).toEqual({ requests: 0 });
  });

  it("allows a preflight's own headers for an allowed origin: a client's defaultHeaders and extraHeaders", async () => {
    const { baseUrl } = (await start()).endpoint('rule');
    const preflight = (requested: string) =>
      fetch(`${baseUrl}/templates`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://localhost:5173',
          'access-control-request-method': 'GET',
          'access-control-request-headers': requested,
        },
      });
    const allowed = (await preflight('authorization,X-Trace, traceparent')).headers.get(
      'access-control-allow-headers',
    );
    expect(allowed?.split(/\s*,\s*/)).toEqual(
      expect.arrayContaining(['authorization', 'idempotency-key', 'x-request-id', 'x-trace', 'traceparent']),
    );
    // Only header names are echoed: anything else leaves the fixed list as it is.
    const odd = (await preflight('x-a; x-b')).headers.get('access-control-allow-headers');
    expect(odd).not.toContain('x-a');
    expect(odd).toContain('idempotency-key');
  });

  it('allows exactly the origins named, by exact origin, any port, or every origin', async () => {
    const status = async (corsOrigins: string[], origin: string) => {
      const { baseUrl } = (await start({ corsOrigins })).endpoint('rule');
      const response = await fetch(`${baseUrl}/x`, { headers: { origin } });
      await sandbox?.close();
      sandbox = undefined;
      return response.status;
    };
    expect(await status(['https://app.example.com'], 'https://app.example.com')).toBe(201);
    expect(await status(['https://app.example.com'], 'https://app.example.com:8443')).toBe(403);
    expect(await status(['https://app.example.com'], 'http://localhost:5173')).toBe(403);
    expect(await status(['http://localhost:*'], 'http://localhost:1234')).toBe(201);
    expect(await status(['http://localhost:*'], 'https://localhost:1234')).toBe(403);
    expect(await status(['http://localhost:*'], 'null')).toBe(403);
    expect(await status(['*'], 'https://anywhere.example')).toBe(201);
  });

  it('refuses an origin pattern that is not an origin', async () => {
    for (const pattern of ['localhost:5173', 'http://localhost:5173/app', 'http://*.example.com', 'null']) {
      await expect(start({ corsOrigins: [pattern] }), pattern).rejects.toBeInstanceOf(ConfigurationError);
    }
  });
});

describe('request bodies', () => {
  it('answers 413 to a body above the cap as it streams in, without reading the rest', async () => {
    const { baseUrl, fake } = (await start({ maxBodyBytes: 2 ** 20 })).endpoint('rule');
    const offered = 256 * 2 ** 20;
    let produced = 0;
    const chunk = Buffer.alloc(64 * 1024, 'x');

    const status = await new Promise<number>((resolve, reject) => {
      // Chunked, with no Content-Length to go by: the cap must hold while reading.
      const req = http.request(`${baseUrl}/subscribers`, { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      const write = () => {
        while (produced < offered) {
          produced += chunk.length;
          if (!req.write(chunk)) return void req.once('drain', write);
        }
        req.end();
      };
      write();
    });

    expect(status).toBe(413);
    // The sandbox stopped reading and closed the connection: only what the socket buffers held was sent.
    expect(produced).toBeLessThan(offered / 8);
    expect(fake.state).toEqual({ requests: 0 });
  });

  it('answers 413 at once when the declared Content-Length is above the cap', async () => {
    const { baseUrl, fake } = (await start()).endpoint('rule');
    const response = await rawRequest(`${baseUrl}/subscribers`, {
      method: 'POST',
      headers: { 'content-length': String(DEFAULT_MAX_BODY_BYTES + 1), origin: 'http://localhost:5173' },
    });

    expect(response.status).toBe(413);
    expect(JSON.parse(response.body)).toEqual({
      error: 'RequestEntityTooLarge',
      message: 'Request bodies are limited to 10 MiB',
    });
    // A page may read why, like any other answer.
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:5173');
    expect(fake.state).toEqual({ requests: 0 });
  });

  it('passes a body at the cap through', async () => {
    const { baseUrl } = (await start({ maxBodyBytes: 1000 })).endpoint('rule');
    const response = await fetch(`${baseUrl}/x`, { method: 'POST', body: 'x'.repeat(1000) });
    expect(response.status).toBe(201);
    expect((await response.json()).body).toHaveLength(1000);
  });
});

describe('links and host names', () => {
  async function nextLink(sandboxHost: string | undefined, host: string): Promise<string> {
    sandbox = await startSandbox({
      fakes: [createRuleFake()],
      ...(sandboxHost ? { host: sandboxHost } : {}),
    });
    const { apiKey, port } = sandbox.endpoint('rule');
    const response = await rawRequest(`http://127.0.0.1:${port}/api/v2/subscribers?limit=2`, {
      headers: { host, authorization: `Bearer ${apiKey}` },
    });
    await sandbox.close();
    sandbox = undefined;
    expect(response.status).toBe(200);
    return JSON.parse(response.body).meta.next;
  }

  it("builds meta.next from the sandbox's own address, whatever the Host header says", async () => {
    // Bound beyond loopback, so every Host is answered: the link still names the address the request reached.
    const next = new URL(await nextLink('0.0.0.0', 'evil.example:666'));
    expect(next.hostname).toBe('127.0.0.1');
    expect(next.pathname).toBe('/api/v2/subscribers');
  });

  it('names localhost in links for a page that calls it localhost, on its real port', async () => {
    const next = new URL(await nextLink(undefined, 'localhost:1'));
    expect(next.hostname).toBe('localhost');
    expect(next.port).not.toBe('1');
  });

  it('refuses, on loopback, a Host that names another machine (DNS rebinding)', async () => {
    const { port, fake } = (await start()).endpoint('rule');
    const response = await rawRequest(`http://127.0.0.1:${port}/api/v2/x`, {
      headers: { host: 'evil.example' },
    });
    expect(response.status).toBe(403);
    expect(JSON.parse(response.body).error).toBe('host_not_allowed');
    expect(fake.state).toEqual({ requests: 0 });
  });
});

describe('ports', () => {
  async function listenOn(port: number): Promise<http.Server> {
    const server = http.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    return server;
  }
  const takenPort = () => listenOn(0);

  /** A taken port whose predecessor is free. */
  async function takenAfterFree(): Promise<http.Server> {
    for (;;) {
      const blocker = await takenPort();
      const free = await listenOn((blocker.address() as AddressInfo).port - 1).catch(() => undefined);
      if (free) {
        await new Promise((resolve) => free.close(resolve));
        return blocker;
      }
      blocker.close();
    }
  }

  it('takes a free port, and says which it asked for, when a port is taken and that is allowed', async () => {
    const blocker = await takenPort();
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const endpoint = (await start({ port: taken, whenPortTaken: 'any' })).endpoint('rule');
      expect(endpoint.requestedPort).toBe(taken);
      expect(endpoint.port).not.toBe(taken);
      expect((await fetch(`${endpoint.baseUrl}/x`)).status).toBe(201);
    } finally {
      blocker.close();
    }
  });

  it('fails clearly when a port is taken, and leaves no server of its own behind', async () => {
    const blocker = await takenAfterFree();
    const taken = (blocker.address() as AddressInfo).port;
    try {
      const attempt = startSandbox({
        fakes: [echoFake('rule', '/api/v2'), echoFake('sequence', '/api/v1')],
        port: taken - 1,
      });
      await expect(attempt).rejects.toThrow(`Port ${taken} on 127.0.0.1 is in use`);
      await expect(fetch(`http://127.0.0.1:${taken - 1}/api/v2/x`)).rejects.toThrow();
    } finally {
      blocker.close();
    }
  });
});
