import { PaginationError } from '../../core/errors/pagination-error.js';
import { jsonText } from '../json-text.js';
import type { Operation } from '../operation.js';
import { joinUrl } from '../url-safety.js';

/**
 * Empty pages in a row that still promise more, after which a listing stops: a `for await` whose server keeps
 * answering empty pages gets control back (as a `PaginationError`) instead of waiting on requests forever.
 */
export const MAX_EMPTY_PAGES = 10;

/** Where relative paths of a listing built without a base URL are resolved, only to compare them. */
const NO_BASE = 'http://listing.invalid/';

/** The URL an operation fetches, its query parameters included. */
export function operationUrl(op: Operation, baseUrl: URL | undefined): URL {
  const url = /^https?:\/\//i.test(op.path)
    ? new URL(op.path)
    : joinUrl(baseUrl ?? new URL(NO_BASE), op.path);
  for (const [name, value] of Object.entries(op.query ?? {})) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const item of value) url.searchParams.append(name, String(item));
    else url.searchParams.set(name, String(value));
  }
  return url;
}

/**
 * The page an operation fetches, as one string: method and absolute URL with its query parameters sorted, so a
 * server link and the operation the SDK built for the same page compare equal.
 */
export function pageKey(op: Operation, baseUrl: URL | undefined): string {
  const url = operationUrl(op, baseUrl);
  url.searchParams.sort();
  url.hash = '';
  return `${op.method} ${url.href}`;
}

/**
 * What a listing has fetched up to one page: the pages before it (shared by every page of the listing) and how
 * many empty pages in a row end there. Fetching a page again from the same page (calling `getNextPage()` twice)
 * is not a repeat; only a page that is its own ancestor is.
 */
export class PageTrail {
  /**
   * Each page fetched, with its depth in the listing the first time it was. The first page's key is made on the
   * first `follow`: most listings are awaited for one page and never followed.
   */
  readonly #seen: { pages: Map<string, number>; first: Operation | undefined };
  readonly #depth: number;
  readonly #emptyInARow: number;
  readonly #baseUrl: URL | undefined;

  private constructor(
    seen: { pages: Map<string, number>; first: Operation | undefined },
    depth: number,
    emptyInARow: number,
    baseUrl: URL | undefined,
  ) {
    this.#seen = seen;
    this.#depth = depth;
    this.#emptyInARow = emptyInARow;
    this.#baseUrl = baseUrl;
  }

  /** The trail of a listing's first page, fetched by `op` with `items` items. */
  static begin(op: Operation, items: number, baseUrl: URL | undefined): PageTrail {
    return new PageTrail({ pages: new Map(), first: op }, 0, items === 0 ? 1 : 0, baseUrl);
  }

  /**
   * Checks that `next` may be fetched after this page, and returns the trail of the page it fetches, given the items
   * of this page and that page's content. Throws `PaginationError` for a page already fetched on the way here, one
   * empty page too many, or a page that promises more but holds the same items as the page before it: a server that
   * ignores the page asked for, yet hands out a new link, cursor or page number each time, would be walked forever.
   * A page that repeats some (an item added meanwhile shifts the listing) goes on.
   */
  follow(
    next: Operation,
  ): (before: readonly unknown[], page: { items: readonly unknown[]; next: unknown }) => PageTrail {
    const seen = this.#seen;
    if (seen.first) {
      seen.pages.set(pageKey(seen.first, this.#baseUrl), 0);
      seen.first = undefined;
    }
    const key = pageKey(next, this.#baseUrl);
    const firstSeenAt = seen.pages.get(key);
    if (firstSeenAt !== undefined && firstSeenAt <= this.#depth) {
      throw new PaginationError(
        `The server's next page is page ${firstSeenAt + 1} of this listing again; stopping instead of looping`,
        'repeated_page',
      );
    }
    if (this.#emptyInARow >= MAX_EMPTY_PAGES) {
      throw new PaginationError(
        `The server answered ${this.#emptyInARow} empty pages in a row, each promising more; stopping`,
        'empty_pages',
      );
    }
    const depth = this.#depth + 1;
    return (before, { items, next: more }) => {
      // The first items first: a page that differs (nearly every page) costs one item's JSON, not two whole pages'.
      if (
        more &&
        items.length &&
        jsonText(items[0]) === jsonText(before[0]) &&
        jsonText(items) === jsonText(before)
      ) {
        throw new PaginationError(`Page ${depth + 1} repeats the page before it; stopping`, 'repeated_page');
      }
      if (!seen.pages.has(key)) seen.pages.set(key, depth);
      return new PageTrail(seen, depth, items.length === 0 ? this.#emptyInARow + 1 : 0, this.#baseUrl);
    };
  }
}
