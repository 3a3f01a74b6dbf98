import type { APIPromise } from '../core/api-promise.js';
import { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { mapResponse } from '../internal/api-response.js';
import type { Operation } from '../internal/operation.js';
import { nextFromCursor } from '../internal/pagination/cursor-pagination.js';
import { sendOperation } from '../internal/send-operation.js';
import type { Transport } from '../internal/transport.js';
import type { SequenceError } from './errors.js';

/** A cursor page as Sequence returns it: items in `data`, the cursor in `page_info`. */
interface CursorPage<Item> {
  data: Item[];
  page_info?: { end_cursor?: string | null; has_next_page?: boolean } | null;
}

/** Base of every Sequence resource: envelope unwrapping and cursor pagination. */
export abstract class SequenceResource {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends `op` and unwraps `{request_id, data}`. Input errors thrown by `build` reject; nothing is sent. */
  protected call<Body, T>(
    build: () => Operation<Body>,
    unwrap: (body: Body) => T,
    options?: RequestOptions,
  ): APIPromise<T, SequenceError> {
    return sendOperation(this.transport, build, unwrap, options);
  }

  /**
   * A `first`/`after` listing: pages follow `page_info.end_cursor` until `has_next_page` is false or no cursor is
   * given. Without a `page_info`, the listing is one page.
   */
  protected paginate<Item, Body extends CursorPage<Item>>(
    build: () => Operation<Body>,
    options: RequestOptions = {},
  ): PagePromise<Item, SequenceError> {
    const fetchPage = (op: Operation, pageOptions: RequestOptions) =>
      mapResponse(this.transport.request(op as Operation<Body>, pageOptions), (body) => ({
        items: body.data,
        // More pages unless the server says otherwise; a missing cursor ends the listing either way.
        next: nextFromCursor(
          op,
          body.page_info?.end_cursor,
          body.page_info?.has_next_page !== false,
          'after',
        ),
      }));
    return PagePromise.build<Item, SequenceError>(
      build as () => Operation,
      fetchPage,
      options,
      this.transport.config.baseUrl,
    );
  }
}
