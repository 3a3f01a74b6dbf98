export { AbortError } from './abort-error.js';
export { ApiError, type ApiErrorInit, type OpenCode } from './api-error.js';
export type { ClientError } from './client-error.js';
export { ConfigurationError } from './configuration-error.js';
export { ConnectionError } from './connection-error.js';
export { type ApiErrorGuard, type CodeOf, isApiError } from './is-api-error.js';
export { PaginationError } from './pagination-error.js';
export { RequestValidationError } from './request-validation-error.js';
export { ResponseValidationError } from './response-validation-error.js';
export { RuleseqError } from './ruleseq-error.js';
export {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  PermissionDeniedError,
  RateLimitError,
  UnprocessableEntityError,
} from './status-errors.js';
export { TimeoutError } from './timeout-error.js';
export type { ValidationIssue } from './validation-issue.js';
export { WebhookError } from './webhook-error.js';
