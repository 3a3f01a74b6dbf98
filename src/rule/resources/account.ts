import type { APIPromise } from '../../core/api-promise.js';
import type { RequestOptions } from '../../core/request-options.js';
import type { RuleError } from '../errors.js';
import { zGetSenderDetailsResponse } from '../generated/v2/zod.gen.js';
import { withNumericIds } from '../numeric-ids.js';
import { RuleResource } from '../resource.js';
import type { SenderDetails } from '../types.js';

const senderSchema = withNumericIds(zGetSenderDetailsResponse);

/** The account the API key belongs to. */
export class Account extends RuleResource {
  /** The account's sender name, e-mail, company and text-message sender name. `GET /sender/details` */
  senderDetails(options?: RequestOptions): APIPromise<SenderDetails, RuleError> {
    return this.callWith(
      () => ({ method: 'GET', path: 'sender/details', schema: senderSchema }),
      (body) => body,
      options,
    );
  }
}
