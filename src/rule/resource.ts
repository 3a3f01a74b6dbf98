import {
  APIPromise,
  type ApiResponse,
  mapResponse,
  nextFromLink,
  type Operation,
  PagePromise,
  type RequestOptions,
  RequestValidationError,
  type ResponseSchema,
  sendOperation,
} from '../core/index.js';
import type { Transport } from '../core/transport.js';
import { validateInput } from '../core/validate-input.js';
import type { RuleError } from './errors.js';
import { listParamsSchema } from './input/common.js';
import { type SubscriberSelector, selectorObject } from './selectors.js';

/** What every Rule resource shares. */
export interface RuleContext {
  v2: Transport;
  /** Rule's v3 API, for the operations Rule closed on v2. Same origin, key and limiter as v2. */
  v3: Transport;
  /** Query parameters that may carry a key in server-given links. */
  credentialParams: readonly string[];
}

/** Base of every Rule resource: request building, envelope unwrapping, pagination. */
export abstract class RuleResource {
  protected readonly ctx: RuleContext;

  constructor(ctx: RuleContext) {
    this.ctx = ctx;
  }

  /** Sends `op` and unwraps its envelope. Input errors thrown by `build` reject the promise; nothing is sent. */
  protected call<Body, T>(
    build: () => Operation<Body>,
    unwrap: (body: Body) => T,
    options?: RequestOptions,
    transport: Transport = this.ctx.v2,
  ): APIPromise<T, RuleError> {
    return sendOperation(transport, build, unwrap, options);
  }

  /** A call that depends on an earlier one (e.g. a lookup); the second's response is the one exposed. */
  protected chain<A, B>(
    first: Promise<ApiResponse<A>>,
    next: (result: ApiResponse<A>) => Promise<ApiResponse<B>>,
  ): APIPromise<B, RuleError> {
    return new APIPromise<B, RuleError>(first.then(next));
  }

  /** A plain `?limit=` listing (`limit` ≤ 100) followed through `meta.next`. */
  protected pages<Item, Body extends { meta?: unknown }>(
    path: string,
    schema: ResponseSchema<Body>,
    items: (body: Body) => Item[],
    params: { limit?: number | undefined },
    options?: RequestOptions,
  ): PagePromise<Item, RuleError> {
    return this.paginate(
      () => ({
        method: 'GET',
        path,
        query: { limit: validateInput(listParamsSchema, params, 'list params').limit },
        schema,
      }),
      items,
      options,
    );
  }

  /**
   * A v3 bulk write (`{ subscribers: […], …extra }`, answered 204) for any number of subscribers: all are validated
   * first, then sent in requests of at most 1,000, one after another. The first failure rejects and stops the rest
   * (earlier requests were accepted; these endpoints are idempotent, so repeating the call is safe).
   */
  protected bulkV3(
    method: 'POST' | 'DELETE',
    path: string,
    subscribers: readonly SubscriberSelector[],
    extra: () => Record<string, unknown>,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    let rest: Record<string, unknown>[] = [];
    // `call` builds synchronously: once it returns, `rest` holds the batches after the first.
    const first = this.call(
      () => {
        if (!Array.isArray(subscribers) || subscribers.length === 0) {
          throw new RequestValidationError([{ message: 'name at least one subscriber' }], path);
        }
        const shared = extra();
        // Array.from visits the holes of a sparse array, which map would skip and JSON would send as null.
        const items = Array.from(subscribers, selectorObject);
        const bodies: Record<string, unknown>[] = [];
        for (let start = 0; start < items.length; start += MAX_PER_BULK_CALL) {
          bodies.push({ subscribers: items.slice(start, start + MAX_PER_BULK_CALL), ...shared });
        }
        const [head, ...tail] = bodies;
        rest = tail;
        return { method, path, body: head };
      },
      () => undefined,
      options,
      this.ctx.v3,
    );
    return rest.reduce<APIPromise<void, RuleError>>(
      (previous, body) =>
        this.chain(previous.withResponse(), () =>
          mapResponse(this.ctx.v3.request({ method, path, body }, options), () => undefined),
        ),
      first,
    );
  }

  /** A `meta.next`-linked listing whose items sit under `itemsKey`. */
  protected paginate<Item, Body extends { meta?: unknown }>(
    build: () => Operation<Body>,
    items: (body: Body) => Item[],
    options: RequestOptions = {},
  ): PagePromise<Item, RuleError> {
    const transport = this.ctx.v2;
    const fetchPage = (op: Operation, pageOptions: RequestOptions) =>
      mapResponse(transport.request(op as Operation<Body>, pageOptions), (body) => ({
        items: items(body),
        next: nextFromLink(nextLinkOf(body.meta), op, transport.config.baseUrl, this.ctx.credentialParams),
      }));
    return PagePromise.build<Item, RuleError>(
      build as () => Operation,
      fetchPage,
      options,
      transport.config.baseUrl,
    );
  }
}

/** Rule's v3 bulk endpoints take at most 1,000 subscribers per request. */
const MAX_PER_BULK_CALL = 1000;

/** `meta` is `{ next }` when documented, and sometimes `[]` or absent (quirks in Rule's docs). */
function nextLinkOf(meta: unknown): unknown {
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as { next?: unknown }).next
    : null;
}
