import { withData } from '../../internal/api-response.js';
import type { Operation } from '../../internal/operation.js';
import { PageTrail } from '../../internal/pagination/page-trail.js';
import type { ApiResponse } from '../api-promise.js';
import { PaginationError } from '../errors/pagination-error.js';
import type { RequestOptions } from '../request-options.js';

/**
 * What comes after a page: the operation that fetches it, `null` at the end, or a `PaginationError` when the
 * server named a next page the SDK refuses to fetch. A refusal costs the link, not the page that carried it.
 */
export type NextPage = Operation | PaginationError | null;

/** One page as a strategy reads it: its items and what comes after it. */
export interface PageContent<Item> {
  items: Item[];
  next: NextPage;
}

/** Fetches one page; supplied by the vendor client (transport call + schema + strategy). */
export type PageFetcher<Item> = (
  op: Operation,
  options: RequestOptions,
) => Promise<ApiResponse<PageContent<Item>>>;

/** One fetched page: `data` holds its items. */
export class Page<Item> {
  readonly data: Item[];
  readonly requestId: string | undefined;
  readonly body: unknown;
  readonly #result: ApiResponse<PageContent<Item>>;
  readonly #next: NextPage;
  readonly #fetch: PageFetcher<Item>;
  readonly #options: RequestOptions;
  readonly #trail: PageTrail;

  constructor(
    result: ApiResponse<PageContent<Item>>,
    fetchPage: PageFetcher<Item>,
    options: RequestOptions,
    trail: PageTrail,
  ) {
    this.data = result.data.items;
    this.#result = result;
    this.requestId = result.requestId;
    this.body = result.body;
    this.#next = result.data.next;
    this.#fetch = fetchPage;
    this.#options = options;
    this.#trail = trail;
  }

  /** The page's HTTP response (status, headers, body), with any credential redacted from its `url`. */
  get response(): Response {
    return this.#result.response;
  }

  /** Whether the server says more pages follow (even one `getNextPage()` will refuse to fetch). */
  hasNextPage(): boolean {
    return this.#next !== null;
  }

  /**
   * Fetches the following page with the same options. Throws `RangeError` when there is none (check
   * `hasNextPage()` first), and `PaginationError` when the server's next page is one the SDK will not fetch: on
   * another origin, already fetched by this listing, or after too many empty pages. Nothing is sent then.
   */
  async getNextPage(options: RequestOptions = {}): Promise<Page<Item>> {
    const next = this.#next;
    if (next === null) throw new RangeError('No next page: check hasNextPage() first');
    if (next instanceof PaginationError) throw next;
    const trail = this.#trail.follow(next);
    const merged = { ...this.#options, ...options };
    const result = await this.#fetch(next, merged);
    return new Page(result, this.#fetch, merged, trail(this.data, result.data));
  }
}

/** Loads the first page of a listing; `baseUrl` resolves its relative paths when pages are compared. */
export function loadFirstPage<Item>(
  fetchPage: PageFetcher<Item>,
  op: Operation,
  options: RequestOptions,
  baseUrl: URL | undefined,
): Promise<ApiResponse<Page<Item>>> {
  return fetchPage(op, options).then((result) => {
    const trail = PageTrail.begin(op, result.data.items.length, baseUrl);
    return withData(result, new Page(result, fetchPage, options, trail));
  });
}
