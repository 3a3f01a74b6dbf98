import * as z from 'zod/mini';
import type { APIPromise, RequestOptions } from '../../core/index.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import { zListJourneysResponse } from '../generated/v2/zod.gen.js';
import { idSchema } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Journey } from '../types.js';

const listSchema = withNumericIds(zListJourneysResponse);

const listParamsSchema = z.strictObject({
  name: z.optional(z.string().check(z.minLength(1, 'name cannot be empty'))),
  preference_id: z.optional(idSchema),
});

export interface ListJourneysParams {
  /** Only journeys with this name. */
  name?: string;
  /** Only journeys using this preference group. Rule names the filter `preference_id` but reads a group id. */
  preference_id?: number;
}

/** Journey Builder journeys (`/journey`). */
export class Journeys extends RuleResource {
  /** Every journey, optionally filtered (Rule does not paginate this listing). `GET /journey` */
  list(params: ListJourneysParams = {}, options?: RequestOptions): APIPromise<Journey[], RuleError> {
    return this.call(
      () => ({
        method: 'GET',
        path: 'journey',
        query: validateInput(listParamsSchema, params, 'journey filters'),
        schema: listSchema,
      }),
      (body) => body,
      options,
    );
  }
}
