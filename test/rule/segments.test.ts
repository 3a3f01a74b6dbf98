import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ResponseValidationError } from '../../src/core/errors/response-validation-error.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { server, seen, answer } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

const segment = (id: number) => ({
  id,
  name: `Segment ${id}`,
  description: null,
  created_at: '2016-03-29 12:00:00',
  updated_at: '2016-03-29 12:00:00',
  sync_at: '12:00:00',
});

describe('segments.list — GET /segments', () => {
  it('sends limit and returns the documented first page', async () => {
    answer('listSegments');
    const page = await rule.segments.list({ limit: 2 });
    expect(page.data).toEqual(
      (ruleV2.response('listSegments', '200', 'docs') as { segments: unknown[] }).segments,
    );
    expect(page.data.map((s) => s.id)).toEqual([1, 2]);
    expect(page.hasNextPage()).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(seen[0]!.url.href).toBe(`${BASE}/segments?limit=2`);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('sends no limit when none is given (Rule defaults to 100)', async () => {
    answer('listSegments', { body: { segments: [], meta: { next: null } } });
    const page = await rule.segments.list();
    expect(page.data).toEqual([]);
    expect(page.hasNextPage()).toBe(false);
    expect(seen[0]!.url.href).toBe(`${BASE}/segments`);
  });

  it('follows the documented meta.next without its apikey, keeping the Bearer header', async () => {
    answer('listSegments');
    const first = await rule.segments.list({ limit: 2 });
    answer('listSegments', { body: { segments: [segment(3)], meta: [] } });
    const second = await first.getNextPage();
    expect(second.data).toEqual([segment(3)]);
    expect(second.hasNextPage()).toBe(false);
    expect(seen[1]!.url.href).toBe(`${BASE}/segments?page=2&limit=2`);
    expect(seen[1]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('ends at a last page whose meta is null or absent, and refuses a non-empty meta array it cannot follow', async () => {
    for (const meta of [null, undefined]) {
      answer('listSegments', { body: { segments: [segment(1)], meta } });
      const page = await rule.segments.list();
      expect(page.data).toEqual([segment(1)]);
      expect(page.hasNextPage()).toBe(false);
    }
    answer('listSegments', { body: { segments: [segment(1)], meta: [`${BASE}/segments?page=2`] } });
    expect(await rule.segments.list().catch((e: unknown) => e)).toBeInstanceOf(ResponseValidationError);
  });

  it('streams every segment across three pages with for await', async () => {
    const pages = [
      { segments: [segment(1), segment(2)], meta: { next: `${BASE}/segments?page=2&limit=2&apikey=LEAK` } },
      { segments: [segment(3), segment(4)], meta: { next: `${BASE}/segments?page=3&limit=2` } },
      { segments: [segment(5)], meta: { next: null } },
    ];
    const urls: string[] = [];
    server.use(
      http.get(`${BASE}/segments`, ({ request }) => {
        urls.push(request.url);
        return HttpResponse.json(pages[urls.length - 1]);
      }),
    );
    const ids: number[] = [];
    for await (const s of rule.segments.list({ limit: 2 })) ids.push(s.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(urls).toEqual([
      `${BASE}/segments?limit=2`,
      `${BASE}/segments?page=2&limit=2`,
      `${BASE}/segments?page=3&limit=2`,
    ]);
  });

  it.each([101, 0, 2.5])('refuses limit %s without sending', async (limit) => {
    answer('listSegments');
    await expect(rule.segments.list({ limit })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
