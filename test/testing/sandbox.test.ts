import { afterEach, expect, it } from 'vitest';
import type { FakeApi } from '../../src/testing/fake-api.js';
import { createICloudReadyFake } from '../../src/testing/icloudready-fake/index.js';
import { type Sandbox, startSandbox } from '../../src/testing/sandbox/start-sandbox.js';

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

it('serves each fake on its own loopback origin and passes requests through unchanged', async () => {
  sandbox = await startSandbox({ fakes: [echoFake('rule', '/api/v2'), echoFake('sequence', '/api/v1')] });
  const rule = sandbox.endpoint('rule');
  const seq = sandbox.endpoint('sequence');
  expect(rule.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v2$/);
  expect(new URL(rule.baseUrl).port).not.toBe(new URL(seq.baseUrl).port);

  const response = await fetch(`${rule.baseUrl}/subscribers?limit=2`, {
    method: 'POST',
    headers: { authorization: 'Bearer rule-key', 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Hej å ä ö' }),
  });
  expect(response.status).toBe(201);
  expect(response.headers.get('x-request-id')).toBe('req_1');
  expect(response.headers.get('access-control-allow-origin')).toBe('*');
  expect(await response.json()).toEqual({
    method: 'POST',
    url: `${rule.baseUrl}/subscribers?limit=2`,
    auth: 'Bearer rule-key',
    body: JSON.stringify({ name: 'Hej å ä ö' }),
  });
  expect(rule.fake.state).toEqual({ requests: 1 });
});

it('answers CORS preflights itself, without bothering the fake', async () => {
  sandbox = await startSandbox({ fakes: [echoFake('rule', '/api/v2')] });
  const endpoint = sandbox.endpoint('rule');
  const response = await fetch(`${endpoint.baseUrl}/subscribers`, {
    method: 'OPTIONS',
    headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' },
  });
  expect(response.status).toBe(204);
  expect(response.headers.get('access-control-allow-headers')).toContain('idempotency-key');
  expect(endpoint.fake.state).toEqual({ requests: 0 });
});

it('closes every server so the ports are free again', async () => {
  sandbox = await startSandbox({ fakes: [echoFake('rule', '/api/v2')] });
  const { baseUrl } = sandbox.endpoint('rule');
  await sandbox.close();
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
