import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { refineField } from '../../internal/refine-field.js';
import { validateQuery } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import { zListJourneysQuery, zListJourneysResponse } from '../generated/v2/zod.gen.js';
import { positiveIdCheck } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Journey } from '../types.js';

const listSchema = withNumericIds(zListJourneysResponse);

/**
 * `name`: only journeys with this name; `preference_id`: only journeys using this preference group (Rule names the
 * filter `preference_id` but reads a group id).
 */
const listParams = z.extend(zListJourneysQuery, {
  name: refineField(zListJourneysQuery.shape.name, z.minLength(1, 'cannot be empty')),
  preference_id: refineField(zListJourneysQuery.shape.preference_id, positiveIdCheck),
});

export type ListJourneysParams = z.input<typeof listParams>;

/** Journey Builder journeys (`/journey`). */
export class Journeys extends RuleResource {
  /** Every journey, optionally filtered (Rule does not paginate this listing). `GET /journey` */
  list(params: ListJourneysParams = {}, options?: RequestOptions): APIPromise<Journey[], RuleError> {
    return this.callWith(
      () => ({
        method: 'GET',
        path: 'journey',
        query: validateQuery(listParams, params, 'journeys.list'),
        schema: listSchema,
      }),
      (body) => body,
      options,
    );
  }
}
