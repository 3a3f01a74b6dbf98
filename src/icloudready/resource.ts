import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource, type PageReader } from '../internal/api-resource.js';
import type { Operation } from '../internal/operation.js';
import { nextFromPageNumber } from '../internal/pagination/page-number-pagination.js';
import type { ICloudReadyError } from './errors.js';

/**
 * The shapes a listing may come back in. The docs do not say whether a list is a bare array or an envelope, so a
 * bare array and the common envelopes are all read.
 */
type Listing<Item> = Item[] | { data: Item[] } | { items: Item[] } | { results: Item[] };

/**
 * The items of a listing, whatever its shape (the first of `data`, `items`, `results` that is an array). A body of
 * no known shape, which only `validateResponses: false` lets through, reads as an empty last page.
 */
function itemsOf<Item>(body: Listing<Item>): Item[] {
  if (Array.isArray(body)) return body;
  const envelope = body as Partial<Record<'data' | 'items' | 'results', unknown>> | null;
  const found = [envelope?.data, envelope?.items, envelope?.results].find(Array.isArray);
  return (found ?? []) as Item[];
}

/**
 * The operation must carry `query.limit` (the page size): the next page is requested until one comes back short of
 * it or empty. A full page with the same items as the page before it (a server that ignores `page`) is a
 * `PaginationError` (see `PageTrail`).
 */
const readNumberedPage = <Item>(body: Listing<Item>, op: Operation) => {
  const items = itemsOf(body);
  return { items, next: nextFromPageNumber(op, items.length, Number(op.query?.limit)) };
};

/** No envelope to unwrap: iCloudReady shows none, so the schema's output is the result. */
const unwrap = <T>(body: T): T => body;

/** Base of every iCloudReady resource: sending single calls and page-numbered listings. */
export abstract class ICloudReadyResource extends APIResource<ICloudReadyError> {
  /** Sends the operation `build` describes. Bad input rejects the promise and sends nothing. */
  protected call<T>(build: () => Operation<T>, options?: RequestOptions): APIPromise<T, ICloudReadyError> {
    return this.callWith(build, unwrap, options);
  }

  /** A `page`/`limit` listing (see `readNumberedPage`). */
  protected paginate<Item>(
    build: () => Operation<Listing<Item>>,
    options?: RequestOptions,
  ): PagePromise<Item, ICloudReadyError> {
    return this.paginateWith(build, readNumberedPage as PageReader<Item, Listing<Item>>, options);
  }
}
