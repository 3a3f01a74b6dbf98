import * as z from 'zod/mini';
import type { APIPromise, PagePromise, RequestOptions } from '../../core/index.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import type { MessageType } from '../generated/v2/types.gen.js';
import { zListSuppressionsResponse } from '../generated/v2/zod.gen.js';
import { callbackUrlSchema, messageTypeSchema } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { SubscriberSelector } from '../selectors.js';
import type { Suppression } from '../types.js';

/** v3 path, trailing slash included: that is how Rule documents and serves it. */
const V3_PATH = 'suppressions/';

const listSchema = withNumericIds(zListSuppressionsResponse);

const paramsSchema = z.strictObject({
  message_types: z.optional(
    z.array(messageTypeSchema).check(z.minLength(1, 'message_types must name at least one message type')),
  ),
  callback_url: z.optional(callbackUrlSchema),
});

export interface SuppressionParams {
  /** Channels to (un)suppress on; omitted: every channel. */
  message_types?: MessageType[];
  /** Rule calls this URL when the asynchronous job is done. */
  callback_url?: string;
}

/** Suppressions: subscribers who must not receive campaigns (or any message) on some channels. */
export class Suppressions extends RuleResource {
  /** Every suppression, page by page (`limit` ≤ 100). `GET /suppressions` (v2) */
  list(params: { limit?: number } = {}, options?: RequestOptions): PagePromise<Suppression, RuleError> {
    return this.pages('suppressions', listSchema, (body) => body.suppressions, params, options);
  }

  /**
   * Suppresses subscribers (by email, id, phone number or custom identifier) on the given `message_types`, or on
   * every channel when omitted. Rule processes this asynchronously and answers 204 at once.
   *
   * Any number of subscribers: they are all validated first (nothing is sent if one is invalid), then sent in
   * requests of at most 1,000, one after another. The first failure stops the rest and rejects the promise;
   * earlier requests have then been accepted. Suppressing is idempotent, so calling again with the same input is
   * safe. `.withResponse()` exposes the last request's response.
   *
   * Uses Rule's v3 API: the v2 write endpoints closed on 2026-03-17. `POST /api/v3/suppressions/`
   */
  create(
    subscribers: readonly SubscriberSelector[],
    params: SuppressionParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.#write('POST', subscribers, params, options);
  }

  /**
   * Removes suppressions, on the given `message_types` or on every channel when omitted. Batching, validation and
   * failure behaviour as `create` (removal is idempotent too). Uses Rule's v3 API.
   * `DELETE /api/v3/suppressions/`
   */
  delete(
    subscribers: readonly SubscriberSelector[],
    params: SuppressionParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.#write('DELETE', subscribers, params, options);
  }

  #write(
    method: 'POST' | 'DELETE',
    subscribers: readonly SubscriberSelector[],
    params: SuppressionParams,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const action = method === 'POST' ? 'suppress' : 'unsuppress';
    return this.bulkV3(
      method,
      V3_PATH,
      subscribers,
      () => validateInput(paramsSchema, params, `${action} options`),
      options,
    );
  }
}
