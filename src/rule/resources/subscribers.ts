import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { checkJsonBody } from '../../internal/check-request.js';
import { mapConcurrent } from '../../internal/map-concurrent.js';
import { refineField } from '../../internal/refine-field.js';
import { validateArgument, validateInput } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zCreateSubscribersResponse,
  zDeleteSubscriberQuery,
  zDeleteSubscribersRequest,
  zGetSubscriberFieldsQuery,
  zGetSubscriberFieldsResponse,
  zGetSubscriberQuery,
  zGetSubscriberResponse,
  zListSubscribersQuery,
  zListSubscribersResponse,
  zSubscriber,
  zUpdateSubscriberResponse,
} from '../generated/v2/zod.gen.js';
import { zBlockSubscribersRequest } from '../generated/v3/zod.gen.js';
import { httpUrlCheck, positiveId } from '../input/common.js';
import { createOptions, subscriberChanges, subscriberInput } from '../input/subscriber.js';
import { withNumericIds } from '../numeric-ids.js';
import { listing, RuleResource } from '../resource.js';
import {
  type AcceptedBy,
  type SubscriberSelector,
  selectorFor,
  selectorSchema,
  subscriberRoute,
} from '../selectors.js';
import type { CreateSubscribersResult, Subscriber, SubscriberFieldGroup } from '../types.js';
import { SubscriberTags } from './subscriber-tags.js';

/** Rule refuses more than 1,000 subscribers per call (413). */
const MAX_PER_CALL = 1000;
/** `sync_subscribers: true` is limited to 100 subscribers per call. */
const MAX_PER_SYNC_CALL = 100;
/** `automation: 'reset'` only takes effect on requests with fewer than 20 subscribers. */
const MAX_PER_RESET_CALL = 19;

const createOneSchema = withNumericIds(z.extend(zCreateSubscribersResponse, { subscriber: zSubscriber }));
const createManySchema = withNumericIds(zCreateSubscribersResponse);
const listSchema = withNumericIds(zListSubscribersResponse);
const list = listing({
  name: 'subscribers.list',
  path: 'subscribers',
  query: zListSubscribersQuery,
  schema: listSchema,
  items: (body) => body.subscribers,
});
const getSchema = withNumericIds(zGetSubscriberResponse);
const fieldsSchema = withNumericIds(zGetSubscriberFieldsResponse);
const updateSchema = withNumericIds(zUpdateSubscriberResponse);

const getSelector = selectorFor(zGetSubscriberQuery);
const fieldsSelector = selectorFor(zGetSubscriberFieldsQuery);
const deleteSelector = selectorFor(zDeleteSubscriberQuery);
const deleteManyItem = zDeleteSubscribersRequest.shape.subscribers.def.element;
type DeleteManyBy = z.output<typeof deleteManyItem>['identified_by'];
const deleteManySubscribers = z
  .array(selectorSchema<DeleteManyBy>(deleteManyItem.shape.identified_by._zod.values))
  .check(z.minLength(1, 'name at least one subscriber'));

/** `subscribers.create`: one subscriber and Rule's create options (`tags` is required). */
const createParams = z.extend(z.omit(createOptions, { async: true }), { subscriber: subscriberInput });

/** `subscribers.createMany`: Rule's create options plus the SDK's own (`onProgress`, `concurrency`). */
const createManyParams = z.extend(createOptions, {
  onProgress: z.optional(
    z.custom<(progress: CreateManyProgress) => void>((f) => typeof f === 'function', 'must be a function'),
  ),
  /** Calls in flight at once (the rate limiter may allow fewer). Default 4. */
  concurrency: z.optional(z.int().check(z.gte(1, 'must be at least 1'))),
});
const createManyRows = z.strictObject({ subscribers: z.array(subscriberInput) });

/** Options of `block` and `unblock` beside the subscribers. */
const blockOptions = z.extend(z.omit(zBlockSubscribersRequest, { subscribers: true }), {
  callback_url: refineField(zBlockSubscribersRequest.shape.callback_url, httpUrlCheck),
});

export type CreateSubscriberParams = z.input<typeof createParams>;
export type CreateManyParams = z.input<typeof createManyParams>;
export type ListSubscribersParams = z.input<typeof zListSubscribersQuery>;
export type UpdateSubscriberParams = z.input<typeof subscriberChanges>;
export type BlockSubscribersParams = z.input<typeof blockOptions>;

/** Progress of `createMany`, reported after each call completes. */
export interface CreateManyProgress {
  /** Subscribers in completed calls (succeeded or failed). */
  done: number;
  /** Subscribers in calls that failed. */
  failed: number;
  total: number;
  callsDone: number;
  calls: number;
}

/** One call of a `createMany`: which input subscribers it carried and how it ended. */
export type CreateManyCall =
  | {
      ok: true;
      index: number;
      start: number;
      subscribers: SubscriberInputRow[];
      result: CreateSubscribersResult;
    }
  | { ok: false; index: number; start: number; subscribers: SubscriberInputRow[]; error: RuleError };

type SubscriberInputRow = z.input<typeof subscriberInput>;

export interface CreateManyReport {
  total: number;
  succeeded: number;
  failed: number;
  /** In input order; a failed call lists its subscribers so they can be retried. */
  calls: CreateManyCall[];
}

/** Subscribers (`/subscribers`), their fields and their tags. */
export class Subscribers extends RuleResource {
  /** Tags on one subscriber. */
  readonly tags = new SubscriberTags(this.ctx);

  /**
   * Creates (or, with `update_on_duplicate`, updates) one subscriber. Field types are inferred from values
   * (Date → datetime, string[] → multiple, object → json). `POST /subscribers`
   */
  create(params: CreateSubscriberParams, options?: RequestOptions): APIPromise<Subscriber, RuleError> {
    return this.callWith(
      () => {
        const { subscriber, ...rest } = validateInput(createParams, params, 'subscribers.create');
        return {
          method: 'POST',
          path: 'subscribers',
          body: { ...rest, subscribers: subscriber },
          schema: createOneSchema,
        };
      },
      (body) => body.subscriber,
      options,
    );
  }

  /**
   * Creates any number of subscribers: every input is validated first (nothing is sent if one is invalid), then
   * they go out in calls of at most 1,000 (100 with `sync_subscribers`, 19 with `automation: 'reset'`, the sizes at
   * which those options take effect) under the rate limiter. Calls of 20 or more do not start automations unless
   * `sync_subscribers` is set. A failed call never stops the others: the report lists each call's outcome and its
   * subscribers. Calls are not retried after a failure that may have been processed, so nothing is created twice.
   * Rule acknowledges these calls in several shapes; one it does not document still counts as success.
   * `POST /subscribers`
   */
  async createMany(
    subscribers: readonly SubscriberInputRow[],
    params: CreateManyParams,
    options: RequestOptions = {},
  ): Promise<CreateManyReport> {
    const context = 'subscribers.createMany';
    const { onProgress, concurrency, ...rest } = validateInput(createManyParams, params, context);
    const wire = validateInput(createManyRows, { subscribers }, context).subscribers;
    // Each call's failures end up in the report; input that no call could send is refused here instead.
    checkJsonBody({ ...rest, subscribers: wire });
    this.transport.checkOptions(options);
    const size = rest.sync_subscribers
      ? MAX_PER_SYNC_CALL
      : rest.automation === 'reset'
        ? MAX_PER_RESET_CALL
        : MAX_PER_CALL;
    const starts = Array.from({ length: Math.ceil(wire.length / size) }, (_, i) => i * size);
    const progress: CreateManyProgress = {
      done: 0,
      failed: 0,
      total: wire.length,
      callsDone: 0,
      calls: starts.length,
    };

    const calls = await mapConcurrent(starts, concurrency ?? 4, async (start, index) => {
      const chunk = subscribers.slice(start, start + size);
      const body = { ...rest, subscribers: wire.slice(start, start + size) };
      const outcome = await this.acknowledged(
        context,
        () => ({ method: 'POST', path: 'subscribers', body }),
        zCreateSubscribersResponse,
        createManySchema,
        options,
      ).safe();
      progress.callsDone++;
      progress.done += chunk.length;
      if (!outcome.ok) progress.failed += chunk.length;
      onProgress?.({ ...progress });
      return outcome.ok
        ? { ok: true as const, index, start, subscribers: chunk, result: outcome.data }
        : { ok: false as const, index, start, subscribers: chunk, error: outcome.error };
    });
    return { total: wire.length, succeeded: wire.length - progress.failed, failed: progress.failed, calls };
  }

  /**
   * Every subscriber, page by page (`limit` ≤ 100 per page); `page` starts further on, e.g. to resume an export.
   * `GET /subscribers`
   */
  list(params: ListSubscribersParams = {}, options?: RequestOptions): PagePromise<Subscriber, RuleError> {
    return this.pages(list, params, options);
  }

  /** One subscriber, with the segments it syncs to. `GET /subscribers/{identifier}` */
  get(
    subscriber: SubscriberSelector<AcceptedBy<typeof zGetSubscriberQuery>>,
    options?: RequestOptions,
  ): APIPromise<Subscriber, RuleError> {
    return this.callWith(
      () => ({
        method: 'GET',
        ...subscriberRoute(
          validateArgument(getSelector, subscriber, 'subscriber', 'subscribers.get'),
          'subscribers',
        ),
        schema: getSchema,
      }),
      (body) => body.subscriber,
      options,
    );
  }

  /** The subscriber's custom field values, by group. `GET /subscriber/{identifier}/fields` */
  fields(
    subscriber: SubscriberSelector<AcceptedBy<typeof zGetSubscriberFieldsQuery>>,
    options?: RequestOptions,
  ): APIPromise<SubscriberFieldGroup[], RuleError> {
    return this.callWith(
      () => {
        const parts = validateArgument(fieldsSelector, subscriber, 'subscriber', 'subscribers.fields');
        return { method: 'GET', ...subscriberRoute(parts, 'subscriber', '/fields'), schema: fieldsSchema };
      },
      (body) => body.groups,
      options,
    );
  }

  /** Changes any of email, phone number, language, tags and fields. `PUT /subscribers/{id}` (numeric id only) */
  update(
    id: number,
    changes: UpdateSubscriberParams,
    options?: RequestOptions,
  ): APIPromise<Subscriber, RuleError> {
    return this.callWith(
      () => {
        const valid = validateArgument(positiveId, id, 'id', 'subscribers.update');
        const body = validateArgument(subscriberChanges, changes, 'changes', 'subscribers.update');
        return { method: 'PUT', path: `subscribers/${valid}`, body, schema: updateSchema };
      },
      (body) => body.subscriber,
      options,
    );
  }

  /** Deletes one subscriber (by email, id or phone number). `DELETE /subscribers/{identifier}` */
  delete(
    subscriber: SubscriberSelector<AcceptedBy<typeof zDeleteSubscriberQuery>>,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.done(
      'subscribers.delete',
      () => ({
        method: 'DELETE',
        ...subscriberRoute(
          validateArgument(deleteSelector, subscriber, 'subscriber', 'subscribers.delete'),
          'subscribers',
        ),
      }),
      options,
    );
  }

  /** Deletes many subscribers in one call (by email or phone number only). `DELETE /subscribers` */
  deleteMany(
    subscribers: ReadonlyArray<SubscriberSelector<DeleteManyBy>>,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.done(
      'subscribers.deleteMany',
      () => {
        const items = validateArgument(
          deleteManySubscribers,
          subscribers,
          'subscribers',
          'subscribers.deleteMany',
        );
        return { method: 'DELETE', path: 'subscribers', body: { subscribers: items } };
      },
      options,
    );
  }

  /**
   * Blocks subscribers (Rule v3; processed asynchronously). Any number: validated first, then sent in requests of
   * at most 1,000, one after another; the first failure rejects and stops the rest (blocking is idempotent).
   * `POST /api/v3/subscribers/block`
   */
  block(
    subscribers: readonly SubscriberSelector[],
    params: BlockSubscribersParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const input = { subscribers, extra: blockOptions, params };
    return this.bulkV3('subscribers.block', 'POST', 'subscribers/block', input, options);
  }

  /** Unblocks subscribers; batching and failures as `block`. `POST /api/v3/subscribers/unblock` */
  unblock(
    subscribers: readonly SubscriberSelector[],
    params: BlockSubscribersParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const input = { subscribers, extra: blockOptions, params };
    return this.bulkV3('subscribers.unblock', 'POST', 'subscribers/unblock', input, options);
  }
}
