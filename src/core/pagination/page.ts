import { withData } from '../api-response.js';
import type { RequestOptions } from '../request-options.js';
import type { ApiResponse, Operation } from '../transport.js';

/** One page as a strategy reads it: its items and the operation that fetches the next page, if any. */
export interface PageContent<Item> {
  items: Item[];
  next: Operation | null;
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
  readonly #next: Operation | null;
  readonly #fetch: PageFetcher<Item>;
  readonly #options: RequestOptions;

  constructor(result: ApiResponse<PageContent<Item>>, fetchPage: PageFetcher<Item>, options: RequestOptions) {
    this.data = result.data.items;
    this.#result = result;
    this.requestId = result.requestId;
    this.body = result.body;
    this.#next = result.data.next;
    this.#fetch = fetchPage;
    this.#options = options;
  }

  /** The page's HTTP response (status, headers, body), with any credential redacted from its `url`. */
  get response(): Response {
    return this.#result.response;
  }

  hasNextPage(): boolean {
    return this.#next !== null;
  }

  /** Fetches the following page with the same options. Throws when there is none; check `hasNextPage()` first. */
  async getNextPage(options: RequestOptions = {}): Promise<Page<Item>> {
    if (!this.#next) throw new RangeError('No next page: check hasNextPage() first');
    const merged = { ...this.#options, ...options };
    return new Page(await this.#fetch(this.#next, merged), this.#fetch, merged);
  }
}

/** Loads the first page of a listing. */
export function loadFirstPage<Item>(
  fetchPage: PageFetcher<Item>,
  op: Operation,
  options: RequestOptions,
): Promise<ApiResponse<Page<Item>>> {
  return fetchPage(op, options).then((result) => withData(result, new Page(result, fetchPage, options)));
}
