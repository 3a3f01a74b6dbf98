import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bodyAuth, headerAuth, queryAuth } from '../../src/internal/auth.js';
import { CANARY_KEY, testTransport } from '../helpers/test-transport.js';

const ORIGIN = 'https://auth.example.test';
const BASE = `${ORIGIN}/api/v2`;

interface Seen {
  method: string;
  url: URL;
  headers: Headers;
  body: string;
}

const server = setupServer();
let seen: Seen[] = [];

beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  seen = [];
});
afterAll(() => server.close());

/** Records every request to the test origin and answers with `respond` (200 `{ ok: true }` by default). */
function record(respond: (attempt: number) => Response = () => HttpResponse.json({ ok: true })): void {
  server.use(
    http.all(`${ORIGIN}/*`, async ({ request }) => {
      seen.push({
        method: request.method,
        url: new URL(request.url),
        headers: new Headers(request.headers),
        body: await request.text(),
      });
      return respond(seen.length);
    }),
  );
}

/** Everything that went over the wire for one request, as text. */
function wireText(request: Seen): string {
  const headers = [...request.headers].map(([name, value]) => `${name}: ${value}`).join('\n');
  return `${request.method} ${request.url.href}\n${headers}\n\n${request.body}`;
}

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

function only(): Seen {
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

describe('header auth', () => {
  it('sends Authorization: Bearer <key> and nothing in the URL', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: headerAuth('Bearer') });
    const result = await transport.request({ method: 'GET', path: 'subscribers', query: { limit: 10 } });

    expect(result.data).toEqual({ ok: true });
    const request = only();
    expect(request.url.pathname).toBe('/api/v2/subscribers');
    expect(request.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(request.url.searchParams.has('apikey')).toBe(false);
    expect(request.url.search).toBe('?limit=10');
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('sends Authorization: ApiKey <key> (Sequence scheme)', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: headerAuth('ApiKey') });
    await transport.request({ method: 'POST', path: 'transfers', body: { amount_in_cents: 100 } });

    const request = only();
    expect(request.headers.get('authorization')).toBe(`ApiKey ${CANARY_KEY}`);
    expect(JSON.parse(request.body)).toEqual({ amount_in_cents: 100 });
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('sends the bare key in a custom header when no scheme is given', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: headerAuth(undefined, 'X-Api-Key') });
    await transport.request({ method: 'GET', path: 'ping' });

    const request = only();
    expect(request.headers.get('x-api-key')).toBe(CANARY_KEY);
    expect(request.headers.has('authorization')).toBe(false);
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('does not let per-call headers replace or duplicate the credential', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: headerAuth('Bearer') });
    await transport.request(
      { method: 'GET', path: 'ping' },
      { headers: { Authorization: 'Bearer someone-elses-key', 'X-Trace': 't-1' } },
    );

    const request = only();
    expect(request.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(request.headers.get('x-trace')).toBe('t-1');
    expect(wireText(request)).not.toContain('someone-elses-key');
  });
});

describe('query auth', () => {
  it('adds ?apikey=<key> exactly once and sends no Authorization header', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: queryAuth('apikey') });
    await transport.request({ method: 'GET', path: 'subscribers', query: { limit: 5, tags: ['a', 'b'] } });

    const request = only();
    expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
    expect(request.url.searchParams.get('limit')).toBe('5');
    expect(request.url.searchParams.getAll('tags')).toEqual(['a', 'b']);
    expect(request.headers.has('authorization')).toBe(false);
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('replaces an apikey the caller put in the query instead of adding a second one', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth: queryAuth('apikey') });
    await transport.request({ method: 'GET', path: 'subscribers', query: { apikey: 'injected' } });

    const request = only();
    expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
  });

  it('carries the key exactly once on every retry attempt', async () => {
    record((attempt) =>
      attempt < 3
        ? HttpResponse.json({ error: 'unavailable' }, { status: 503 })
        : HttpResponse.json({ ok: 1 }),
    );
    const transport = testTransport({ baseUrl: BASE, auth: queryAuth('apikey'), maxRetries: 2 });
    await transport.request({ method: 'GET', path: 'subscribers' });

    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
      expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
    }
  });
});

describe('body auth', () => {
  const auth = bodyAuth('apikey', 'apikey');

  it('adds the key as a top-level JSON field of object bodies, not in the URL', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth });
    const body = { subscribers: [{ email: 'ada@example.com' }], tags: ['VIP'] };
    await transport.request({ method: 'POST', path: 'subscribers', body });

    const request = only();
    expect(JSON.parse(request.body)).toEqual({ ...body, apikey: CANARY_KEY });
    expect(request.url.searchParams.has('apikey')).toBe(false);
    expect(request.headers.has('authorization')).toBe(false);
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('does not mutate the caller’s body object', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth });
    const body = { name: 'x' };
    await transport.request({ method: 'PUT', path: 'things/1', body });
    expect(body).toEqual({ name: 'x' });
  });

  it('falls back to the query parameter for a body-less GET', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth });
    await transport.request({ method: 'GET', path: 'subscribers', query: { limit: 1 } });

    const request = only();
    expect(request.body).toBe('');
    expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });

  it('falls back to the query parameter when the JSON body is an array', async () => {
    record();
    const transport = testTransport({ baseUrl: BASE, auth });
    await transport.request({ method: 'POST', path: 'bulk', body: [{ email: 'a@example.com' }] });

    const request = only();
    expect(JSON.parse(request.body)).toEqual([{ email: 'a@example.com' }]);
    expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
    expect(occurrences(wireText(request), CANARY_KEY)).toBe(1);
  });
});

describe('custom fetch', () => {
  it('is called unbound, so a fetch that rejects a foreign `this` still works', async () => {
    record();
    const thisValues: unknown[] = [];
    // Mirrors browsers' native fetch, which throws "Illegal invocation" when called on another object.
    const strictFetch = function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
      thisValues.push(this);
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return globalThis.fetch(input, init);
    } as typeof fetch;
    const transport = testTransport({ baseUrl: BASE, auth: headerAuth('Bearer'), fetch: strictFetch });

    const result = await transport.request({ method: 'GET', path: 'ping' });

    expect(result.data).toEqual({ ok: true });
    expect(thisValues).toHaveLength(1);
    expect(thisValues[0] === undefined || thisValues[0] === globalThis).toBe(true);
    expect(only().headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('is the fetch that actually sends the request (with auth applied)', async () => {
    const calls: Request[] = [];
    const fakeFetch: typeof fetch = async (input, init) => {
      calls.push(new Request(input, init));
      return Response.json({ via: 'custom' });
    };
    const transport = testTransport({ baseUrl: BASE, auth: queryAuth('apikey'), fetch: fakeFetch });

    const result = await transport.request({ method: 'GET', path: 'ping' });

    expect(result.data).toEqual({ via: 'custom' });
    expect(seen).toHaveLength(0);
    expect(calls).toHaveLength(1);
    expect(new URL(calls[0]!.url).searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
  });
});
