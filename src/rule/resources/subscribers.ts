import * as z from 'zod/mini';
import {
  type APIPromise,
  checkJsonBody,
  checkRequestOptions,
  type PagePromise,
  type RequestOptions,
  RequestValidationError,
} from '../../core/index.js';
import { mapConcurrent } from '../../core/map-concurrent.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import type { CreateSubscribersResult } from '../generated/v2/types.gen.js';
import {
  zCreateSubscribersResponse,
  zDeleteSubscriberQuery,
  zDeleteSubscriberResponse,
  zDeleteSubscribersResponse,
  zGetSubscriberFieldsResponse,
  zGetSubscriberResponse,
  zListSubscribersResponse,
  zSubscriber,
  zUpdateSubscriberResponse,
} from '../generated/v2/zod.gen.js';
import {
  callbackUrlSchema,
  emailSchema,
  isPositiveId,
  languageSchema,
  paramsObjectSchema,
  phoneNumberSchema,
} from '../input/common.js';
import { type FieldValuesInput, fieldValueSchema } from '../input/field-values.js';
import {
  type CreateOptions,
  createOptionsSchema,
  type SubscriberInput,
  tagListSchema,
  toWireSubscriber,
  wireSubscriberSchema,
} from '../input/subscriber.js';
import { type NumericIds, withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import { resolveSelector, type SubscriberSelector, selectorParts } from '../selectors.js';
import type { Subscriber, SubscriberFieldGroup } from '../types.js';
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
const getSchema = withNumericIds(zGetSubscriberResponse);
const fieldsSchema = withNumericIds(zGetSubscriberFieldsResponse);
const updateSchema = withNumericIds(zUpdateSubscriberResponse);

const updateSchemaInput = z.strictObject({
  email: z.optional(emailSchema),
  phone_number: z.optional(phoneNumberSchema),
  language: z.optional(languageSchema),
  tags: z.optional(tagListSchema),
  fields: z.optional(z.array(fieldValueSchema)),
});

const callbackSchema = z.strictObject({ callback_url: z.optional(callbackUrlSchema) });

function callbackParams(params: { callback_url?: string }, action: string): Record<string, unknown> {
  return validateInput(callbackSchema, params, `${action} options`);
}

/** Options of `create`: the subscriber plus Rule's create options (`tags` is required). */
export interface CreateSubscriberParams extends CreateOptions {
  subscriber: SubscriberInput;
}

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

const createManyParamsSchema = z.extend(createOptionsSchema, {
  async: z.optional(z.boolean()),
  onProgress: z.optional(
    z.custom<(progress: CreateManyProgress) => void>(
      (f) => typeof f === 'function',
      'onProgress must be a function',
    ),
  ),
  concurrency: z.optional(z.int().check(z.gte(1, 'concurrency must be at least 1'))),
});

export interface CreateManyParams extends CreateOptions {
  /** Rule processes multi-subscriber creates asynchronously unless `async: false`. */
  async?: boolean;
  onProgress?: (progress: CreateManyProgress) => void;
  /** Calls in flight at once (the rate limiter may allow fewer). Default 4. */
  concurrency?: number;
}

/** One call of a `createMany`: which input subscribers it carried and how it ended. */
export type CreateManyCall =
  | {
      ok: true;
      index: number;
      start: number;
      subscribers: SubscriberInput[];
      result: NumericIds<CreateSubscribersResult>;
    }
  | { ok: false; index: number; start: number; subscribers: SubscriberInput[]; error: RuleError };

export interface CreateManyReport {
  total: number;
  succeeded: number;
  failed: number;
  /** In input order; a failed call lists its subscribers so they can be retried. */
  calls: CreateManyCall[];
}

export interface UpdateSubscriberParams {
  email?: string;
  phone_number?: string;
  language?: string;
  tags?: Array<string | number>;
  fields?: FieldValuesInput;
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
    return this.call(
      () => {
        const { subscriber, ...rest } = validateInput(paramsObjectSchema, params, 'create params');
        const createOptions = validateInput(createOptionsSchema, rest, 'create options');
        const wire = validateInput(
          wireSubscriberSchema,
          toWireSubscriber(subscriber as SubscriberInput),
          'subscriber',
        );
        return {
          method: 'POST',
          path: 'subscribers',
          body: { ...createOptions, subscribers: wire },
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
   * `POST /subscribers`
   */
  async createMany(
    subscribers: readonly SubscriberInput[],
    params: CreateManyParams,
    options: RequestOptions = {},
  ): Promise<CreateManyReport> {
    const { onProgress, concurrency, ...createOptions } = validateInput(
      createManyParamsSchema,
      params,
      'createMany options',
    );
    if (!Array.isArray(subscribers)) {
      throw new RequestValidationError([{ message: 'expected an array of subscribers' }], 'subscribers');
    }
    const wire = validateInput(
      z.array(wireSubscriberSchema),
      subscribers.map((s, i) => toWireSubscriber(s, `${i}`)),
      'subscribers',
    );
    // Each call's failures end up in the report; input that no call could send is refused here instead.
    checkJsonBody({ ...createOptions, subscribers: wire });
    checkRequestOptions(options);
    const size = createOptions.sync_subscribers
      ? MAX_PER_SYNC_CALL
      : createOptions.automation === 'reset'
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
      const body = { ...createOptions, subscribers: wire.slice(start, start + size) };
      const outcome = await this.call(
        () => ({ method: 'POST', path: 'subscribers', body, schema: createManySchema }),
        (b) => b,
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

  /** Every subscriber, page by page (`limit` ≤ 100 per page). `GET /subscribers` */
  list(params: { limit?: number } = {}, options?: RequestOptions): PagePromise<Subscriber, RuleError> {
    return this.pages('subscribers', listSchema, (body) => body.subscribers, params, options);
  }

  /** One subscriber, with the segments it syncs to. `GET /subscribers/{identifier}` */
  get(subscriber: SubscriberSelector, options?: RequestOptions): APIPromise<Subscriber, RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        return {
          method: 'GET',
          path: `subscribers/${identifier}`,
          query: { identified_by },
          schema: getSchema,
        };
      },
      (body) => body.subscriber,
      options,
    );
  }

  /** The subscriber's custom field values, by group. `GET /subscriber/{identifier}/fields` */
  fields(
    subscriber: SubscriberSelector,
    options?: RequestOptions,
  ): APIPromise<SubscriberFieldGroup[], RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        return {
          method: 'GET',
          path: `subscriber/${identifier}/fields`,
          query: { identified_by },
          schema: fieldsSchema,
        };
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
    return this.call(
      () => {
        if (!isPositiveId(id)) {
          throw new RequestValidationError(
            [{ message: 'id must be a positive integer', path: ['id'] }],
            'update',
          );
        }
        const wire = validateInput(
          updateSchemaInput,
          toWireSubscriber(changes, 'changes'),
          'subscriber changes',
        );
        return { method: 'PUT', path: `subscribers/${id}`, body: wire, schema: updateSchema };
      },
      (body) => body.subscriber,
      options,
    );
  }

  /** Deletes one subscriber (by email, id or phone number). `DELETE /subscribers/{identifier}` */
  delete(subscriber: SubscriberSelector, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        const query = validateInput(zDeleteSubscriberQuery, { identified_by }, 'delete selector');
        return {
          method: 'DELETE',
          path: `subscribers/${identifier}`,
          query: { identified_by: query.identified_by },
          schema: zDeleteSubscriberResponse,
        };
      },
      () => undefined,
      options,
    );
  }

  /** Deletes many subscribers in one call (by email or phone number only). `DELETE /subscribers` */
  deleteMany(
    subscribers: ReadonlyArray<{ email: string } | { phone_number: string }>,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.call(
      () => {
        if (!Array.isArray(subscribers) || subscribers.length === 0) {
          throw new RequestValidationError([{ message: 'name at least one subscriber' }], 'deleteMany');
        }
        const items = Array.from(subscribers, (s) => {
          const parts = selectorParts(s);
          if (parts.identified_by !== 'email' && parts.identified_by !== 'phone_number') {
            throw new RequestValidationError(
              [{ message: 'mass delete accepts email or phone_number only' }],
              'deleteMany',
            );
          }
          return parts;
        });
        return {
          method: 'DELETE',
          path: 'subscribers',
          body: { subscribers: items },
          schema: zDeleteSubscribersResponse,
        };
      },
      () => undefined,
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
    params: { callback_url?: string } = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.bulkV3(
      'POST',
      'subscribers/block',
      subscribers,
      () => callbackParams(params, 'block'),
      options,
    );
  }

  /** Unblocks subscribers; batching and failures as `block`. `POST /api/v3/subscribers/unblock` */
  unblock(
    subscribers: readonly SubscriberSelector[],
    params: { callback_url?: string } = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.bulkV3(
      'POST',
      'subscribers/unblock',
      subscribers,
      () => callbackParams(params, 'unblock'),
      options,
    );
  }
}
