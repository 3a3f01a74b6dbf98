import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { refineField } from '../../internal/refine-field.js';
import type { RuleError } from '../errors.js';
import { zListSuppressionsQuery, zListSuppressionsResponse } from '../generated/v2/zod.gen.js';
import { zSuppressionsRequest } from '../generated/v3/zod.gen.js';
import { httpUrlCheck } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { listing, RuleResource } from '../resource.js';
import type { SubscriberSelector } from '../selectors.js';
import type { Suppression } from '../types.js';

/** v3 path, trailing slash included: that is how Rule documents and serves it. */
const V3_PATH = 'suppressions/';

const listSchema = withNumericIds(zListSuppressionsResponse);
const list = listing({
  name: 'suppressions.list',
  path: 'suppressions',
  query: zListSuppressionsQuery,
  schema: listSchema,
  items: (body) => body.suppressions,
});

/** Options of v3 suppress and unsuppress beside the subscribers: `message_types` and `callback_url`. */
const suppressionOptions = z.extend(z.omit(zSuppressionsRequest, { subscribers: true }), {
  callback_url: refineField(zSuppressionsRequest.shape.callback_url, httpUrlCheck),
});

export type ListSuppressionsParams = z.input<typeof zListSuppressionsQuery>;
/** `message_types`: channels to (un)suppress on (omitted: every channel); `callback_url`: called when done. */
export type SuppressionParams = z.input<typeof suppressionOptions>;

/** Suppressions: subscribers who must not receive campaigns (or any message) on some channels. */
export class Suppressions extends RuleResource {
  /** Every suppression, page by page (`limit` ≤ 100); `page` starts further on. `GET /suppressions` (v2) */
  list(params: ListSuppressionsParams = {}, options?: RequestOptions): PagePromise<Suppression, RuleError> {
    return this.pages(list, params, options);
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
   * Uses Rule's v3 API: the v2 write endpoints closed on 2026-03-17, and with them v2's per-dispatcher
   * `suppress_on` (v3 suppresses a channel for campaigns and transactions alike). `POST /api/v3/suppressions/`
   */
  create(
    subscribers: readonly SubscriberSelector[],
    params: SuppressionParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const input = { subscribers, extra: suppressionOptions, params };
    return this.bulkV3('suppressions.create', 'POST', V3_PATH, input, options);
  }

  /**
   * Removes suppressions, on the given `message_types` or on every channel when omitted. Batching, validation and
   * failure behaviour as `create` (removal is idempotent too). Uses Rule's v3 API (v2's per-dispatcher
   * `dispatcher_type` closed with the v2 endpoint). `DELETE /api/v3/suppressions/`
   */
  delete(
    subscribers: readonly SubscriberSelector[],
    params: SuppressionParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const input = { subscribers, extra: suppressionOptions, params };
    return this.bulkV3('suppressions.delete', 'DELETE', V3_PATH, input, options);
  }
}
