import { describe, expect, it } from 'vitest';
import { PaginationError } from '../../src/core/errors/index.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { createRuleFake } from '../../src/testing/index.js';
import { rejectionOf } from '../helpers/rejection.js';

// The vendors' listings end every walk: a next link to another origin costs the link, not the page; a repeated
// link or cursor and a run of empty pages are a PaginationError. Issue 18 item 5 and issue 15 item 6.

const RULE_KEY = 'rule-glue-key-7f3a';
const SEQUENCE_KEY = 'sequence-glue-key-7f3a';
const RULE_BASE = 'https://app.rule.io/api/v2';
const SEQUENCE_BASE = 'https://api.getsequence.io/api/v1';
/** A server that answers a listing forever would never stop a regression: it ends after this many requests. */
const RUNAWAY = 200;

/**
 * The Rule fake behind a fetch that records every URL and lets a test rewrite `meta.next` of each page; any
 * request to another origin is recorded and answered with an empty page.
 */
function ruleServer(rewriteNext: (next: string | null, page: number) => string | null) {
  const fake = createRuleFake({ apiKey: RULE_KEY, rateLimit: false });
  const sent: URL[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    const url = new URL(request.url);
    sent.push(url);
    if (sent.length > RUNAWAY) return Response.json({ error: 'runaway' }, { status: 400 });
    if (url.origin !== new URL(RULE_BASE).origin)
      return Response.json({ subscribers: [], meta: { next: null } });
    const response = await fake.fetch(request);
    const body = (await response.json()) as { meta?: { next?: string | null } };
    const page = Number(url.searchParams.get('page') ?? 1);
    return Response.json({ ...body, meta: { next: rewriteNext(body.meta?.next ?? null, page) } });
  };
  const rule = new RuleClient({ apiKey: RULE_KEY, fetch, rateLimit: false, maxRetries: 0 });
  return { rule, sent };
}

const pageLink = (page: number) => `${RULE_BASE}/subscribers?page=${page}&limit=1`;

async function drain<T>(listing: AsyncIterable<T>): Promise<{ items: T[]; error: unknown }> {
  const items: T[] = [];
  try {
    for await (const item of listing) items.push(item);
  } catch (error) {
    return { items, error };
  }
  return { items, error: undefined };
}

describe('Rule: meta.next', () => {
  it('to another origin: await list() gives page 1, for await yields it, following the link throws', async () => {
    const evil = 'https://evil.example.test/api/v2/subscribers?page=2&limit=1';
    const { rule, sent } = ruleServer(() => evil);

    const first = await rule.subscribers.list({ limit: 1 });
    expect(first.data).toHaveLength(1);
    expect(first.hasNextPage()).toBe(true);
    const refused = await rejectionOf(first.getNextPage());
    expect(refused).toBeInstanceOf(PaginationError);
    expect((refused as PaginationError).code).toBe('unsafe_next_link');

    const { items, error } = await drain(rule.subscribers.list({ limit: 1 }));
    expect(items.map((s) => s.id)).toEqual(first.data.map((s) => s.id));
    expect((error as PaginationError).code).toBe('unsafe_next_link');
    expect(sent.every((url) => url.origin === new URL(RULE_BASE).origin)).toBe(true);
    expect(sent).toHaveLength(2);
  });

  it('cycling A → B → A on the configured origin throws PaginationError after yielding each page once', async () => {
    const { rule, sent } = ruleServer((_, page) => pageLink(page === 3 ? 2 : page + 1));

    const { items, error } = await drain(rule.subscribers.list({ limit: 1 }));

    expect(error).toBeInstanceOf(PaginationError);
    expect((error as PaginationError).code).toBe('repeated_page');
    expect(new Set(items.map((s) => s.id)).size).toBe(3);
    expect(sent.map((url) => url.searchParams.get('page'))).toEqual([null, '2', '3']);
  });
});

describe('Sequence: page_info cursors', () => {
  /** Sequence's documented listing envelope, every page empty, with a cursor of the test's choosing. */
  function sequenceServer(cursorAfter: (after: string | null) => string) {
    const sent: URL[] = [];
    const fetch: typeof globalThis.fetch = async (input, init) => {
      const url = new URL(new Request(input, init).url);
      sent.push(url);
      if (sent.length > RUNAWAY) return Response.json({ error: 'runaway' }, { status: 400 });
      return Response.json({
        request_id: `req_${sent.length}`,
        data: [],
        page_info: { end_cursor: cursorAfter(url.searchParams.get('after')), has_next_page: true },
      });
    };
    const seq = new SequenceClient({
      apiKey: SEQUENCE_KEY,
      baseUrl: SEQUENCE_BASE,
      fetch,
      rateLimit: false,
      maxRetries: 0,
    });
    return { seq, sent };
  }

  it('alternating X ↔ Y on empty pages with has_next_page: true ends the for await with PaginationError', async () => {
    const { seq, sent } = sequenceServer((after) => (after === 'X' ? 'Y' : 'X'));

    const { items, error } = await drain(seq.ruleExecutions.list({ rule_id: 'rule_01HXYZ1234' }));

    expect(items).toEqual([]);
    expect((error as PaginationError).code).toBe('repeated_page');
    expect(sent.map((url) => url.searchParams.get('after'))).toEqual([null, 'X', 'Y']);
  });

  it('ever-new cursors on empty pages end the for await with PaginationError', async () => {
    const { seq, sent } = sequenceServer((after) => `${after ?? ''}+`);

    const { error } = await drain(seq.ruleExecutions.list({ rule_id: 'rule_01HXYZ1234' }));

    expect((error as PaginationError).code).toBe('empty_pages');
    expect(sent.length).toBeLessThan(RUNAWAY);
  });
});
