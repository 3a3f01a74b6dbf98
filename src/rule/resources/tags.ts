import * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { pathSegment } from '../../internal/path-segment.js';
import { validateArgument, validateQuery } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zGetTagQuery,
  zGetTagResponse,
  zListTagsQuery,
  zListTagsResponse,
  zUpdateTagBody,
  zUpdateTagResponse,
} from '../generated/v2/zod.gen.js';
import { tagIdentifier } from '../input/common.js';
import { withNumericIds } from '../numeric-ids.js';
import { listing, RuleResource } from '../resource.js';
import type { Tag } from '../types.js';

const listSchema = withNumericIds(zListTagsResponse);
const list = listing({
  name: 'tags.list',
  path: 'tags',
  query: zListTagsQuery,
  schema: listSchema,
  items: (body) => body.tags,
});
const tagSchema = withNumericIds(zGetTagResponse);
const updatedSchema = withNumericIds(zUpdateTagResponse);
/** `identified_by` follows from the tag's type, so it is not the caller's to set. */
const getParams = z.omit(zGetTagQuery, { identified_by: true });

export type ListTagsParams = z.input<typeof zListTagsQuery>;
export type GetTagParams = z.input<typeof getParams>;
export type UpdateTagParams = z.input<typeof zUpdateTagBody>;

/**
 * A tag by id (number) or name (string). `identified_by` is always sent, so an all-digit name is still a name.
 */
function tagPath(tag: unknown, context: string, suffix = '') {
  const valid = validateArgument(tagIdentifier, tag, 'tag', context);
  return {
    path: `tags/${pathSegment(valid, 'tag')}${suffix}`,
    query: { identified_by: typeof valid === 'number' ? ('id' as const) : ('name' as const) },
  };
}

/** Tags (`/tags`). Rule has no create endpoint: tagging a subscriber creates unknown tags. */
export class Tags extends RuleResource {
  /** Every tag, page by page (`limit` ≤ 100); `page` starts further on. `GET /tags` */
  list(params: ListTagsParams = {}, options?: RequestOptions): PagePromise<Tag, RuleError> {
    return this.pages(list, params, options);
  }

  /** One tag; `with_count: true` adds `recipient_count`. `GET /tags/{identifier}` */
  get(tag: string | number, params: GetTagParams = {}, options?: RequestOptions): APIPromise<Tag, RuleError> {
    return this.callWith(
      () => {
        const { path, query } = tagPath(tag, 'tags.get');
        return {
          method: 'GET',
          path,
          query: { ...query, ...validateQuery(getParams, params, 'tags.get') },
          schema: tagSchema,
        };
      },
      (body) => body,
      options,
    );
  }

  /** Renames a tag or changes its description. `PUT /tags/{identifier}` */
  update(
    tag: string | number,
    changes: UpdateTagParams,
    options?: RequestOptions,
  ): APIPromise<Tag, RuleError> {
    return this.callWith(
      () => ({
        method: 'PUT',
        ...tagPath(tag, 'tags.update'),
        body: validateArgument(zUpdateTagBody, changes, 'changes', 'tags.update'),
        schema: updatedSchema,
      }),
      (body) => body,
      options,
    );
  }

  /** Deletes a tag. `DELETE /tags/{identifier}` */
  delete(tag: string | number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.done('tags.delete', () => ({ method: 'DELETE', ...tagPath(tag, 'tags.delete') }), options);
  }

  /** Removes the tag from every subscriber but keeps the tag. `DELETE /tags/{identifier}/clear` */
  clear(tag: string | number, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.done(
      'tags.clear',
      () => ({ method: 'DELETE', ...tagPath(tag, 'tags.clear', '/clear') }),
      options,
    );
  }
}
