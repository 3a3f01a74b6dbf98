import type * as z from 'zod/mini';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { RuleError } from '../errors.js';
import { zListSegmentsQuery, zListSegmentsResponse } from '../generated/v2/zod.gen.js';
import { withNumericIds } from '../numeric-ids.js';
import { listing, RuleResource } from '../resource.js';
import type { Segment } from '../types.js';

const listSchema = withNumericIds(zListSegmentsResponse);
const list = listing({
  name: 'segments.list',
  path: 'segments',
  query: zListSegmentsQuery,
  schema: listSchema,
  items: (body) => body.segments,
});

export type ListSegmentsParams = z.input<typeof zListSegmentsQuery>;

/** Segments (`/segments`). Rule lists only "sync at" segments, the ones with a daily sync time. */
export class Segments extends RuleResource {
  /** Every "sync at" segment, page by page (`limit` ≤ 100); `page` starts further on. `GET /segments` */
  list(params: ListSegmentsParams = {}, options?: RequestOptions): PagePromise<Segment, RuleError> {
    return this.pages(list, params, options);
  }
}
