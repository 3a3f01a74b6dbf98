import type { Operation } from '../../internal/operation.js';
import { APIPromise } from '../api-promise.js';
import { RuleseqError } from '../errors/ruleseq-error.js';
import type { RequestOptions } from '../request-options.js';
import { loadFirstPage, type Page, type PageFetcher } from './page.js';

/**
 * A listing: `await` it for the first page, or `for await` over every item of every page. While the caller works
 * through one page the next is already being fetched, and at most two pages are held at once.
 */
export class PagePromise<Item, E extends RuleseqError = RuleseqError>
  extends APIPromise<Page<Item>, E>
  implements AsyncIterable<Item>
{
  readonly #options: RequestOptions;

  /**
   * `baseUrl` is the client's: with it a server's absolute link to a page compares equal to the relative
   * operation the SDK built for that page, so a listing that links back to its first page stops there.
   */
  constructor(fetchPage: PageFetcher<Item>, first: Operation, options: RequestOptions = {}, baseUrl?: URL) {
    super(loadFirstPage(fetchPage, first, options, baseUrl));
    this.#options = options;
  }

  /**
   * A listing whose first operation is built from caller input: an SDK error thrown while building (invalid input)
   * rejects the listing and nothing is sent; any other exception is a bug and propagates.
   */
  static build<Item, E extends RuleseqError>(
    build: () => Operation,
    fetchPage: PageFetcher<Item>,
    options: RequestOptions = {},
    baseUrl?: URL,
  ): PagePromise<Item, E> {
    try {
      return new PagePromise<Item, E>(fetchPage, build(), options, baseUrl);
    } catch (error) {
      if (!(error instanceof RuleseqError)) throw error;
      return new PagePromise<Item, E>(() => Promise.reject(error), { method: 'GET', path: '' }, options);
    }
  }

  /** Every page in order, each fetched while the previous one is being consumed. */
  async *iterPages(): AsyncGenerator<Page<Item>, void, undefined> {
    // Aborts the prefetched request when the caller stops early (break, throw).
    const stop = new AbortController();
    const signal = this.#options.signal ? AbortSignal.any([this.#options.signal, stop.signal]) : stop.signal;
    try {
      let page: Page<Item> = await this;
      while (true) {
        const next = page.hasNextPage() ? page.getNextPage({ signal }) : undefined;
        // Observed later by `await next`; this only keeps an early exit from reporting it as unhandled.
        next?.catch(() => {});
        yield page;
        if (!next) return;
        page = await next;
      }
    } finally {
      stop.abort();
    }
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined> {
    for await (const page of this.iterPages()) yield* page.data;
  }

  /** Collects items into an array, stopping at `max`. A bound is required so a large listing cannot exhaust memory. */
  async toArray({ max }: { max: number }): Promise<Item[]> {
    if (!Number.isInteger(max) || max < 0)
      throw new RangeError('toArray({ max }) needs a non-negative integer');
    const items: Item[] = [];
    if (max === 0) return items;
    for await (const item of this) {
      items.push(item);
      if (items.length >= max) break;
    }
    return items;
  }
}
