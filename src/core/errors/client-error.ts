import type { AbortError } from './abort-error.js';
import type { ApiError } from './api-error.js';
import type { ConnectionError } from './connection-error.js';
import type { PaginationError } from './pagination-error.js';
import type { RequestValidationError } from './request-validation-error.js';
import type { ResponseValidationError } from './response-validation-error.js';
import type { TimeoutError } from './timeout-error.js';

/**
 * Everything a client call can fail with, for an API whose error codes are `Code`: the API's answer, a failed or
 * cut-short exchange, input refused before sending, a 2xx body that contradicts its schema, or a listing that
 * cannot go on. `.safe()` narrows on `error.code` or the error class.
 */
export type ClientError<Code extends string> =
  | ApiError<Code>
  | ConnectionError
  | TimeoutError
  | AbortError
  | RequestValidationError
  | ResponseValidationError
  | PaginationError;
