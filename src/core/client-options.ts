import type { Hooks } from './hooks.js';
import type { RateLimitSetting } from './rate-limiter.js';

/** Options every client accepts. Vendor clients add their own (Rule: `auth`). */
export interface ClientOptions {
  /** Falls back to the vendor's environment variable (`RULE_API_KEY`, `SEQUENCE_API_KEY`, …). */
  apiKey?: string | undefined;
  /** Defaults to the vendor's production URL. `http://` is refused off loopback unless `allowInsecureHttp`. */
  baseUrl?: string | undefined;
  /** Per-attempt timeout in ms. Default 30 000. */
  timeout?: number | undefined;
  /** Budget for a whole call, retries and waits included, in ms. Default: none. */
  totalTimeout?: number | undefined;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number | undefined;
  /**
   * A server-requested wait longer than this (ms) is not waited for; the error surfaces. Default 60 000; capped at
   * 2^31 - 1 (about 24.8 days), the longest a timer holds.
   */
  maxRetryAfter?: number | undefined;
  /** Budget options, a limiter or Bottleneck instance to share, or `false`. Default: the vendor's documented budget. */
  rateLimit?: RateLimitSetting | undefined;
  /** A fetch implementation; called unbound. Default: `globalThis.fetch` at call time. */
  fetch?: typeof fetch | undefined;
  /** Where log lines go (console-like). Default: `console`. */
  logger?: Logger | undefined;
  /** Default: env `RULESEQ_LOG`, else `warn`. `debug` logs one line per attempt. */
  logLevel?: LogLevel | undefined;
  /** Validate 2xx bodies against the documented schemas. Default `true`. */
  validateResponses?: boolean | undefined;
  /** Permit `http://` to non-loopback hosts (the key then travels in clear text). */
  allowInsecureHttp?: boolean | undefined;
  /** Permit use in a browser page, where the key is visible to anyone who opens it. */
  dangerouslyAllowBrowser?: boolean | undefined;
  /** Headers added to every request. */
  defaultHeaders?: Record<string, string> | undefined;
  /**
   * Functions ky runs for every attempt: `beforeRequest`, `afterResponse`, `beforeError`, and `beforeRetry` before
   * each retry. Each is told the attempt number and the request URL with credentials masked; the `Request` itself
   * carries the API key (see "How every call behaves" in the README).
   */
  hooks?: Hooks | undefined;
}

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'off';

/** Anything with console-like methods: `console`, pino, winston, … */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}
