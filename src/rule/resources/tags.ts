import * as z from 'zod/mini';
import type { APIPromise, PagePromise, RequestOptions } from '../../core/index.js';
import { RequestValidationError } from '../../core/index.js';
import { pathSegment } from '../../core/path-segment.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zClearTagResponse,
  zDeleteTagResponse,
  zGetTagResponse,
  zListTagsResponse,
  zUpdateTagBody,
  zUpdateTagResponse,
} from '../generated/v2/zod.gen.js';
import { isPositiveId } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { Tag } from '../types.js';

const listSchema = withNumericIds(zListTagsResponse);
const getParamsSchema = z.strictObject({ with_count: z.optional(z.boolean()) });
const tagSchema = withNumericIds(zGetTagResponse);
const updatedSchema = withNumericIds(zUpdateTagResponse);

/**
 * A tag by id (number) or name (string). `identified_by` is always sent, so an all-digit name is still a name.
 */
function tagPath(
  tag: string | number,
  suffix = '',
): { path: string; query: { identified_by: 'id' | 'name' } } {
  const byId = typeof tag === 'number';
  if (byId ? !isPositiveId(tag) : tag === '') {
    throw new RequestValidationError(
      [{ message: 'a tag is a positive integer id or a non-empty name' }],
      'tag',
    );
  }
  return {
    path: `tags/${pathSegment(tag, 'tag')}${suffix}`,
    query: { identified_by: byId ? 'id' : 'name' },
  };
}

/** Tags (`/tags`). Rule has no create endpoint: tagging a subscriber creates unknown tags. */
export class Tags extends RuleResource {
  /** Every tag, page by page (`limit` ≤ 100). `GET /tags` */
  list(params: { limit?: number } = {}, options?: RequestOptions): PagePromise<Tag, RuleError> {
    return this.pages('tags', listSchema, (body) => body.tags, params, options);
  }

  /** One tag; `with_count: true` adds `recipient_count`. `GET /tags/{identifier}` */
  get(
    tag: string | number,
    params: { with_count?: boolean } = {},
    options?: RequestOptions,
  ): APIPromise<Tag, RuleError> {
    return this.call(
      () => {
        const { path, query } = tagPath(tag);
        const { with_count } = validateInput(getParamsSchema, params, 'tag options');
        return { method: 'GET', path, query: { ...query, with_count }, schema: tagSchema };
      },
      (body) => body,
      options,
    );
  }

  /** Renames a tag or changes its description. `PUT /tags/{identifier}` */
  update(
    tag: string | number,
    changes: { name?: string; description?: string },
    options?: RequestOptions,
  ): APIPromise<Tag, RuleError> {
    return this.call(
      () => ({
        method: 'PUT',
        ...tagPath(tag),
        body: validateInput(zUpdateTagBody, changes, 'tag changes'),
        schema: updatedSchema,
      }),
      (body) => body,
      options,
    );
  }

  /** Deletes a tag. `DELETE /tags/{identifier}` */
  delete(tag: string | number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => ({ method: 'DELETE', ...tagPath(tag), schema: zDeleteTagResponse }),
      () => undefined,
      options,
    );
  }

  /** Removes the tag from every subscriber but keeps the tag. `DELETE /tags/{identifier}/clear` */
  clear(tag: string | number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => ({ method: 'DELETE', ...tagPath(tag, '/clear'), schema: zClearTagResponse }),
      () => undefined,
      options,
    );
  }
}
