import type { APIPromise } from '../core/api-promise.js';
import { PaginationError } from '../core/errors/pagination-error.js';
import type { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource, type PageReader } from '../internal/api-resource.js';
import type { Operation } from '../internal/operation.js';
import { nextFromPageNumber } from '../internal/pagination/page-number-pagination.js';
import type { SequencePlatformError } from './errors.js';
import { checkIdempotencyKey } from './input.js';

/** Every success is wrapped: `{ data, requestId }`. */
interface Envelope<T> {
  data: T;
}

/** A page: `{ items, pagination: { page, pageSize, hasNextPage } }` inside the envelope. */
interface PageData<Item> {
  items: Item[];
  pagination: { page?: number; hasNextPage: boolean };
}

/**
 * The one unwrap rule: the envelope's `data` (the whole body stays reachable through `.withResponse()`). Optional
 * chaining: with `validateResponses: false` a body may be anything, and is then handed over as it came.
 */
const unwrap = <T>(body: Envelope<T>): T => body?.data;

/**
 * Pages follow `page` + 1 while `hasNextPage` is true (an empty page ends it too). A page that promises more but is
 * not the one asked for (`pagination.page`, "the page returned": a server ignoring `page`) is a `PaginationError`:
 * following it would walk the same page forever.
 */
const readNumberedPage = <Item>(body: Envelope<PageData<Item>>, op: Operation) => {
  const page = unwrap(body);
  const items = Array.isArray(page?.items) ? page.items : [];
  // The server's `hasNextPage` decides, not how full the page is.
  const hasMore = page?.pagination?.hasNextPage === true;
  const asked = Number(op.query?.page ?? 1);
  const returned = page?.pagination?.page;
  if (hasMore && returned !== undefined && returned !== asked) {
    throw new PaginationError(
      `Asked for page ${asked}, the server answered page ${returned}`,
      'repeated_page',
    );
  }
  return { items, next: nextFromPageNumber(op, items.length, items.length, { hasMore }) };
};

/** Base of every Platform resource: one call with the envelope unwrapped, and `page`/`pageSize` listings. */
export abstract class PlatformResource extends APIResource<SequencePlatformError> {
  /**
   * Sends the operation `build` describes; a write's own `idempotencyKey` must be one Sequence accepts. Bad input
   * (thrown by `build`, or the key) rejects the promise; nothing is sent.
   */
  protected call<T>(
    build: () => Operation<Envelope<T>>,
    options?: RequestOptions,
  ): APIPromise<T, SequencePlatformError> {
    const checked = () => {
      const op = build();
      // Only writes carry the key (see `planCall`).
      if (op.method !== 'GET') checkIdempotencyKey(options);
      return op;
    };
    return this.callWith(checked, unwrap, options);
  }

  /** A listing (see `readNumberedPage`). */
  protected paginate<Item>(
    build: () => Operation<Envelope<PageData<Item>>>,
    options?: RequestOptions,
  ): PagePromise<Item, SequencePlatformError> {
    return this.paginateWith(build, readNumberedPage as PageReader<Item, Envelope<PageData<Item>>>, options);
  }
}
