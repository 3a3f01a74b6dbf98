import { describe, expect, it } from 'vitest';
import type { FakeApi } from '../../src/testing/fake-api.js';
import { createICloudReadyFake, createRuleFake, createSequenceFake } from '../../src/testing/index.js';

// Each fake answers with its API's documented header set (rule.md §4.2, sequence.md §2.0 and the Platform v1
// error table, the iCloudReady seed): exact sets, so a header added or lost is noticed.

const NOW = Date.UTC(2026, 6, 1, 10, 0, 0, 500); // 12:00:00.500 in Stockholm

async function send(fake: FakeApi, url: string, init: RequestInit = {}) {
  const response = await fake.fetch(new Request(url, init));
  return {
    status: response.status,
    headers: Object.fromEntries(response.headers),
    text: await response.text(),
  };
}

describe('Rule', () => {
  const rule = (maxRequests = 2000) =>
    createRuleFake({ now: () => NOW, rateLimit: { maxRequests, intervalMs: 60_000 } });
  const get = (fake: FakeApi, path: string) =>
    send(fake, `https://app.rule.io/api/v2/${path}`, { headers: { authorization: `Bearer ${fake.apiKey}` } });

  it('ordinary answers carry Date, RequestsCount-Allowed/Current (used) and X-ErrorPercent-Limit/Current', async () => {
    const fake = rule();
    const ok = await get(fake, 'templates');
    expect(ok.headers).toEqual({
      'content-type': 'application/json',
      date: 'Wed, 01 Jul 2026 10:00:00 GMT',
      'requestscount-allowed': '2000',
      'requestscount-current': '1',
      'x-errorpercent-limit': '49',
      'x-errorpercent-current': '0',
    });
    const missing = await get(fake, 'subscribers/nobody%40example.com');
    expect(missing.status).toBe(404);
    expect(missing.headers).toMatchObject({ 'requestscount-current': '2', 'x-errorpercent-current': '50' });
    expect((await get(fake, 'segments')).headers).toMatchObject({ 'x-errorpercent-current': '33' });
  });

  it('its 429 is the plain text "Too Many Attempts." with Retry-After, X-RateLimit-Limit and X-RateLimit-Remaining: 0', async () => {
    const fake = rule(1);
    await get(fake, 'templates');
    const limited = await get(fake, 'templates');
    expect(limited.status).toBe(429);
    expect(limited.text).toBe('Too Many Attempts.');
    expect(limited.headers).toEqual({
      'content-type': 'text/plain; charset=utf-8',
      date: 'Wed, 01 Jul 2026 10:00:00 GMT',
      'retry-after': '2026-07-01 12:01:01',
      'x-ratelimit-limit': '1',
      'x-ratelimit-remaining': '0',
      'x-errorpercent-limit': '49',
      'x-errorpercent-current': '0',
    });
  });
});

describe('Sequence', () => {
  const BASE = 'https://api.getsequence.io/api/v1';
  const sequence = (maxRequests = 100) =>
    createSequenceFake({ now: () => NOW, rateLimit: { maxRequests, intervalMs: 60_000 } });
  const call = (fake: FakeApi, method: string, path: string, headers: Record<string, string> = {}) =>
    send(fake, `${BASE}${path}`, { method, headers: { authorization: `ApiKey ${fake.apiKey}`, ...headers } });

  it('every answer, success or error, carries X-Request-ID', async () => {
    const fake = sequence();
    const ok = await call(fake, 'GET', '/accounts');
    expect(ok.headers).toEqual({
      'content-type': 'application/json',
      'x-request-id': expect.stringMatching(/^req_/),
    });
    const missing = await call(fake, 'GET', '/rules/rule_nope', { 'x-request-id': 'req_mine' });
    expect(missing.headers).toEqual({ 'content-type': 'application/json', 'x-request-id': 'req_mine' });
    const deleted = await call(fake, 'DELETE', '/rules/rule_demo_manual');
    expect([deleted.status, deleted.headers]).toEqual([
      204,
      { 'x-request-id': expect.stringMatching(/^req_/) },
    ]);
  });

  it('its 429 rate_limit_exceeded carries Retry-After in whole seconds', async () => {
    const fake = sequence(1);
    await call(fake, 'GET', '/accounts');
    const limited = await call(fake, 'GET', '/accounts');
    expect(limited.status).toBe(429);
    expect(limited.headers).toEqual({
      'content-type': 'application/json',
      'retry-after': '60',
      'x-request-id': expect.stringMatching(/^req_/),
    });
    expect(JSON.parse(limited.text).error.code).toBe('rate_limit_exceeded');
  });

  it('a replayed answer says Idempotent-Replayed: true', async () => {
    const fake = sequence();
    const headers = { 'idempotency-key': 'k-1', 'content-type': 'application/json' };
    const trigger = () =>
      send(fake, `${BASE}/rules/rule_demo_manual/trigger`, {
        method: 'POST',
        headers: { authorization: `ApiKey ${fake.apiKey}`, ...headers },
        body: '{}',
      });
    const first = await trigger();
    const again = await trigger();
    expect(again.headers).toEqual({ ...first.headers, 'idempotent-replayed': 'true' });
    expect(again.text).toBe(first.text);
  });
});

describe('iCloudReady', () => {
  it('answers JSON, errors included', async () => {
    const fake = createICloudReadyFake();
    const url = 'https://api.icloud-ready.com/api/v2/sequences';
    const ok = await send(fake, url, { headers: { authorization: `Bearer ${fake.apiKey}` } });
    const denied = await send(fake, url);
    expect([ok.status, ok.headers]).toEqual([200, { 'content-type': 'application/json' }]);
    expect([denied.status, denied.headers]).toEqual([401, { 'content-type': 'application/json' }]);
  });
});
