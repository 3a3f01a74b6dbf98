import type { PagePromise, RequestOptions } from '../../core/index.js';
import type { RuleError } from '../errors.js';
import { zListSegmentsResponse } from '../generated/v2/zod.gen.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Segment } from '../types.js';

const listSchema = withNumericIds(zListSegmentsResponse);

/** Segments (`/segments`). Rule lists only "sync at" segments, the ones with a daily sync time. */
export class Segments extends RuleResource {
  /** Every "sync at" segment, page by page (`limit` ≤ 100 per page). `GET /segments` */
  list(params: { limit?: number } = {}, options?: RequestOptions): PagePromise<Segment, RuleError> {
    return this.pages('segments', listSchema, (body) => body.segments, params, options);
  }
}
