import type { ClientError } from '../core/errors/client-error.js';
import { apiErrorGuard } from '../core/errors/is-api-error.js';

/** The error codes Sequence documents for the Platform API, by HTTP status. */
export interface SequencePlatformErrorCodes {
  400:
    | 'INVALID_PARAMETERS'
    | 'TRANSFER_SOURCE_NOT_FOUND'
    | 'TRANSFER_DESTINATION_NOT_FOUND'
    /** The idempotency key was used within 24 h for a different body: make a new key for a new operation. */
    | 'IDEMPOTENCY_KEY_MISMATCH';
  401: 'UNAUTHORIZED';
  403:
    | 'ACCESS_DENIED'
    /** The amount is above the `max_amount` of the key's matching `MANUAL_TRANSFER` entry. */
    | 'MAXIMUM_AMOUNT_EXCEEDED'
    | 'RULE_DEACTIVATED'
    | 'INVALID_RULE';
  404: 'ACCOUNT_NOT_FOUND' | 'RULE_NOT_FOUND' | 'RULE_EXECUTION_NOT_FOUND' | 'TRANSFER_NOT_FOUND';
  /** Retried by the client with the same idempotency key; surfaces only when the retries run out. */
  409: 'TRANSFER_IN_PROGRESS' | 'RULE_EXECUTION_IN_PROGRESS';
  429: 'RATE_LIMIT_EXCEEDED';
  500: 'UNEXPECTED_ERROR';
}

/** Every documented code; others still type-check. */
export type SequencePlatformErrorCode = SequencePlatformErrorCodes[keyof SequencePlatformErrorCodes];

/** What a Sequence Platform call can fail with; `.safe()` narrows on `error.code` or the error class. */
export type SequencePlatformError = ClientError<SequencePlatformErrorCode>;

/**
 * Whether an error (of any type, e.g. in a `catch`) is a Sequence Platform `ApiError`, with `code` if given; the
 * code must be one the Platform documents: `isSequencePlatformError(err, 'RULE_DEACTIVATED')`.
 */
export const isSequencePlatformError = apiErrorGuard<SequencePlatformErrorCode>();
