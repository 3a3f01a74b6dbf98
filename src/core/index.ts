export { APIPromise, mapResponse, type Result } from './api-promise.js';
export { type AuthStrategy, bodyAuth, headerAuth, queryAuth } from './auth.js';
export { BaseClient, type RawRequest } from './base-client.js';
export { checkJsonBody, checkRequestOptions } from './check-request.js';
export type { ClientOptions } from './client-options.js';
export { chooseBaseUrl, createTransport, type VendorProfile } from './create-transport.js';
export * from './errors/index.js';
export type {
  AfterResponseHook,
  BeforeErrorHook,
  BeforeRequestHook,
  BeforeRetryHook,
  HookState,
  Hooks,
} from './hooks.js';
export type { Logger, LogLevel } from './logger.js';
export { nextFromCursor } from './pagination/cursor-pagination.js';
export { nextFromLink } from './pagination/link-pagination.js';
export { type NextPage, Page, type PageContent, type PageFetcher } from './pagination/page.js';
export { nextFromPageNumber } from './pagination/page-number-pagination.js';
export { PagePromise } from './pagination/page-promise.js';
export { pathSegment } from './path-segment.js';
export type {
  RateLimiter,
  RateLimiterFactory,
  RateLimitOptions,
  RateLimitScope,
  RateLimitSetting,
} from './rate-limit/rate-limiter.js';
export { redactUrl } from './redact.js';
export type { RequestOptions } from './request-options.js';
export { decodeBase64, encodeBase64 } from './runtime.js';
export { sendOperation } from './send-operation.js';
export type { ResponseSchema } from './standard-schema.js';
export type { ApiResponse, HttpMethod, Operation, QueryValue } from './transport.js';
