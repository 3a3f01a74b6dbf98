import type * as z from 'zod/mini';
import type { APIPromise } from '../../core/api-promise.js';
import { NotFoundError } from '../../core/errors/status-errors.js';
import type { RequestOptions } from '../../core/request-options.js';
import { pathSegment } from '../../internal/path-segment.js';
import { redactUrl } from '../../internal/redact.js';
import { validateArgument } from '../../internal/validate-input.js';
import type { RuleError } from '../errors.js';
import {
  zAddSubscriberTagsQuery,
  zClearSubscriberTagsQuery,
  zListSubscriberTagsQuery,
  zListSubscriberTagsResponse,
  zRemoveSubscriberTagQuery,
} from '../generated/v2/zod.gen.js';
import { tagIdentifier } from '../input/common.js';
import { addedTags, addTagsOptions } from '../input/subscriber.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import { type AcceptedBy, type SubscriberSelector, selectorFor, subscriberRoute } from '../selectors.js';
import type { TagRef } from '../types.js';

const listSchema = withNumericIds(zListSubscriberTagsResponse);
const addSelector = selectorFor(zAddSubscriberTagsQuery);
const listSelector = selectorFor(zListSubscriberTagsQuery);
const clearSelector = selectorFor(zClearSubscriberTagsQuery);
const removeSelector = selectorFor(zRemoveSubscriberTagQuery);

export type AddSubscriberTagsParams = z.input<typeof addTagsOptions>;

/** Tags on one subscriber (`/subscribers/{identifier}/tags`). */
export class SubscriberTags extends RuleResource {
  /**
   * Adds tags (names or ids; unknown names are created). `automation: 'force'` starts a new flow pass; `'reset'`
   * restarts flows for these tags. `POST /subscribers/{identifier}/tags`
   */
  add(
    subscriber: SubscriberSelector<AcceptedBy<typeof zAddSubscriberTagsQuery>>,
    tags: z.input<typeof addedTags>,
    params: AddSubscriberTagsParams = {},
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const context = 'subscribers.tags.add';
    return this.done(
      context,
      () => ({
        method: 'POST',
        ...subscriberRoute(
          validateArgument(addSelector, subscriber, 'subscriber', context),
          'subscribers',
          '/tags',
        ),
        body: {
          tags: validateArgument(addedTags, tags, 'tags', context),
          ...validateArgument(addTagsOptions, params, 'params', context),
        },
      }),
      options,
    );
  }

  /** The subscriber's tags (not paginated). `GET /subscribers/{identifier}/tags` */
  list(
    subscriber: SubscriberSelector<AcceptedBy<typeof zListSubscriberTagsQuery>>,
    options?: RequestOptions,
  ): APIPromise<TagRef[], RuleError> {
    return this.callWith(
      () => {
        const parts = validateArgument(listSelector, subscriber, 'subscriber', 'subscribers.tags.list');
        return { method: 'GET', ...subscriberRoute(parts, 'subscribers', '/tags'), schema: listSchema };
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
    subscriber: SubscriberSelector<AcceptedBy<typeof zRemoveSubscriberTagQuery>>,
    tag: string | number,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    if (typeof tag === 'string' && (tag === 'clear' || /^\d+$/.test(tag))) {
      return this.#removeByLookup(subscriber, tag, options);
    }
    return this.#removeById(subscriber, tag, options);
  }

  /** Removes every tag from the subscriber. `DELETE /subscribers/{identifier}/tags/clear` */
  clear(
    subscriber: SubscriberSelector<AcceptedBy<typeof zClearSubscriberTagsQuery>>,
    options?: RequestOptions,
  ): APIPromise<void, RuleError> {
    const context = 'subscribers.tags.clear';
    return this.done(
      context,
      () => ({
        method: 'DELETE',
        ...subscriberRoute(
          validateArgument(clearSelector, subscriber, 'subscriber', context),
          'subscribers',
          '/tags/clear',
        ),
      }),
      options,
    );
  }

  #removeById(subscriber: unknown, tag: string | number, options?: RequestOptions) {
    const context = 'subscribers.tags.remove';
    return this.done(
      context,
      () => {
        const parts = validateArgument(removeSelector, subscriber, 'subscriber', context);
        const valid = validateArgument(tagIdentifier, tag, 'tag', context);
        return {
          method: 'DELETE',
          ...subscriberRoute(parts, 'subscribers', `/tags/${pathSegment(valid, 'tag')}`),
        };
      },
      options,
    );
  }

  #removeByLookup(subscriber: unknown, name: string, options?: RequestOptions): APIPromise<void, RuleError> {
    const listed = this.list(subscriber as SubscriberSelector<'email'>, options).withResponse();
    return this.chain(listed, ({ data, response, requestId }) => {
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
