/**
 * The public primitives: what every client entry point (and `ruleseq` itself) exports. The plumbing behind them lives
 * in src/internal and is exported from nowhere.
 */
export { APIPromise, type ApiResponse, type Result } from './api-promise.js';
export type { ClientOptions, Logger, LogLevel } from './client-options.js';
export * from './errors/index.js';
export type {
  AfterResponseHook,
  BeforeErrorHook,
  BeforeRequestHook,
  BeforeRetryHook,
  HookState,
  Hooks,
} from './hooks.js';
export { Page } from './pagination/page.js';
export { PagePromise } from './pagination/page-promise.js';
export type {
  RateLimiter,
  RateLimiterFactory,
  RateLimitOptions,
  RateLimitScope,
  RateLimitSetting,
} from './rate-limiter.js';
export type { RawRequest } from './raw-request.js';
export type { RequestOptions } from './request-options.js';
