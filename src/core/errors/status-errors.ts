import { ApiError, type ApiErrorInit } from './api-error.js';

/** 400 */
export class BadRequestError<Code extends string = string> extends ApiError<Code> {
  override name = 'BadRequestError';
}
/** 401: the key is missing, wrong or revoked. */
export class AuthenticationError<Code extends string = string> extends ApiError<Code> {
  override name = 'AuthenticationError';
}
/** 403: the key lacks the scope the operation needs. */
export class PermissionDeniedError<Code extends string = string> extends ApiError<Code> {
  override name = 'PermissionDeniedError';
}
/** 404 */
export class NotFoundError<Code extends string = string> extends ApiError<Code> {
  override name = 'NotFoundError';
}
/** 409 */
export class ConflictError<Code extends string = string> extends ApiError<Code> {
  override name = 'ConflictError';
}
/** 413 */
export class PayloadTooLargeError<Code extends string = string> extends ApiError<Code> {
  override name = 'PayloadTooLargeError';
}
/** 422 */
export class UnprocessableEntityError<Code extends string = string> extends ApiError<Code> {
  override name = 'UnprocessableEntityError';
}
/** 5xx */
export class InternalServerError<Code extends string = string> extends ApiError<Code> {
  override name = 'InternalServerError';
}

/** 429. `retryAfter` is the server's requested wait in milliseconds, when it sent one. */
export class RateLimitError<Code extends string = string> extends ApiError<Code> {
  override name = 'RateLimitError';
  readonly retryAfter: number | undefined;

  constructor(init: ApiErrorInit & { retryAfter: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), retryAfter: this.retryAfter };
  }
}

const byStatus: Record<number, new (init: ApiErrorInit) => ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  403: PermissionDeniedError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  422: UnprocessableEntityError,
};

/** The most specific error class for a status. */
export function apiErrorFor(init: ApiErrorInit, retryAfter: number | undefined): ApiError {
  if (init.status === 429) return new RateLimitError({ ...init, retryAfter });
  if (init.status >= 500) return new InternalServerError(init);
  const ErrorClass = byStatus[init.status] ?? ApiError;
  return new ErrorClass(init);
}
