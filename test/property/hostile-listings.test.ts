import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors/pagination-error.js';
import { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import { MAX_EMPTY_PAGES } from '../../src/internal/pagination/page-trail.js';
import fc from '../helpers/fast-check.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { platformV1 } from '../sequence-platform/platform-mock.js';
import { SAMPLE_CALLS } from './sample-calls.js';
import { type ClientName, type PublicMethod, publicMethods } from './sdk-surface.js';
import { documentedAnswer } from './spec-oracle.js';

// Every auto-paginating listing of the four clients, walked with `for await` against a server that answers each
// request with the next of a generated run of pages: next links anywhere (other origins, the same page again,
// relative, carrying an `apikey`, garbage), cursors that repeat or vanish, `hasNextPage` forever, empty pages, page
// numbers and totals that lie, and a run that may end by repeating its last page forever. The walk ends within a
// bounded number of requests, normally with exactly the items served in order or with a RuleseqError (a
// PaginationError when it stopped a loop); it never sends a request, and so the key, off the API's origin.

const CLIENTS: readonly ClientName[] = ['rule', 'sequence', 'icloudready', 'sequencePlatform'];

/** Which way each client pages. */
const STYLE: Record<ClientName, 'link' | 'cursor' | 'page-number' | 'has-next-page'> = {
  rule: 'link',
  sequence: 'cursor',
  icloudready: 'page-number',
  sequencePlatform: 'has-next-page',
};

/** The Platform document's operation behind each listing (the spec oracle knows the other three APIs). */
const PLATFORM_OPERATIONS: Record<string, string> = {
  'sequencePlatform.accounts.list': 'listAccounts',
  'sequencePlatform.accounts.transfers.list': 'listAccountTransfers',
  'sequencePlatform.rules.list': 'listRules',
  'sequencePlatform.rules.executions.list': 'listRuleExecutions',
  'sequencePlatform.transfers.list': 'listTransfers',
  'sequencePlatform.externalTransactions.list': 'listExternalTransactions',
  'sequencePlatform.cardTransactions.list': 'listTransactions',
  'sequencePlatform.auditLogs.list': 'listAuditLog',
};

type Json = Record<string, unknown>;

interface Listing {
  method: PublicMethod;
  client: ClientName;
  origin: string;
  /** The documented first page, whose items are the pattern of the generated ones. */
  documented: unknown;
  /** The items of a body of this listing's shape. */
  itemsOf(body: unknown): Json[];
}

const isListing = (value: unknown) =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

/** The documented first page of `method`, and the URL its first request went to. */
async function probe(method: PublicMethod): Promise<{ documented: unknown; url: URL } | undefined> {
  let url: URL | undefined;
  let documented: unknown;
  const returned = method.call(async (input, init) => {
    const request = new Request(input, init);
    url = new URL(request.url);
    const operation = PLATFORM_OPERATIONS[method.path];
    documented = operation
      ? platformV1.response(operation, '200')
      : documentedAnswer(request.method, url)?.body;
    return Response.json(documented);
  }, SAMPLE_CALLS[method.path]!);
  if (!isListing(returned)) {
    await Promise.resolve(returned).catch(() => undefined);
    return undefined;
  }
  await (returned as unknown as Promise<unknown>);
  return url && { documented, url };
}

function itemsReader(client: ClientName): (body: unknown) => Json[] {
  switch (client) {
    case 'rule':
      return (body) => Object.values(body as Json).find(Array.isArray) as Json[];
    case 'sequence':
      return (body) => (body as { data: Json[] }).data;
    case 'icloudready':
      return (body) => (Array.isArray(body) ? body : (body as { data: Json[] }).data);
    case 'sequencePlatform':
      return (body) => (body as { data: { items: Json[] } }).data.items;
  }
}

const LISTINGS: Listing[] = [];
for (const method of publicMethods(CLIENTS)) {
  const found = await probe(method);
  if (!found) continue;
  const client = CLIENTS.find((c) => method.path.startsWith(`${c}.`))!;
  LISTINGS.push(
    Object.assign(
      {
        method,
        client,
        origin: found.url.origin,
        documented: found.documented,
        itemsOf: itemsReader(client),
      },
      { [fc.toStringMethod]: () => method.path },
    ),
  );
}

// --- the generated pages ------------------------------------------------------------------------------------------

/** Where a Rule page's `meta.next` points. */
type LinkPlan =
  | 'fresh'
  | 'same'
  | 'first'
  | 'other-origin'
  | 'http'
  | 'relative'
  | 'root-relative'
  | 'query-only'
  | 'protocol-relative'
  | 'with-apikey'
  | { garbage: string };
type MetaPlan = { next: LinkPlan } | 'null' | 'absent' | 'empty-array' | 'next-null' | 'next-number';

const linkPlan: fc.Arbitrary<LinkPlan> = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.constantFrom<LinkPlan>(
      'fresh',
      'same',
      'first',
      'other-origin',
      'http',
      'relative',
      'root-relative',
      'query-only',
      'protocol-relative',
      'with-apikey',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .oneof(
        fc.constantFrom('', ' ', 'null', 'http://[::1', '::::', 'javascript:alert(1)', '%'),
        fc.string({ maxLength: 12 }),
      )
      .map((garbage) => ({ garbage })),
  },
);
const metaPlan: fc.Arbitrary<MetaPlan> = fc.oneof(
  { weight: 6, arbitrary: linkPlan.map((next) => ({ next })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<MetaPlan>('null', 'absent', 'empty-array', 'next-null', 'next-number'),
  },
);

/** A Sequence page's cursor: a new one, the previous page's again, the first request's, or none. */
type CursorPlan = 'fresh' | 'previous' | 'first' | 'null' | 'empty' | 'absent';

interface PagePlan {
  items: number;
  meta: MetaPlan;
  cursor: CursorPlan;
  /** `has_next_page` / `hasNextPage`; undefined leaves it out. */
  hasMore: boolean | undefined;
  /** Platform's `pagination.page`: the page asked for, another, or none. */
  pageNumber: 'asked' | 'absent' | number;
  /** A total the server claims, which may be anything. */
  total: number | undefined;
}

const pagePlan: fc.Arbitrary<PagePlan> = fc.record({
  items: fc.nat({ max: 3 }),
  meta: metaPlan,
  cursor: fc.constantFrom<CursorPlan>(
    'fresh',
    'fresh',
    'fresh',
    'previous',
    'first',
    'null',
    'empty',
    'absent',
  ),
  hasMore: fc.option(fc.boolean(), { freq: 10, nil: undefined }),
  pageNumber: fc.oneof(
    { weight: 8, arbitrary: fc.constant('asked' as const) },
    { weight: 1, arbitrary: fc.constant('absent' as const) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 4 }) },
  ),
  total: fc.option(fc.integer({ min: -1, max: 1_000_000 }), { nil: undefined }),
});

interface Script {
  pages: PagePlan[];
  /** After the last page: an end (an empty page with no next) or the last page again, verbatim, forever. */
  tail: 'end' | 'repeat';
  /**
   * Whether the repeated page's links, cursors and page number are made from each new request (a server that ignores
   * `page` but echoes it) instead of repeated as first given.
   */
  echo: boolean;
  auth: 'header' | 'query';
}

const scriptArb: fc.Arbitrary<Script> = fc.record({
  pages: fc.array(pagePlan, { minLength: 1, maxLength: 6 }),
  tail: fc.constantFrom('end' as const, 'repeat' as const),
  echo: fc.boolean(),
  auth: fc.constantFrom('header' as const, 'query' as const),
});

const END: PagePlan = {
  items: 0,
  meta: 'absent',
  cursor: 'null',
  hasMore: false,
  pageNumber: 'asked',
  total: undefined,
};

/** A UUID made from a number, for APIs whose ids are UUIDs. */
const uuidOf = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The documented item with a new id made from `n`, in the id's own form. */
function itemWithId(pattern: Json, n: number): Json {
  const id = pattern.id;
  const newId =
    typeof id === 'number' ? n : typeof id === 'string' && UUID.test(id) ? uuidOf(n) : `${id}${n}`;
  return { ...structuredClone(pattern), id: newId };
}

function linkFor(plan: LinkPlan, at: { index: number; request: URL; first: URL; key: string }): string {
  const fresh = new URL(at.request);
  fresh.searchParams.set('page', String(at.index + 2));
  fresh.searchParams.delete('apikey');
  fresh.hash = '';
  switch (plan) {
    case 'fresh':
      return fresh.href;
    case 'same':
      return at.request.href;
    case 'first':
      return at.first.href;
    case 'other-origin':
      return `https://evil.example.test${fresh.pathname}${fresh.search}`;
    case 'http':
      return fresh.href.replace(/^https:/, 'http:');
    case 'relative':
      return `${fresh.pathname.split('/').pop()}${fresh.search}`;
    case 'root-relative':
      return `${fresh.pathname}${fresh.search}`;
    case 'query-only':
      return fresh.search;
    case 'protocol-relative':
      return `//evil.example.test${fresh.pathname}`;
    case 'with-apikey':
      fresh.searchParams.append('apikey', at.key);
      return fresh.href;
    default:
      return plan.garbage;
  }
}

/** The body of one page: the documented page with its items and paging fields replaced. */
function pageBody(
  listing: Listing,
  plan: PagePlan,
  items: Json[],
  at: Parameters<typeof linkFor>[1],
): unknown {
  const body = structuredClone(listing.documented) as Json;
  switch (STYLE[listing.client]) {
    case 'link': {
      const key = Object.keys(body).find((k) => Array.isArray(body[k]))!;
      body[key] = items;
      const m = plan.meta;
      if (m === 'absent') delete body.meta;
      else if (m === 'null') body.meta = null;
      else if (m === 'empty-array') body.meta = [];
      else if (m === 'next-null') body.meta = { next: null };
      else if (m === 'next-number') body.meta = { next: 42 };
      else body.meta = { next: linkFor(m.next, at) };
      return body;
    }
    case 'cursor': {
      body.data = items;
      const previous = at.request.searchParams.get('after');
      const cursor = {
        fresh: `c${at.index + 1}`,
        previous,
        first: at.first.searchParams.get('after'),
        null: null,
        empty: '',
        absent: undefined,
      }[plan.cursor];
      body.page_info = { end_cursor: cursor, has_next_page: plan.hasMore };
      if (plan.total !== undefined) body.total_count = plan.total;
      return body;
    }
    case 'page-number':
      return Array.isArray(body) ? items : { ...body, data: items };
    case 'has-next-page': {
      const asked = Number(at.request.searchParams.get('page') ?? 1);
      const data = body.data as Json;
      data.items = items;
      data.pagination = {
        page:
          plan.pageNumber === 'asked' ? asked : plan.pageNumber === 'absent' ? undefined : plan.pageNumber,
        pageSize: items.length,
        hasNextPage: plan.hasMore,
        ...(plan.total === undefined ? {} : { total: plan.total, totalPages: plan.total }),
      };
      return body;
    }
  }
}

/** At most this many requests: every scripted page, what a repeating tail may add before it is refused, and a prefetch. */
function capOf(script: Script): number {
  return script.pages.length + (script.tail === 'repeat' ? MAX_EMPTY_PAGES + 2 : 1) + 1;
}

async function check(listing: Listing, script: Script): Promise<void> {
  const key = `${CANARY_KEY}-listing`;
  const cap = capOf(script);
  const requests: URL[] = [];
  const served: unknown[][] = [];
  /** Each answer's `meta.next` (Rule). */
  const links: unknown[] = [];
  const pattern = listing.itemsOf(listing.documented)[0]!;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    requests.push(url);
    const index = requests.length - 1;
    const inScript = index < script.pages.length;
    const planIndex = inScript ? index : script.pages.length - 1;
    const plan = inScript || script.tail === 'repeat' ? script.pages[planIndex]! : END;
    // A repeated page is repeated verbatim: the same items, and the links or cursors it gave the first time.
    const source = inScript || script.tail === 'end' || script.echo ? url : requests[planIndex]!;
    const items = Array.from({ length: plan.items }, (_, j) => itemWithId(pattern, planIndex * 10 + j + 1));
    served.push(plan === END ? [] : items.map((item) => item.id));
    const at = { index: script.echo ? index : planIndex, request: source, first: requests[0]!, key };
    const body = pageBody(listing, plan, items, at);
    links.push((body as { meta?: { next?: unknown } } | null)?.meta?.next);
    return Response.json(body);
  };
  const options = {
    apiKey: key,
    ...(listing.client === 'rule' ? { auth: script.auth } : {}),
  };
  const yielded: unknown[] = [];
  let failure: unknown;
  let overran = false;
  try {
    for await (const item of listing.method.call(
      fetch,
      SAMPLE_CALLS[listing.method.path]!,
      options,
    ) as AsyncIterable<Json>) {
      yielded.push(item.id);
      if (requests.length > cap) {
        overran = true;
        break;
      }
    }
  } catch (error) {
    failure = error;
  }
  const what = `${listing.method.path}: ${requests.length} requests (${requests.map((u) => u.href).join(' ')})`;

  expect(overran || requests.length > cap, `${what}: more than ${cap} requests`).toBe(false);
  for (const url of requests) {
    expect(url.origin, `${what}: on the API's origin`).toBe(listing.origin);
    const keys = url.searchParams.getAll('apikey');
    expect(keys, `${what}: the client's own auth, once`).toEqual(
      script.auth === 'query' && listing.client === 'rule' ? [key] : [],
    );
  }
  // A followed link is fetched where it points, resolved against the page that carried it, with only the client's
  // own auth.
  if (listing.client === 'rule') {
    requests.slice(1).forEach((url, i) => {
      const expected = new URL(links[i] as string, requests[i]);
      expected.searchParams.delete('apikey');
      const sent = new URL(url);
      sent.searchParams.delete('apikey');
      expect(sent.href, `${what}: request ${i + 2} goes where the link of page ${i + 1} points`).toBe(
        expected.href,
      );
    });
  }
  const servedIds = served.flat();
  if (failure === undefined) {
    expect(yielded, `${what}: the items served, in order`).toEqual(servedIds);
    return;
  }
  expect(failure, `${what}: ${String(failure)}`).toBeInstanceOf(RuleseqError);
  expect(String((failure as Error).message)).not.toContain(key);
  expect(yielded, `${what}: items served before the failure, in order`).toEqual(
    servedIds.slice(0, yielded.length),
  );
  if (requests.length > script.pages.length && script.tail === 'repeat') {
    expect(failure, `${what}: a loop stopped`).toBeInstanceOf(PaginationError);
  }
}

describe('hostile listings', () => {
  it('every client has auto-paginating listings to walk', () => {
    for (const client of CLIENTS)
      expect(
        LISTINGS.some((l) => l.client === client),
        client,
      ).toBe(true);
  });

  it('end within a bounded number of requests, with the items served or a RuleseqError, never off the origin', async () => {
    await fc.assert(fc.asyncProperty(fc.constantFrom(...LISTINGS), scriptArb, check), {
      numRuns: 2_000,
    });
  });
});
