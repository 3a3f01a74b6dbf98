import type { APIPromise } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { APIResource, type PageReader } from '../internal/api-resource.js';
import type { Operation } from '../internal/operation.js';
import { nextFromCursor } from '../internal/pagination/cursor-pagination.js';
import type { SequenceError } from './errors.js';

/** Every answer is `{request_id, data}`. */
interface Envelope<T> {
  data: T;
}

/** A cursor page as Sequence returns it: items in `data`, the cursor in `page_info`. */
interface CursorPage<Item> extends Envelope<Item[]> {
  page_info?: { end_cursor?: string | null; has_next_page?: boolean } | null;
}

/** The one unwrap rule: the envelope's `data` (the whole body stays reachable through `.withResponse()`). */
const unwrap = <T>(body: Envelope<T>): T => body.data;

/**
 * Pages follow `page_info.end_cursor` in `after` until `has_next_page` is false or no cursor is given. Without a
 * `page_info`, the listing is one page.
 */
const readCursorPage = <Item>(body: CursorPage<Item>, op: Operation) => ({
  items: unwrap(body),
  // More pages unless the server says otherwise; a missing cursor ends the listing either way.
  next: nextFromCursor(op, body.page_info?.end_cursor, body.page_info?.has_next_page !== false, 'after'),
});

/** Base of every Sequence resource: `{request_id, data}` unwrapped, and `first`/`after` cursor listings. */
export abstract class SequenceResource extends APIResource<SequenceError> {
  /** Sends the operation `build` describes and unwraps its `data`. Bad input rejects; nothing is sent. */
  protected call<T>(
    build: () => Operation<Envelope<T>>,
    options?: RequestOptions,
  ): APIPromise<T, SequenceError> {
    return this.callWith(build, unwrap, options);
  }

  /** A cursor listing (see `readCursorPage`). */
  protected paginate<Item>(
    build: () => Operation<CursorPage<Item>>,
    options?: RequestOptions,
  ): PagePromise<Item, SequenceError> {
    return this.paginateWith(build, readCursorPage as PageReader<Item, CursorPage<Item>>, options);
  }
}
