import type { ClientError } from '../core/errors/client-error.js';
import { apiErrorGuard } from '../core/errors/is-api-error.js';

/**
 * Error codes Sequence documents (`unauthorized`, `forbidden`, `resource_not_found`) and the ones its platform API
 * uses for the same situations, in the v1 API's lower case; unknown codes still type-check.
 */
export type SequenceErrorCode =
  | 'unauthorized'
  | 'forbidden'
  | 'resource_not_found'
  | 'invalid_parameters'
  | 'idempotency_key_mismatch'
  | 'idempotency_in_progress'
  | 'rate_limit_exceeded'
  | 'unexpected_error';

/** What a Sequence call can fail with; `.safe()` narrows on `error.code`. */
export type SequenceError = ClientError<SequenceErrorCode>;

/**
 * Whether an error (of any type, e.g. in a `catch`) is a Sequence `ApiError`, with `code` if given; the code must
 * be one Sequence documents: `isSequenceError(err, 'resource_not_found')`.
 */
export const isSequenceError = apiErrorGuard<SequenceErrorCode>();
