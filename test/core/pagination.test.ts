import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AbortError, ConfigurationError, PaginationError } from '../../src/core/errors/index.js';
import type { PageFetcher } from '../../src/core/pagination/page.js';
import { PagePromise } from '../../src/core/pagination/page-promise.js';
import { type AuthStrategy, headerAuth, queryAuth } from '../../src/internal/auth.js';
import type { Operation } from '../../src/internal/operation.js';
import { nextFromCursor } from '../../src/internal/pagination/cursor-pagination.js';
import { nextFromLink } from '../../src/internal/pagination/link-pagination.js';
import { nextFromPageNumber } from '../../src/internal/pagination/page-number-pagination.js';
import { MAX_EMPTY_PAGES } from '../../src/internal/pagination/page-trail.js';
import type { Transport } from '../../src/internal/transport.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CANARY_KEY, testTransport } from '../helpers/test-transport.js';

const ORIGIN = 'https://pages.example.test';
const BASE = `${ORIGIN}/v2`;
const EVIL = 'https://evil.example.test';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

interface Seen {
  url: URL;
  headers: Headers;
}

/** Requests after which a test server ends a listing that walks in circles, so a regression fails instead of hanging. */
const RUNAWAY = 200;
const runaway = () => HttpResponse.json({ error: 'runaway_listing' }, { status: 400 });

// ---------------------------------------------------------------------------------------------------------------
// Link pagination (Rule: meta.next)

interface LinkBody {
  items: string[];
  meta?: { next?: string | null };
}

function linkFetcher(transport: Transport): PageFetcher<string> {
  const baseUrl = new URL(BASE);
  return (op, options) =>
    transport.request(op as Operation<LinkBody>, options).then((r) => ({
      ...r,
      data: { items: r.data.items, next: nextFromLink(r.data.meta?.next, op, baseUrl, ['apikey']) },
    }));
}

const itemsOf = (page: number, perPage = 2) => Array.from({ length: perPage }, (_, i) => `p${page}-${i + 1}`);

/** The absolute next link Rule sends, which embeds the caller's key. */
const keyedLink = (page: number) => `${BASE}/items?page=${page}&limit=2&apikey=${CANARY_KEY}`;

interface LinkServerOptions {
  pages: number;
  /** Overrides the next link of a page; return undefined for the default. */
  nextFor?: (page: number) => string | null | undefined;
  /** Runs before answering (to hold a response, record events, …). */
  onRequest?: (page: number, request: Request) => void | Promise<void>;
}

function serveLinkPages(options: LinkServerOptions): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${BASE}/items`, async ({ request }) => {
      const url = new URL(request.url);
      seen.push({ url, headers: new Headers(request.headers) });
      if (seen.length > RUNAWAY) return runaway();
      const page = Number(url.searchParams.get('page') ?? 1);
      await options.onRequest?.(page, request);
      const custom = options.nextFor?.(page);
      const next = custom !== undefined ? custom : page < options.pages ? keyedLink(page + 1) : null;
      return HttpResponse.json(
        { items: itemsOf(page), meta: { next } },
        { headers: { 'x-request-id': `req-page-${page}` } },
      );
    }),
  );
  return seen;
}

/** The other origin a hostile next link points to; counts what reaches it (nothing may). */
function serveOtherOrigin(): { hits: number } {
  const evil = { hits: 0 };
  server.use(
    http.all(`${EVIL}/*`, () => {
      evil.hits += 1;
      return HttpResponse.json({ items: ['stolen'], meta: { next: null } });
    }),
  );
  return evil;
}

function linkList(auth: AuthStrategy = headerAuth('Bearer'), transportOptions = {}) {
  const transport = testTransport({ baseUrl: BASE, auth, ...transportOptions });
  return new PagePromise(
    linkFetcher(transport),
    { method: 'GET', path: 'items', query: { limit: 2 } },
    {},
    new URL(BASE),
  );
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function collectUntilError<T>(iterable: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of iterable) items.push(item);
  } catch (error) {
    return { items, error };
  }
  throw new Error('expected the iteration to fail');
}

function wireText(seen: Seen): string {
  return `${seen.url.href}\n${[...seen.headers].map(([k, v]) => `${k}: ${v}`).join('\n')}`;
}

describe('link pagination (meta.next)', () => {
  it('follows absolute next links over 3 pages; in header-auth mode the key travels only in Authorization', async () => {
    const seen = serveLinkPages({ pages: 3 });

    const items = await collect(linkList(headerAuth('Bearer')));

    expect(items).toEqual([...itemsOf(1), ...itemsOf(2), ...itemsOf(3)]);
    expect(seen.map((s) => s.url.searchParams.get('page'))).toEqual([null, '2', '3']);
    for (const request of seen) {
      expect(request.url.origin).toBe(ORIGIN);
      expect(request.url.searchParams.has('apikey')).toBe(false);
      expect(request.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
      expect(wireText(request).split(CANARY_KEY)).toHaveLength(2);
    }
    // The follow-up requests keep the link's own parameters.
    expect(seen[1]!.url.searchParams.get('limit')).toBe('2');
  });

  it('in query-auth mode every follow-up request carries exactly one apikey parameter', async () => {
    const seen = serveLinkPages({ pages: 3 });

    const items = await collect(linkList(queryAuth('apikey')));

    expect(items).toHaveLength(6);
    expect(seen).toHaveLength(3);
    for (const request of seen) {
      expect(request.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
      expect(request.headers.has('authorization')).toBe(false);
      expect(wireText(request).split(CANARY_KEY)).toHaveLength(2);
    }
  });

  it('strips a credential whatever its case, and keeps a foreign key out of the request', async () => {
    const seen = serveLinkPages({
      pages: 2,
      nextFor: (page) => (page === 1 ? `${BASE}/items?page=2&limit=2&ApiKey=someone-elses-key` : undefined),
    });

    await collect(linkList(queryAuth('apikey')));

    expect(seen).toHaveLength(2);
    expect(seen[1]!.url.href).not.toContain('someone-elses-key');
    expect(seen[1]!.url.searchParams.getAll('apikey')).toEqual([CANARY_KEY]);
  });

  it('refuses a cross-origin next link, not the page that carried it; no request reaches the other origin', async () => {
    const evil = serveOtherOrigin();
    const seen = serveLinkPages({
      pages: 5,
      nextFor: (page) => (page === 2 ? `${EVIL}/v2/items?page=3&limit=2&apikey=${CANARY_KEY}` : undefined),
    });

    const { items, error } = await collectUntilError(linkList(queryAuth('apikey')));

    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('unsafe_next_link');
    expect((error as Error).message).not.toContain(CANARY_KEY);
    expect(items).toEqual([...itemsOf(1), ...itemsOf(2)]);
    expect(seen).toHaveLength(2);
    expect(evil.hits).toBe(0);
  });

  it('awaiting a listing whose first page links elsewhere gives that page; following the link throws', async () => {
    const evil = serveOtherOrigin();
    const seen = serveLinkPages({
      pages: 3,
      nextFor: (page) => (page === 1 ? `${EVIL}/v2/items?page=2` : undefined),
    });

    const first = await linkList(queryAuth('apikey'));

    expect(first.data).toEqual(itemsOf(1));
    expect(first.hasNextPage()).toBe(true);
    for (let i = 0; i < 2; i++) {
      const error = await rejectionOf(first.getNextPage());
      expect(error).toBeInstanceOf(PaginationError);
      expect((error as PaginationError).code).toBe('unsafe_next_link');
    }
    expect(seen).toHaveLength(1);
    expect(evil.hits).toBe(0);
  });

  it('refuses a scheme downgrade (http:// on the same host) as another origin', async () => {
    let insecureHits = 0;
    server.use(
      http.all('http://pages.example.test/*', () => {
        insecureHits += 1;
        return HttpResponse.json({ items: [], meta: { next: null } });
      }),
    );
    serveLinkPages({
      pages: 3,
      nextFor: (page) => (page === 1 ? `http://pages.example.test/v2/items?page=2` : undefined),
    });

    const first = await linkList(queryAuth('apikey'));
    await expect(first.getNextPage()).rejects.toBeInstanceOf(PaginationError);
    expect(insecureHits).toBe(0);
  });

  it('refuses a next link that is not a URL, keeping the page', async () => {
    const seen = serveLinkPages({ pages: 3, nextFor: (page) => (page === 1 ? 'http://[::1' : undefined) });

    const { items, error } = await collectUntilError(linkList(queryAuth('apikey')));

    expect(items).toEqual(itemsOf(1));
    expect(error).toBeInstanceOf(PaginationError);
    expect(seen).toHaveLength(1);
  });

  it('the transport itself refuses an absolute path on another origin (defence in depth)', async () => {
    const evil = serveOtherOrigin();
    const transport = testTransport({ baseUrl: BASE, auth: queryAuth('apikey') });

    await expect(transport.request({ method: 'GET', path: `${EVIL}/v2/items` })).rejects.toBeInstanceOf(
      ConfigurationError,
    );
    expect(evil.hits).toBe(0);
  });

  // Page 2 linking to itself; pages 1 → 2 → 3 → 2 (A → B → A): the same links on the configured origin, forever.
  it.each([
    ['a next link repeats the current page', 2, 2],
    ['links cycle A → B → A', 3, 2],
  ])('stops with PaginationError when %s, each page yielded once', async (_, lastPage, linkedBack) => {
    const seen = serveLinkPages({
      pages: 5,
      nextFor: (page) => (page === lastPage ? keyedLink(linkedBack) : undefined),
    });

    const { items, error } = await collectUntilError(linkList(queryAuth('apikey')));

    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('repeated_page');
    const pages = Array.from({ length: lastPage }, (_, i) => i + 1);
    expect(items).toEqual(pages.flatMap((page) => itemsOf(page)));
    expect(seen.map((s) => s.url.searchParams.get('page'))).toEqual(
      pages.map((p) => (p === 1 ? null : String(p))),
    );
  });

  it('stops on a first page that links to itself without fetching it twice', async () => {
    const seen = serveLinkPages({
      pages: 5,
      nextFor: (page) => (page === 1 ? `${BASE}/items?limit=2&apikey=${CANARY_KEY}` : undefined),
    });

    const { items, error } = await collectUntilError(linkList(queryAuth('apikey')));

    expect(error).toBeInstanceOf(PaginationError);
    expect(items).toEqual(itemsOf(1));
    expect(seen).toHaveLength(1);
  });

  it('lets the same page be fetched again from where it was linked (getNextPage twice)', async () => {
    const seen = serveLinkPages({ pages: 3 });
    const first = await linkList();

    const [a, b] = [await first.getNextPage(), await first.getNextPage()];

    expect(a.data).toEqual(itemsOf(2));
    expect(b.data).toEqual(itemsOf(2));
    expect((await b.getNextPage()).data).toEqual(itemsOf(3));
    expect(seen).toHaveLength(4);
  });

  it('resolves a relative next link against the page that carried it, as a browser resolves a link', async () => {
    const relative: Record<number, string> = { 1: 'items?page=2&limit=2', 2: '?page=3&limit=2' };
    const seen = serveLinkPages({ pages: 3, nextFor: (page) => relative[page] });

    expect(await collect(linkList())).toEqual([...itemsOf(1), ...itemsOf(2), ...itemsOf(3)]);
    expect(seen.map((s) => `${s.url.pathname}${s.url.search}`)).toEqual([
      '/v2/items?limit=2',
      '/v2/items?page=2&limit=2',
      '/v2/items?page=3&limit=2',
    ]);
  });

  it("takes a link of only a fragment ('#top') as the page itself again", async () => {
    const seen = serveLinkPages({ pages: 3, nextFor: (page) => (page === 1 ? '#top' : undefined) });

    const { items, error } = await collectUntilError(linkList());

    expect((error as PaginationError).code).toBe('repeated_page');
    expect(items).toEqual(itemsOf(1));
    expect(seen).toHaveLength(1);
  });

  it('stops when a server that ignores `page` hands out a new link with the same items each time', async () => {
    const seen: Seen[] = [];
    server.use(
      http.get(`${BASE}/items`, ({ request }) => {
        const url = new URL(request.url);
        seen.push({ url, headers: new Headers(request.headers) });
        if (seen.length > RUNAWAY) return runaway();
        const page = Number(url.searchParams.get('page') ?? 1);
        return HttpResponse.json({
          items: itemsOf(1),
          meta: { next: `${BASE}/items?page=${page + 1}&limit=2` },
        });
      }),
    );

    const { items, error } = await collectUntilError(linkList());

    expect((error as PaginationError).code).toBe('repeated_page');
    expect(items).toEqual(itemsOf(1));
    expect(seen).toHaveLength(2);
  });

  it('treats a missing, null or empty next link as the end', async () => {
    for (const last of [null, '', '   ']) {
      const seen = serveLinkPages({ pages: 2, nextFor: (page) => (page === 2 ? last : undefined) });
      expect(await collect(linkList())).toHaveLength(4);
      expect(seen).toHaveLength(2);
      server.resetHandlers();
    }
  });
});

describe('await list: the first page', () => {
  it('has data, hasNextPage(), getNextPage(), the raw body and the request id', async () => {
    const seen = serveLinkPages({ pages: 2 });
    const list = linkList();

    const first = await list;

    expect(first.data).toEqual(itemsOf(1));
    expect(first.hasNextPage()).toBe(true);
    expect(first.requestId).toBe('req-page-1');
    // The link the server sent embeds the key; the body handed over has it masked, and still leads to page 2.
    expect(first.body).toEqual({
      items: itemsOf(1),
      meta: { next: keyedLink(2).replace(CANARY_KEY, '***') },
    });
    expect(first.response.status).toBe(200);
    expect(await first.response.text()).not.toContain(CANARY_KEY);
    expect(seen).toHaveLength(1);

    const second = await first.getNextPage();
    expect(second.data).toEqual(itemsOf(2));
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toBeInstanceOf(RangeError);
    expect(seen).toHaveLength(2);
  });

  it('withResponse() and safe() work on a listing like on any APIPromise', async () => {
    serveLinkPages({ pages: 1 });
    const { data, requestId } = await linkList().withResponse();
    expect(data.data).toEqual(itemsOf(1));
    expect(requestId).toBe('req-page-1');

    server.use(http.get(`${BASE}/items`, () => HttpResponse.json({ error: 'nope' }, { status: 404 })));
    const result = await linkList().safe();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('nope');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Cursor pagination (Sequence: first / after, page_info)

interface CursorBody {
  data: string[];
  page_info: { end_cursor: string | null; has_next_page: boolean };
}

function cursorFetcher(transport: Transport): PageFetcher<string> {
  return (op, options) =>
    transport.request(op as Operation<CursorBody>, options).then((r) => ({
      ...r,
      data: {
        items: r.data.data,
        next: nextFromCursor(op, r.data.page_info.end_cursor, r.data.page_info.has_next_page),
      },
    }));
}

/** Pages keyed by the `after` cursor that fetches them (`''` for the first). */
type CursorPages = Record<string, CursorBody>;

function serveCursorPages(pages: CursorPages): Seen[] {
  const seen: Seen[] = [];
  server.use(
    http.get(`${BASE}/rule-executions`, ({ request }) => {
      const url = new URL(request.url);
      seen.push({ url, headers: new Headers(request.headers) });
      if (seen.length > RUNAWAY) return runaway();
      const page = pages[url.searchParams.get('after') ?? ''];
      return page ? HttpResponse.json(page) : HttpResponse.json({ error: 'bad cursor' }, { status: 400 });
    }),
  );
  return seen;
}

function cursorList() {
  const transport = testTransport({ baseUrl: BASE, auth: headerAuth('ApiKey') });
  return new PagePromise(cursorFetcher(transport), {
    method: 'GET',
    path: 'rule-executions',
    query: { rule_id: 'rule_01', first: 2 },
  });
}

describe('cursor pagination (first / after)', () => {
  it('stops a cursor alternating X ↔ Y on empty pages, so a for await gets control back', async () => {
    const seen = serveCursorPages({
      '': { data: [], page_info: { end_cursor: 'X', has_next_page: true } },
      X: { data: [], page_info: { end_cursor: 'Y', has_next_page: true } },
      Y: { data: [], page_info: { end_cursor: 'X', has_next_page: true } },
    });

    const { items, error } = await collectUntilError(cursorList());

    expect(items).toEqual([]);
    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('repeated_page');
    expect(seen.map((s) => s.url.searchParams.get('after'))).toEqual([null, 'X', 'Y']);
  });

  it(`stops after ${MAX_EMPTY_PAGES} empty pages in a row that promise more, each with a new cursor`, async () => {
    const pages: CursorPages = { '': { data: [], page_info: { end_cursor: 'c1', has_next_page: true } } };
    for (let i = 1; i < 100; i++)
      pages[`c${i}`] = { data: [], page_info: { end_cursor: `c${i + 1}`, has_next_page: true } };
    const seen = serveCursorPages(pages);

    const { items, error } = await collectUntilError(cursorList());

    expect(items).toEqual([]);
    expect((error as PaginationError).code).toBe('empty_pages');
    expect(seen).toHaveLength(MAX_EMPTY_PAGES);
  });

  it('counts only empty pages in a row: an item in between starts the count again', async () => {
    const pages: CursorPages = {};
    for (let i = 0; i < 40; i++) {
      const data = i % MAX_EMPTY_PAGES === MAX_EMPTY_PAGES - 1 ? [`e${i}`] : [];
      pages[i === 0 ? '' : `c${i}`] = { data, page_info: { end_cursor: `c${i + 1}`, has_next_page: i < 39 } };
    }
    const seen = serveCursorPages(pages);

    expect(await collect(cursorList())).toEqual(['e9', 'e19', 'e29', 'e39']);
    expect(seen).toHaveLength(40);
  });

  it('stops when each new cursor brings back the items of the page before, and keeps a page that repeats some', async () => {
    const pages: CursorPages = {
      '': { data: ['e1', 'e2'], page_info: { end_cursor: 'c1', has_next_page: true } },
    };
    for (let i = 1; i < 100; i++)
      pages[`c${i}`] = { data: ['e1', 'e2'], page_info: { end_cursor: `c${i + 1}`, has_next_page: true } };
    const seen = serveCursorPages(pages);

    const { items, error } = await collectUntilError(cursorList());

    expect((error as PaginationError).code).toBe('repeated_page');
    expect(items).toEqual(['e1', 'e2']);
    expect(seen).toHaveLength(2);
    server.resetHandlers();

    serveCursorPages({
      '': { data: ['e1', 'e2'], page_info: { end_cursor: 'c1', has_next_page: true } },
      c1: { data: ['e2', 'e3'], page_info: { end_cursor: 'c2', has_next_page: true } },
      c2: { data: ['e3'], page_info: { end_cursor: null, has_next_page: false } },
    });
    expect(await collect(cursorList())).toEqual(['e1', 'e2', 'e2', 'e3', 'e3']);
  });

  it('follows page_info.end_cursor over 3 pages and stops when has_next_page is false', async () => {
    const seen = serveCursorPages({
      '': { data: ['e1', 'e2'], page_info: { end_cursor: 'c1', has_next_page: true } },
      c1: { data: ['e3', 'e4'], page_info: { end_cursor: 'c2', has_next_page: true } },
      c2: { data: ['e5'], page_info: { end_cursor: 'c3', has_next_page: false } },
    });

    const items = await collect(cursorList());

    expect(items).toEqual(['e1', 'e2', 'e3', 'e4', 'e5']);
    expect(seen.map((s) => s.url.searchParams.get('after'))).toEqual([null, 'c1', 'c2']);
    for (const request of seen) {
      expect(request.url.searchParams.get('first')).toBe('2');
      expect(request.url.searchParams.get('rule_id')).toBe('rule_01');
      expect(request.headers.get('authorization')).toBe(`ApiKey ${CANARY_KEY}`);
    }
  });

  it('stops with PaginationError when the server repeats the cursor, and at the end when it omits it', async () => {
    const repeating = serveCursorPages({
      '': { data: ['e1'], page_info: { end_cursor: 'c1', has_next_page: true } },
      c1: { data: ['e2'], page_info: { end_cursor: 'c1', has_next_page: true } },
    });
    const { items, error } = await collectUntilError(cursorList());
    expect(items).toEqual(['e1', 'e2']);
    expect((error as PaginationError).code).toBe('repeated_page');
    expect(repeating).toHaveLength(2);

    server.resetHandlers();
    const missing = serveCursorPages({
      '': { data: ['e1'], page_info: { end_cursor: null, has_next_page: true } },
    });
    expect(await collect(cursorList())).toEqual(['e1']);
    expect(missing).toHaveLength(1);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Page-number pagination (iCloudReady: page / limit)

interface NumberedBody {
  data: number[];
  total_pages?: number;
}

function serveNumberedPages(total: number, options: { totalPages?: boolean } = {}): number[] {
  const pagesRequested: number[] = [];
  server.use(
    http.get(`${BASE}/sequences`, ({ request }) => {
      const url = new URL(request.url);
      const page = Number(url.searchParams.get('page') ?? 1);
      const limit = Number(url.searchParams.get('limit'));
      pagesRequested.push(page);
      const all = Array.from({ length: total }, (_, i) => i + 1);
      return HttpResponse.json({
        data: all.slice((page - 1) * limit, page * limit),
        ...(options.totalPages ? { total_pages: Math.ceil(total / limit) } : {}),
      });
    }),
  );
  return pagesRequested;
}

function numberedList(limit: number, useTotalPages = false) {
  const transport = testTransport({ baseUrl: BASE, auth: headerAuth('Bearer') });
  const fetcher: PageFetcher<number> = (op, options) =>
    transport.request(op as Operation<NumberedBody>, options).then((r) => ({
      ...r,
      data: {
        items: r.data.data,
        next: nextFromPageNumber(op, r.data.data.length, limit, {
          totalPages: useTotalPages ? r.data.total_pages : undefined,
        }),
      },
    }));
  return new PagePromise(fetcher, { method: 'GET', path: 'sequences', query: { page: 1, limit } });
}

describe('page-number pagination (page / limit)', () => {
  it('stops after a short page', async () => {
    const pages = serveNumberedPages(7);
    expect(await collect(numberedList(3))).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pages).toEqual([1, 2, 3]);
  });

  it('stops on an empty page when the total is a multiple of the page size', async () => {
    const pages = serveNumberedPages(6);
    expect(await collect(numberedList(3))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages).toEqual([1, 2, 3]);
  });

  it('stops at the server’s total page count without asking for an empty page', async () => {
    const pages = serveNumberedPages(6, { totalPages: true });
    expect(await collect(numberedList(3, true))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages).toEqual([1, 2]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Streaming behaviour

describe('prefetch and early exit', () => {
  it('requests page N+1 before the consumer has finished page N', async () => {
    const events: string[] = [];
    serveLinkPages({ pages: 3, onRequest: (page) => void events.push(`request ${page}`) });

    for await (const item of linkList()) {
      const [page, index] = item.slice(1).split('-').map(Number) as [number, number];
      // Still in the middle of page N: the next page must already be on its way (no timing bound on the server).
      if (index === 1 && page < 3) await vi.waitFor(() => expect(events).toContain(`request ${page + 1}`));
      events.push(`consumed ${item}`);
    }

    for (const page of [1, 2]) {
      expect(events.indexOf(`request ${page + 1}`)).toBeGreaterThan(-1);
      expect(events.indexOf(`request ${page + 1}`)).toBeLessThan(events.indexOf(`consumed p${page}-2`));
    }
    expect(events.filter((e) => e.startsWith('request'))).toEqual(['request 1', 'request 2', 'request 3']);
  });

  it('awaiting the listing fetches only the first page', async () => {
    const seen = serveLinkPages({ pages: 3 });
    const first = await linkList();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(first.data).toEqual(itemsOf(1));
    expect(seen).toHaveLength(1);
  });

  /** Page 2 is held until its request is aborted (or 5 s pass), recording which happened. */
  function serveHeldSecondPage(events: string[]) {
    return serveLinkPages({
      pages: 3,
      onRequest: (page, request) => {
        events.push(`request ${page}`);
        if (page !== 2) return;
        return new Promise<void>((resolve) => {
          const timer = setTimeout(() => {
            events.push('page 2 answered');
            resolve();
          }, 5_000);
          request.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            events.push('page 2 aborted');
            resolve();
          });
        });
      },
    });
  }

  it('breaking out of for await aborts the in-flight prefetch', async () => {
    const events: string[] = [];
    serveHeldSecondPage(events);

    const seenItems: string[] = [];
    for await (const item of linkList()) {
      seenItems.push(item);
      await vi.waitFor(() => expect(events).toContain('request 2'));
      break;
    }

    await vi.waitFor(() => expect(events).toContain('page 2 aborted'), { timeout: 3_000 });
    expect(seenItems).toEqual(['p1-1']);
    expect(events).not.toContain('request 3');
    expect(events).not.toContain('page 2 answered');
  });

  it('throwing out of iterPages() also aborts the in-flight prefetch', async () => {
    const events: string[] = [];
    serveHeldSecondPage(events);

    const consume = async () => {
      for await (const page of linkList().iterPages()) {
        await vi.waitFor(() => expect(events).toContain('request 2'));
        throw new Error(`consumer failed on ${page.data[0]}`);
      }
    };

    await expect(consume()).rejects.toThrow('consumer failed on p1-1');
    await vi.waitFor(() => expect(events).toContain('page 2 aborted'), { timeout: 3_000 });
  });

  it('the caller’s signal cancels the iteration with AbortError', async () => {
    const events: string[] = [];
    serveHeldSecondPage(events);
    const controller = new AbortController();
    const transport = testTransport({ baseUrl: BASE });
    const list = new PagePromise(
      linkFetcher(transport),
      { method: 'GET', path: 'items' },
      { signal: controller.signal },
    );

    const { items, error } = await collectUntilError({
      async *[Symbol.asyncIterator]() {
        for await (const item of list) {
          yield item;
          if (item === 'p1-2') {
            await vi.waitFor(() => expect(events).toContain('request 2'));
            controller.abort();
          }
        }
      },
    });

    expect(items).toEqual(itemsOf(1));
    expect(error).toBeInstanceOf(AbortError);
    await vi.waitFor(() => expect(events).toContain('page 2 aborted'), { timeout: 3_000 });
  });
});

describe('toArray({ max })', () => {
  it('stops at max and fetches no page beyond the one after the last consumed', async () => {
    const seen = serveLinkPages({ pages: 5 });

    const items = await linkList().toArray({ max: 3 });

    expect(items).toEqual(['p1-1', 'p1-2', 'p2-1']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    const pages = seen.map((s) => Number(s.url.searchParams.get('page') ?? 1));
    expect(Math.max(...pages)).toBeLessThanOrEqual(3);
  });

  it('returns everything when the listing is shorter than max, and nothing for max 0', async () => {
    serveLinkPages({ pages: 2 });
    expect(await linkList().toArray({ max: 1_000 })).toEqual([...itemsOf(1), ...itemsOf(2)]);
    expect(await linkList().toArray({ max: 0 })).toEqual([]);
  });

  it('rejects a missing or invalid bound', async () => {
    serveLinkPages({ pages: 1 });
    const list = linkList();
    await list;
    for (const bound of [
      {},
      { max: -1 },
      { max: 1.5 },
      { max: Number.NaN },
      { max: Number.POSITIVE_INFINITY },
    ]) {
      await expect(list.toArray(bound as { max: number }), JSON.stringify(bound)).rejects.toBeInstanceOf(
        RangeError,
      );
    }
    await expect(list.toArray({ max: '3' } as unknown as { max: number })).rejects.toBeInstanceOf(RangeError);
    await expect((list.toArray as (arg?: unknown) => Promise<unknown>)()).rejects.toThrow();
  });
});

describe('bounded memory', () => {
  it('a slow consumer never has more than one page requested ahead of the one it is reading', async () => {
    const pages = 6;
    /** The last page whose items the consumer has all processed. */
    let finished = 0;
    let outstanding = 0;
    let maxOutstanding = 0;
    const aheadAtRequest: number[] = [];
    serveLinkPages({ pages });
    const transport = testTransport({ baseUrl: BASE });
    const inner = linkFetcher(transport);
    const fetcher: PageFetcher<string> = async (op, options) => {
      const page = Number(new URL(op.path, `${BASE}/`).searchParams.get('page') ?? 1);
      // The consumer is reading page `finished + 1`; only the page after it may be requested.
      aheadAtRequest.push(page - (finished + 1));
      outstanding += 1;
      maxOutstanding = Math.max(maxOutstanding, outstanding);
      try {
        return await inner(op, options);
      } finally {
        outstanding -= 1;
      }
    };

    const items: string[] = [];
    for await (const item of new PagePromise(fetcher, { method: 'GET', path: 'items' })) {
      const [page, index] = item.slice(1).split('-').map(Number) as [number, number];
      items.push(item);
      // A slow consumer gives a greedy prefetcher every chance to run ahead.
      await new Promise((resolve) => setTimeout(resolve, 10));
      if (index === 2) finished = page;
    }

    expect(items).toHaveLength(pages * 2);
    expect(aheadAtRequest).toHaveLength(pages);
    expect(Math.max(...aheadAtRequest)).toBeLessThanOrEqual(1);
    expect(maxOutstanding).toBe(1);
  });
});
