import {
  APIPromise,
  mapResponse,
  nextFromCursor,
  type Operation,
  PagePromise,
  type RequestOptions,
  RuleseqError,
} from '../core/index.js';
import type { Transport } from '../core/transport.js';
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
    let op: Operation<Body>;
    try {
      op = build();
    } catch (error) {
      if (error instanceof RuleseqError) return APIPromise.reject(error as SequenceError);
      throw error;
    }
    return new APIPromise<T, SequenceError>(mapResponse(this.transport.request(op, options), unwrap));
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
    try {
      return new PagePromise<Item, SequenceError>(fetchPage, build() as Operation, options);
    } catch (error) {
      if (!(error instanceof RuleseqError)) throw error;
      return new PagePromise<Item, SequenceError>(
        () => Promise.reject(error),
        { method: 'GET', path: '' },
        options,
      );
    }
  }
}
