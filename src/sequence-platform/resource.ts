import type { APIPromise } from '../core/api-promise.js';
import type { PageFetcher } from '../core/pagination/page.js';
import { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { mapResponse } from '../internal/api-response.js';
import type { Operation } from '../internal/operation.js';
import { nextFromPageNumber } from '../internal/pagination/page-number-pagination.js';
import { sendOperation } from '../internal/send-operation.js';
import type { Transport } from '../internal/transport.js';
import type { SequencePlatformError } from './errors.js';

/** Every success is wrapped: `{ data, requestId }`. */
interface Envelope<T> {
  data: T;
}

/** A page: `{ items, pagination: { page, pageSize, hasNextPage } }` inside the envelope. */
interface PageData<Item> {
  items: Item[];
  pagination: { hasNextPage: boolean };
}

/**
 * The one unwrap rule: the envelope's `data` (the whole body stays reachable through `.withResponse()`). Optional
 * chaining: with `validateResponses: false` a body may be anything, and is then handed over as it came.
 */
const unwrap = <T>(body: Envelope<T>): T => body?.data;

/** Base of every Platform resource: one call with the envelope unwrapped, and `page`/`pageSize` listings. */
export abstract class PlatformResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends the operation `build` describes. Bad input (thrown by `build`) rejects the promise; nothing is sent. */
  protected call<T>(
    build: () => Operation<Envelope<T>>,
    options?: RequestOptions,
  ): APIPromise<T, SequencePlatformError> {
    return sendOperation(this.transport, build, unwrap, options);
  }

  /**
   * A listing: awaited, the first page; iterated, every item, the next page fetched while the caller works on the
   * current one. Pages follow `page` + 1 while `hasNextPage` is true (an empty page ends it too).
   */
  protected paginate<Item>(
    build: () => Operation<Envelope<PageData<Item>>>,
    options: RequestOptions = {},
  ): PagePromise<Item, SequencePlatformError> {
    const fetchPage: PageFetcher<Item> = (op, pageOptions) =>
      mapResponse(this.transport.request(op as Operation<Envelope<PageData<Item>>>, pageOptions), (body) => {
        const page = unwrap(body);
        const items = Array.isArray(page?.items) ? page.items : [];
        // The server's `hasNextPage` decides, not how full the page is.
        const hasMore = page?.pagination?.hasNextPage === true;
        return { items, next: nextFromPageNumber(op, items.length, items.length, { hasMore }) };
      });
    return PagePromise.build<Item, SequencePlatformError>(
      build as () => Operation,
      fetchPage,
      options,
      this.transport.config.baseUrl,
    );
  }
}
