import { describe, expect, it } from 'vitest';
import { RateLimitError } from '../../src/core/errors/status-errors.js';
import { parseRetryAfter } from '../../src/internal/retry-after.js';
import { RuleClient } from '../../src/rule/client.js';
import { parseRuleDateTime } from '../../src/rule/datetime.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import { createRuleFake } from '../../src/testing/rule-fake/index.js';
import { BASE, KEY, ruleFake } from './rule-fake-helpers.js';

// Transport-level behaviour: auth modes, pagination links, the rate limit, unknown routes.

describe('auth', () => {
  it.each([
    ['Bearer header', `${BASE}/v2/templates`, { authorization: `Bearer ${KEY}` }, undefined],
    ['apikey query', `${BASE}/v2/templates?apikey=${KEY}`, {}, undefined],
    ['apikey body field', `${BASE}/v2/customizations`, {}, { apikey: KEY, fields: [{ key: 'A.B' }] }],
  ])('accepts the key as %s', async (_mode, url, headers, body) => {
    const fake = createRuleFake();
    const response = await fake.fetch(
      new Request(url, { method: body ? 'POST' : 'GET', headers, body: body && JSON.stringify(body) }),
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['no key', `${BASE}/v2/templates`, {}],
    ['a wrong Bearer key', `${BASE}/v2/templates`, { authorization: 'Bearer nope' }],
    ['a wrong query key', `${BASE}/v2/templates?apikey=nope`, {}],
    ['no key on v3', `${BASE}/v3/subscribers/block`, {}],
  ])('answers %s with 401 NotAuthorized', async (_case, url, headers) => {
    const fake = createRuleFake();
    const method = url.includes('v3') ? 'POST' : 'GET';
    const response = await fake.fetch(new Request(url, { method, headers }));
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: 'NotAuthorized' });
  });

  it.each(['header', 'query', 'body'] as const)('works with the SDK in auth mode %s', async (auth) => {
    const fake = createRuleFake({ rateLimit: false });
    const rule = new RuleClient({ apiKey: KEY, auth, fetch: fakeFetch(fake), rateLimit: false });
    await rule.subscribers.create({ subscriber: { email: `${auth}@example.com` }, tags: ['Auth'] });
    const page = await rule.subscribers.list({ limit: 100 });
    const next = await page.getNextPage();
    expect(next?.data.length).toBe(100);
    expect(fake.state.subscribers.at(-1)?.email).toBe(`${auth}@example.com`);
  });
});

describe('pagination', () => {
  it('links the next page on the request origin, with the apikey when the caller sent it by query', async () => {
    const { call } = ruleFake();
    const byQuery = await call('GET', `http://localhost:8787/api/v2/subscribers?apikey=${KEY}`, undefined, {
      authorization: '',
    });
    expect((byQuery.json as { meta: unknown }).meta).toEqual({
      next: `http://localhost:8787/api/v2/subscribers?page=2&limit=100&apikey=${KEY}`,
    });
    const byHeader = await call('GET', 'subscribers?limit=3');
    expect((byHeader.json as { meta: unknown }).meta).toEqual({
      next: `${BASE}/v2/subscribers?page=2&limit=3`,
    });
  });

  it('pages by limit and page; the last page has next null', async () => {
    const { fake, call } = ruleFake();
    const total = fake.state.subscribers.length;
    const last = Math.ceil(total / 100);
    const page = await call('GET', `subscribers?page=${last}`);
    const body = page.json as { subscribers: Array<{ id: number }>; meta: { next: unknown } };
    expect(body.subscribers).toHaveLength(total - (last - 1) * 100);
    expect(body.meta.next).toBeNull();
    const beyond = await call('GET', `subscribers?page=${last + 1}`);
    expect(beyond.json).toEqual({ subscribers: [], meta: { next: null } });
  });

  it('keeps filters and a mount prefix in the link', async () => {
    const { call } = ruleFake();
    const filtered = await call('GET', `${BASE}/v2/subscribers?limit=2&source=woorule`);
    expect((filtered.json as { meta: { next: unknown } }).meta.next).toBe(
      `${BASE}/v2/subscribers?page=2&limit=2&source=woorule`,
    );
    const mounted = await call('GET', 'http://127.0.0.1:4010/rule/api/v2/tags?limit=2');
    expect((mounted.json as { meta: { next: unknown } }).meta.next).toBe(
      'http://127.0.0.1:4010/rule/api/v2/tags?page=2&limit=2',
    );
  });
});

describe('rate limit', () => {
  // 10:00:00.500 UTC on a summer day is 12:00:00 in Stockholm (UTC+2).
  const now = Date.UTC(2026, 6, 1, 10, 0, 0, 500);

  it('counts requests in headers, then answers 429 in Rule’s form until the window ends', async () => {
    let clock = now;
    const { call } = ruleFake({ rateLimit: { maxRequests: 3, intervalMs: 60_000 }, now: () => clock });
    for (const n of [1, 2, 3]) {
      const ok = await call('GET', 'templates');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('requestscount-allowed')).toBe('3');
      expect(ok.headers.get('requestscount-current')).toBe(String(n));
    }
    const limited = await call('GET', 'templates');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Too Many Attempts.');
    expect(limited.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(limited.headers.get('retry-after')).toBe('2026-07-01 12:01:01');
    expect(limited.headers.get('date')).toBe('Wed, 01 Jul 2026 10:00:00 GMT');
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
    expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(parseRetryAfter(limited.headers, Date.now, parseRuleDateTime)).toBe(61_000);

    clock = now + 61_000;
    expect((await call('GET', 'templates')).status).toBe(200);
  });

  it('surfaces as the SDK’s RateLimitError with the parsed wait', async () => {
    const fake = createRuleFake({ rateLimit: { maxRequests: 1, intervalMs: 60_000 }, now: () => now });
    const rule = new RuleClient({ apiKey: KEY, fetch: fakeFetch(fake), rateLimit: false, maxRetries: 0 });
    await rule.templates.list();
    const result = await rule.templates.list().safe();
    expect(!result.ok && result.error).toBeInstanceOf(RateLimitError);
    expect(!result.ok && result.error).toMatchObject({
      status: 429,
      code: 'TooManyAttempts',
      retryAfter: 61_000,
    });
  });

  it('lets the SDK wait out a short window and retry', async () => {
    const fake = createRuleFake({ rateLimit: { maxRequests: 1, intervalMs: 500 } });
    const rule = new RuleClient({ apiKey: KEY, fetch: fakeFetch(fake), rateLimit: false, maxRetries: 1 });
    await rule.templates.list();
    await expect(rule.templates.list()).resolves.toHaveLength(2);
    expect(fake.state.requestCount).toBe(3);
  });
});

describe('the server around the routes', () => {
  it('answers unknown routes with a plain-text 404, and a known path with another method with 405', async () => {
    const { call } = ruleFake();
    for (const url of [`${BASE}/v2/nothing-here`, `${BASE}/v9/subscribers`, 'https://app.rule.io/other']) {
      const response = await call('GET', url);
      expect(response.status).toBe(404);
      expect(response.text).toBe('Not Found');
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    }
    const wrong = await call('PATCH', 'subscribers');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST, GET, DELETE');
  });

  it('answers a body that is not JSON with 400', async () => {
    const fake = createRuleFake();
    const response = await fake.fetch(
      new Request(`${BASE}/v2/subscribers`, {
        method: 'POST',
        headers: { authorization: `Bearer ${KEY}` },
        body: '{',
      }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'BadRequest' });
  });

  it('reset() brings back the seeded account in the same state object', async () => {
    const { fake, call } = ruleFake();
    const { state } = fake;
    const seeded = structuredClone(state);
    await call('DELETE', 'subscribers/john%40example.com');
    await call('POST', 'transactionals', {
      transaction_type: 'text_message',
      from: { name: 'Shop' },
      to: { phone_number: '+46701234567' },
      content: 'Hi',
    });
    expect(state.transactions).toHaveLength(1);
    fake.reset();
    expect(fake.state).toBe(state);
    expect(state).toEqual(seeded);
  });

  it('starts empty without the seed', () => {
    const fake = createRuleFake({ seed: false });
    expect(fake.state.subscribers).toEqual([]);
    expect(fake.state.tags).toEqual([]);
    expect(fake.name).toBe('rule');
    expect(fake.pathPrefixes).toEqual(['/api/v2', '/api/v3']);
  });
});
