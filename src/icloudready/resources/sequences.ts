import type { APIPromise } from '../../core/api-promise.js';
import type { PagePromise } from '../../core/pagination/page-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import { validateInput } from '../../internal/validate-input.js';
import type { ICloudReadyError } from '../errors.js';
import { zListSequencesQuery, zListSequencesResponse, zSequence } from '../generated/v2/zod.gen.js';
import { idPath, sequenceBody } from '../input.js';
import { ICloudReadyResource } from '../resource.js';
import type { ListSequencesParams, Sequence, SequenceId, SequenceInput } from '../types.js';
import { SequenceActivities } from './sequence-activity.js';

/**
 * Page size sent when `limit` is not given. The docs state no default, and the next page is requested only while
 * pages come back full, so every request of a listing says how full a page is.
 */
export const DEFAULT_LIST_LIMIT = 20;

const VERBS = { POST: 'create', PUT: 'update', PATCH: 'patch' } as const;

/** Sequences (`/sequences`) and their activity. */
export class Sequences extends ICloudReadyResource {
  /** Sequence activity (`/sequences/activity`). */
  readonly activity = new SequenceActivities(this.transport);

  /**
   * Sequences, the most recent first, page by page: `page` counts up from 1 (or the `page` given) until a page
   * comes back short of `limit` (default 20, at most 100) or empty. Accepts a bare array or a `{data}`, `{items}`
   * or `{results}` envelope: the docs do not say which the API sends. `GET /sequences`
   */
  list(params: ListSequencesParams = {}, options?: RequestOptions): PagePromise<Sequence, ICloudReadyError> {
    return this.paginate(() => {
      // Unknown names are refused, so a misspelt filter (`sort_by`) cannot silently list everything.
      const query = validateInput(zListSequencesQuery, params, 'sequences.list');
      return {
        method: 'GET',
        path: 'sequences',
        query: { ...query, limit: query.limit ?? DEFAULT_LIST_LIMIT },
        schema: zListSequencesResponse,
      };
    }, options);
  }

  /**
   * Creates a sequence, sent as JSON with the documented camelCase fields. Not retried after a failure that may
   * have reached the server (iCloudReady documents no idempotency key). `POST /sequences`
   * @returns the created sequence, an open record validated leniently (the docs show no response).
   */
  create(input: SequenceInput, options?: RequestOptions): APIPromise<Sequence, ICloudReadyError> {
    return this.#write('POST', () => 'sequences', input, options);
  }

  /**
   * One sequence by id. `GET /sequences/{id}`
   * @returns an open record validated leniently (the docs show no response).
   */
  retrieve(id: SequenceId, options?: RequestOptions): APIPromise<Sequence, ICloudReadyError> {
    return this.call(() => ({ method: 'GET', path: `sequences/${idPath(id)}`, schema: zSequence }), options);
  }

  /**
   * Updates a sequence with a full body, as the docs' example sends every field (what happens to fields left out is
   * not documented; use `patch` to change some fields only). An empty body is refused. `PUT /sequences/{id}`
   * @returns the updated sequence, an open record validated leniently (the docs show no response).
   */
  update(
    id: SequenceId,
    input: SequenceInput,
    options?: RequestOptions,
  ): APIPromise<Sequence, ICloudReadyError> {
    return this.#write('PUT', () => `sequences/${idPath(id)}`, input, options);
  }

  /**
   * Soft update: sets the given fields and leaves every other field unchanged. An empty body is refused.
   * `PATCH /sequences/{id}`
   * @returns the sequence after the update, an open record validated leniently (the docs show no response).
   */
  patch(
    id: SequenceId,
    input: SequenceInput,
    options?: RequestOptions,
  ): APIPromise<Sequence, ICloudReadyError> {
    return this.#write('PATCH', () => `sequences/${idPath(id)}`, input, options);
  }

  /**
   * Deletes a sequence, at the path the docs give. Whatever body the server answers with is undocumented and
   * dropped; `.withResponse()` exposes it. `DELETE /sequences/deleted/{id}`
   */
  delete(id: SequenceId, options?: RequestOptions): APIPromise<void, ICloudReadyError> {
    return this.call(
      // The body of a delete is undocumented: it is not validated (`.withResponse().body` still has it).
      () => ({ method: 'DELETE', path: `sequences/deleted/${idPath(id)}`, ignoreBody: true }),
      options,
    );
  }

  /** Sends a sequence body (a create may be empty; an update or patch must set something) and reads a sequence. */
  #write(
    method: 'POST' | 'PUT' | 'PATCH',
    path: () => string,
    input: SequenceInput,
    options: RequestOptions | undefined,
  ): APIPromise<Sequence, ICloudReadyError> {
    return this.call(
      () => ({
        method,
        path: path(),
        body: sequenceBody(input, `sequences.${VERBS[method]}`, { nonEmpty: method !== 'POST' }),
        schema: zSequence,
      }),
      options,
    );
  }
}
