import type * as z from 'zod/mini';
import { APIPromise, type ApiResponse } from '../core/api-promise.js';
import type { PagePromise } from '../core/pagination/page-promise.js';
import type { RequestOptions } from '../core/request-options.js';
import { sendAcknowledged } from '../internal/acknowledgement.js';
import { APIResource } from '../internal/api-resource.js';
import { mapResponse } from '../internal/api-response.js';
import type { Operation } from '../internal/operation.js';
import { nextFromLink } from '../internal/pagination/link-pagination.js';
import type { ResponseSchema } from '../internal/standard-schema.js';
import type { Transport } from '../internal/transport.js';
import { validateInput, validateQuery } from '../internal/validate-input.js';
import type { RuleError } from './errors.js';
import { zSuccessMessage } from './generated/v2/zod.gen.js';
import { bulkSubscribers } from './selectors.js';

/** What every Rule resource shares. */
export interface RuleContext {
  v2: Transport;
  /** Rule's v3 API, for the operations Rule closed on v2. Same origin, key and limiter as v2. */
  v3: Transport;
  /** Query parameters that may carry a key in server-given links. */
  credentialParams: readonly string[];
}

/** A plain Rule listing: its method's name (for messages), path, generated query and answer, and where the items are. */
export interface Listing<Item, Body, Query extends z.ZodMiniType> {
  name: string;
  path: string;
  query: Query;
  schema: ResponseSchema<Body>;
  items: (body: Body) => Item[];
}

/** A listing's description, its types inferred from the schemas. */
export function listing<Item, Body, Query extends z.ZodMiniType>(
  spec: Listing<Item, Body, Query>,
): Listing<Item, Body, Query> {
  return spec;
}

/**
 * Base of every Rule resource: acknowledgements, bulk v3 writes and `meta.next` listings. Rule wraps each answer in
 * an envelope of its own (`{subscriber}`, `{tags}`, …), so each call names its unwrap (`callWith`).
 */
export abstract class RuleResource extends APIResource<RuleError> {
  protected readonly ctx: RuleContext;

  constructor(ctx: RuleContext) {
    super(ctx.v2);
    this.ctx = ctx;
  }

  /**
   * Sends a write Rule answers with an acknowledgement (`{message: "Success"}`, `{success, campaign_id}`); an
   * acknowledgement of another shape resolves with what `readable` (the documented answer, every field optional)
   * can read from it, and is reported once (`sendAcknowledged`).
   */
  protected acknowledged<T extends object>(
    name: string,
    build: () => Operation,
    documented: ResponseSchema<unknown>,
    readable: ResponseSchema<T>,
    options?: RequestOptions,
    transport: Transport = this.transport,
  ): APIPromise<T, RuleError> {
    const schemas = { documented, readable };
    return sendAcknowledged(transport, name, build, schemas, options);
  }

  /** A write answered by `{message: "Success"}` that returns nothing; any 2xx JSON acknowledgement resolves. */
  protected done(
    name: string,
    build: () => Operation,
    options?: RequestOptions,
    transport: Transport = this.transport,
  ): APIPromise<void, RuleError> {
    const sent = this.acknowledged(name, build, zSuccessMessage, nothing, options, transport);
    return new APIPromise(mapResponse(sent.withResponse(), () => undefined));
  }

  /** A call that depends on an earlier one (e.g. a lookup); the second's response is the one exposed. */
  protected chain<A, B>(
    first: Promise<ApiResponse<A>>,
    next: (result: ApiResponse<A>) => Promise<ApiResponse<B>>,
  ): APIPromise<B, RuleError> {
    return new APIPromise<B, RuleError>(first.then(next));
  }

  /**
   * A listing with a generated `{ limit, page }` query (limit ≤ 100; `page` starts the listing further on, so an
   * export can resume), followed through `meta.next`.
   */
  protected pages<Item, Body extends { meta?: unknown }, Query extends z.ZodMiniType>(
    listing: Listing<Item, Body, Query>,
    params: z.input<Query>,
    options?: RequestOptions,
  ): PagePromise<Item, RuleError> {
    const { name, path, query, schema, items } = listing;
    return this.paginate(
      () => ({ method: 'GET', path, query: validateQuery(query, params, name), schema }),
      items,
      options,
    );
  }

  /**
   * A v3 bulk write (`{ subscribers: […], …extra }`, answered 204) for any number of subscribers: all are validated
   * first, then sent in requests of at most 1,000, one after another. The first failure rejects and stops the rest
   * (earlier requests were accepted; these endpoints are idempotent, so repeating the call is safe).
   */
  protected bulkV3<Extra extends z.ZodMiniType>(
    name: string,
    method: 'POST' | 'DELETE',
    path: string,
    input: { subscribers: unknown; extra: Extra; params: unknown },
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    let rest: Array<() => Operation> = [];
    const send = (build: () => Operation) => this.done(name, build, options, this.ctx.v3);
    // `done` builds synchronously: once it returns, `rest` holds the batches after the first.
    const first = send(() => {
      const subscribers = validateInput(bulkSubscribers, input.subscribers, name);
      const shared = validateInput(input.extra, input.params, name) as Record<string, unknown>;
      const bodies: Array<() => Operation> = [];
      for (let start = 0; start < subscribers.length; start += MAX_PER_BULK_CALL) {
        const body = { subscribers: subscribers.slice(start, start + MAX_PER_BULK_CALL), ...shared };
        bodies.push(() => ({ method, path, body }));
      }
      const [head, ...tail] = bodies;
      rest = tail;
      return head!();
    });
    return rest.reduce<APIPromise<void, RuleError>>(
      (previous, build) => this.chain(previous.withResponse(), () => send(build).withResponse()),
      first,
    );
  }

  /** A `meta.next`-linked listing whose items sit under `itemsKey`. */
  protected paginate<Item, Body extends { meta?: unknown }>(
    build: () => Operation<Body>,
    items: (body: Body) => Item[],
    options: RequestOptions = {},
  ): PagePromise<Item, RuleError> {
    const { baseUrl } = this.transport.config;
    return this.paginateWith(
      build,
      (body, op) => ({
        items: items(body),
        next: nextFromLink(nextLinkOf(body.meta), op, baseUrl, this.ctx.credentialParams),
      }),
      options,
    );
  }
}

/** What a bare acknowledgement carries for the caller: nothing. */
const nothing: ResponseSchema<Record<string, never>> = { '~standard': { validate: () => ({ value: {} }) } };

/** Rule's v3 bulk endpoints take at most 1,000 subscribers per request. */
const MAX_PER_BULK_CALL = 1000;

/** `meta` is `{ next }` when documented, and sometimes `[]` or absent (quirks in Rule's docs). */
function nextLinkOf(meta: unknown): unknown {
  return typeof meta === 'object' && meta !== null && !Array.isArray(meta)
    ? (meta as { next?: unknown }).next
    : null;
}
