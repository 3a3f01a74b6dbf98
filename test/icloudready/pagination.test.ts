import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors/pagination-error.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { BASE, icloudreadyV2, testICloudReadyClient } from './icloudready-mock.js';

const { server } = useSpecMock(icloudreadyV2);
const icr = testICloudReadyClient();

const sequence = (n: number) => ({ id: `seq_${n}`, name: `Sequence ${n}`, createdAt: `2024-06-${n}` });

/**
 * Serves `pages` (1-based) of GET /sequences, each in the envelope `wrap` makes; a page past the end is empty.
 * Returns the query string of every request.
 */
function servePages(pages: number[][], wrap: (items: unknown[]) => unknown = (items) => items): string[] {
  const queries: string[] = [];
  server.use(
    http.get(`${BASE}/sequences`, ({ request }) => {
      const url = new URL(request.url);
      queries.push(url.search);
      const page = Number(url.searchParams.get('page') ?? '1');
      return HttpResponse.json(wrap((pages[page - 1] ?? []).map(sequence)) as object);
    }),
  );
  return queries;
}

describe('sequences.list: page-number pagination', () => {
  it('streams every item over three pages and stops on the short third page', async () => {
    const queries = servePages([[1, 2], [3, 4], [5]]);
    const ids: string[] = [];
    for await (const s of icr.sequences.list({ limit: 2, q: 'x' })) ids.push(String(s.id));
    expect(ids).toEqual(['seq_1', 'seq_2', 'seq_3', 'seq_4', 'seq_5']);
    expect(queries).toEqual(['?limit=2&q=x', '?limit=2&q=x&page=2', '?limit=2&q=x&page=3']);
  });

  it('stops on an empty page when the last full page was the end', async () => {
    const queries = servePages([[1, 2], [3, 4], [5, 6], []], (data) => ({ data }));
    const all = await icr.sequences.list({ limit: 2 }).toArray({ max: 100 });
    expect(all).toHaveLength(6);
    expect(queries).toEqual(['?limit=2', '?limit=2&page=2', '?limit=2&page=3', '?limit=2&page=4']);
  });

  it('reads each page of an enveloped listing the same way', async () => {
    const queries = servePages([[1, 2, 3], [4, 5, 6], [7]], (results) => ({ results, count: 7 }));
    const pages: number[] = [];
    for await (const page of icr.sequences.list({ limit: 3 }).iterPages()) pages.push(page.data.length);
    expect(pages).toEqual([3, 3, 1]);
    expect(queries).toHaveLength(3);
  });

  it('starts from the page asked for, and the default page size of 20 decides what is full', async () => {
    const full = (from: number) => Array.from({ length: 20 }, (_, i) => from + i);
    const queries = servePages([[], full(1), full(21), [41]]);
    const items = await icr.sequences.list({ page: 2 }).toArray({ max: 1000 });
    expect(items).toHaveLength(41);
    expect(queries).toEqual(['?page=2&limit=20', '?page=3&limit=20', '?page=4&limit=20']);
  });

  it('exposes the first page with hasNextPage / getNextPage', async () => {
    servePages([[1, 2], [3]]);
    const first = await icr.sequences.list({ limit: 2 });
    expect(first.data.map((s) => s.id)).toEqual(['seq_1', 'seq_2']);
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data.map((s) => s.id)).toEqual(['seq_3']);
    expect(second.hasNextPage()).toBe(false);
  });

  it('is a single page when the first page is short', async () => {
    const queries = servePages([[1]]);
    expect(await icr.sequences.list().toArray({ max: 10 })).toHaveLength(1);
    expect(queries).toEqual(['?limit=20']);
  });

  it('refuses a server that ignores page and answers the same full page forever', async () => {
    const queries: string[] = [];
    server.use(
      http.get(`${BASE}/sequences`, ({ request }) => {
        queries.push(new URL(request.url).search);
        return HttpResponse.json([sequence(2), sequence(1)]);
      }),
    );
    const seen: unknown[] = [];
    const walk = (async () => {
      for await (const s of icr.sequences.list({ limit: 2 })) if (seen.push(s.id) > 50) return;
    })();
    const error = await walk.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('repeated_page');
    expect(seen).toEqual(['seq_2', 'seq_1']);
    expect(queries).toEqual(['?limit=2', '?limit=2&page=2']);
  });

  it('goes on past a page that repeats some items (a sequence created meanwhile shifts the listing)', async () => {
    const queries = servePages([[1, 2], [2, 3], [4]]);
    const ids = (await icr.sequences.list({ limit: 2 }).toArray({ max: 100 })).map((s) => s.id);
    expect(ids).toEqual(['seq_1', 'seq_2', 'seq_2', 'seq_3', 'seq_4']);
    expect(queries).toHaveLength(3);
  });
});
