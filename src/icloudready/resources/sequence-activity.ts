import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { ICloudReadyError } from '../errors.js';
import { zSequenceActivity } from '../generated/v2/zod.gen.js';
import { activityBody } from '../input.js';
import { ICloudReadyResource } from '../resource.js';
import type { SequenceActivity, SequenceActivityInput } from '../types.js';

/** Sequence activity (`/sequences/activity`). */
export class SequenceActivities extends ICloudReadyResource {
  /**
   * Records sequence activity. The docs name no body field, so any JSON object is sent as given. Not retried after a
   * failure that may have reached the server (iCloudReady documents no idempotency key). `POST /sequences/activity`
   * @returns the created activity, an open record (the docs show no response).
   */
  create(
    input: SequenceActivityInput,
    options?: RequestOptions,
  ): APIPromise<SequenceActivity, ICloudReadyError> {
    return this.call(
      () => ({
        method: 'POST',
        path: 'sequences/activity',
        body: activityBody(input),
        schema: zSequenceActivity,
      }),
      options,
    );
  }
}
