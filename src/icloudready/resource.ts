import type { APIPromise } from '../core/api-promise.js';
import type { PageFetcher } from '../core/pagination/page.js';
import { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { mapResponse } from '../internal/api-response.js';
import type { Operation } from '../internal/operation.js';
import { nextFromPageNumber } from '../internal/pagination/page-number-pagination.js';
import { sendOperation } from '../internal/send-operation.js';
import type { Transport } from '../internal/transport.js';
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

/** Base of every iCloudReady resource: sending single calls and page-numbered listings. */
export abstract class ICloudReadyResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /**
   * Sends the operation `build` describes; its schema's output is the result (no envelope to unwrap: iCloudReady
   * shows none). Bad input rejects the promise and sends nothing.
   */
  protected call<T>(build: () => Operation<T>, options?: RequestOptions): APIPromise<T, ICloudReadyError> {
    return sendOperation(this.transport, build, (body) => body, options);
  }

  /**
   * A `page`/`limit` listing. The operation must carry `query.limit` (the page size): the next page is requested
   * until one comes back short of it or empty. Bad input rejects the first page and sends nothing.
   */
  protected paginate<Item>(
    build: () => Operation<Listing<Item>>,
    options: RequestOptions = {},
  ): PagePromise<Item, ICloudReadyError> {
    const fetchPage: PageFetcher<Item> = (op, pageOptions) =>
      mapResponse(this.transport.request(op as Operation<Listing<Item>>, pageOptions), (body) => {
        const items = itemsOf(body);
        return { items, next: nextFromPageNumber(op, items.length, Number(op.query?.limit)) };
      });
    return PagePromise.build<Item, ICloudReadyError>(
      build as () => Operation,
      fetchPage,
      options,
      this.transport.config.baseUrl,
    );
  }
}
