import { type APIPromise, NotFoundError, type RequestOptions, redactUrl } from '../../core/index.js';
import { pathSegment } from '../../core/path-segment.js';
import { validateInput } from '../../core/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zAddSubscriberTagsResponse,
  zClearSubscriberTagsResponse,
  zListSubscriberTagsResponse,
  zRemoveSubscriberTagResponse,
} from '../generated/v2/zod.gen.js';
import { tagListSchema } from '../input/subscriber.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import { resolveSelector, type SubscriberSelector } from '../selectors.js';
import type { TagRef } from '../types.js';

const listSchema = withNumericIds(zListSubscriberTagsResponse);

/** Tags on one subscriber (`/subscribers/{identifier}/tags`). */
export class SubscriberTags extends RuleResource {
  /**
   * Adds tags (names or ids; unknown names are created). `POST /subscribers/{identifier}/tags`
   * @param options.automation `'force'` starts a new flow pass; `'reset'` restarts flows for these tags.
   */
  add(
    subscriber: SubscriberSelector,
    tags: Array<string | number>,
    params: { automation?: 'force' | 'reset' } = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        return {
          method: 'POST',
          path: `subscribers/${identifier}/tags`,
          query: { identified_by },
          body: { tags: validateInput(tagListSchema, tags, 'tags'), ...params },
          schema: zAddSubscriberTagsResponse,
        };
      },
      () => undefined,
      options,
    );
  }

  /** The subscriber's tags (not paginated). `GET /subscribers/{identifier}/tags` */
  list(subscriber: SubscriberSelector, options?: RequestOptions): APIPromise<TagRef[], RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        return {
          method: 'GET',
          path: `subscribers/${identifier}/tags`,
          query: { identified_by },
          schema: listSchema,
        };
      },
      (body) => body.tags,
      options,
    );
  }

  /**
   * Removes one tag. A number is a tag id; a string is a tag name. Names Rule's path cannot express (`clear`, or all
   * digits, which Rule would read as an id) are looked up among the subscriber's tags and removed by id.
   * `DELETE /subscribers/{identifier}/tags/{tag}`
   */
  remove(
    subscriber: SubscriberSelector,
    tag: string | number,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    if (typeof tag === 'string' && (tag === 'clear' || /^\d+$/.test(tag))) {
      return this.#removeByLookup(subscriber, tag, options);
    }
    return this.#removeById(subscriber, tag, options);
  }

  /** Removes every tag from the subscriber. `DELETE /subscribers/{identifier}/tags/clear` */
  clear(subscriber: SubscriberSelector, options?: RequestOptions): APIPromise<void, RuleError> {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        return {
          method: 'DELETE',
          path: `subscribers/${identifier}/tags/clear`,
          query: { identified_by },
          schema: zClearSubscriberTagsResponse,
        };
      },
      () => undefined,
      options,
    );
  }

  #removeById(subscriber: SubscriberSelector, tag: string | number, options?: RequestOptions) {
    return this.call(
      () => {
        const { identifier, identified_by } = resolveSelector(subscriber);
        const tagPart = pathSegment(validateInput(tagListSchema, [tag], 'tag')[0]!, 'tag');
        return {
          method: 'DELETE',
          path: `subscribers/${identifier}/tags/${tagPart}`,
          query: { identified_by },
          schema: zRemoveSubscriberTagResponse,
        };
      },
      () => undefined,
      options,
    );
  }

  #removeByLookup(
    subscriber: SubscriberSelector,
    name: string,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    return this.chain(this.list(subscriber, options).withResponse(), ({ data, response, requestId }) => {
      const match = data.find((t) => t.name === name);
      if (match) return this.#removeById(subscriber, match.id, options).withResponse();
      throw new NotFoundError<'TagNotFound'>({
        status: 404,
        code: 'TagNotFound',
        message: `The subscriber has no tag named ${JSON.stringify(name)}`,
        body: undefined,
        headers: Object.fromEntries(response.headers),
        requestId,
        method: 'DELETE',
        url: redactUrl(response.url),
        redact: (text) => this.ctx.v2.redact(text),
      });
    });
  }
}
