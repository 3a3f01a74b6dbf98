import type { APIPromise } from '../core/api-promise.js';
import type { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { PageContent } from '../core/pagination/page.js';
import { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { mapResponse } from './api-response.js';
import type { Operation } from './operation.js';
import { sendOperation } from './send-operation.js';
import type { Transport } from './transport.js';

/** Reads one page of a listing: its items, and the operation of the page after it (see `NextPage`). */
export type PageReader<Item, Body> = (body: Body, op: Operation) => PageContent<Item>;

/**
 * Base of every vendor resource: it holds the transport its client made and sends through it, as openai-node's
 * `APIResource` holds its client. A vendor's own base adds only what differs: how its answers unwrap, and how one
 * page leads to the next.
 */
export abstract class APIResource<E extends RuleseqError> {
  protected readonly transport: Transport;

  constructor(transport: Transport) {
    this.transport = transport;
  }

  /** Sends `op` and hands back `unwrap` of its body. Input errors thrown by `build` reject; nothing is sent. */
  protected callWith<Body, T>(
    build: () => Operation<Body>,
    unwrap: (body: Body) => T,
    options?: RequestOptions,
    transport: Transport = this.transport,
  ): APIPromise<T, E> {
    return sendOperation(transport, build, unwrap, options);
  }

  /**
   * A listing: awaited, its first page; iterated, every item, the next page fetched while the caller works on the
   * current one. `readPage` finds a page's items and the page after it. Bad input rejects the first page.
   */
  protected paginateWith<Item, Body>(
    build: () => Operation<Body>,
    readPage: PageReader<Item, Body>,
    options: RequestOptions = {},
  ): PagePromise<Item, E> {
    const { transport } = this;
    return PagePromise.build<Item, E>(
      build as () => Operation,
      (op, pageOptions) =>
        mapResponse(transport.request(op as Operation<Body>, pageOptions), (body) => readPage(body, op)),
      options,
      transport.config.baseUrl,
    );
  }
}
