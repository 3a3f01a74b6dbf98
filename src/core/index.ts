export { type AuthStrategy, bodyAuth, headerAuth, queryAuth } from '../internal/auth.js';
export { BaseClient, type RawRequest } from '../internal/base-client.js';
export { checkJsonBody, checkRequestOptions } from '../internal/check-request.js';
export { chooseBaseUrl, createTransport, type VendorProfile } from '../internal/create-transport.js';
export type { Logger, LogLevel } from '../internal/logger.js';
export { nextFromCursor } from '../internal/pagination/cursor-pagination.js';
export { nextFromLink } from '../internal/pagination/link-pagination.js';
export { nextFromPageNumber } from '../internal/pagination/page-number-pagination.js';
export { pathSegment } from '../internal/path-segment.js';
export { redactUrl } from '../internal/redact.js';
export { decodeBase64, encodeBase64 } from '../internal/runtime.js';
export { sendOperation } from '../internal/send-operation.js';
export type { ResponseSchema } from '../internal/standard-schema.js';
export type { ApiResponse, HttpMethod, Operation, QueryValue } from '../internal/transport.js';
export { APIPromise, mapResponse, type Result } from './api-promise.js';
export type { ClientOptions } from './client-options.js';
export * from './errors/index.js';
export type {
  AfterResponseHook,
  BeforeErrorHook,
  BeforeRequestHook,
  BeforeRetryHook,
  HookState,
  Hooks,
} from './hooks.js';
export { type NextPage, Page, type PageContent, type PageFetcher } from './pagination/page.js';
export { PagePromise } from './pagination/page-promise.js';
export type {
  RateLimiter,
  RateLimiterFactory,
  RateLimitOptions,
  RateLimitScope,
  RateLimitSetting,
} from './rate-limiter.js';
export type { RequestOptions } from './request-options.js';
