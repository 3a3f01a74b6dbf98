import type { RuleseqError } from './errors/ruleseq-error.js';

/** What every hook is told about the attempt it runs for. */
export interface HookState {
  /**
   * The request as sent. It carries the API key: in its headers (header auth), its URL (query auth), or its JSON body
   * (body auth; its URL when it has no JSON body).
   */
  request: Request;
  method: string;
  /** The request URL with credentials masked: the one to log or put on a span. */
  url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** Retries before this attempt (`attempt - 1`). */
  retryCount: number;
}

/** Before an attempt is sent. May return a `Request` to send instead, or a `Response` to use without sending. */
export type BeforeRequestHook = (
  state: HookState,
  // biome-ignore lint/suspicious/noConfusingVoidType: as in ky's own hook types, a hook may return nothing.
) => Request | Response | void | Promise<Request | Response | void>;
/**
 * Once an attempt's response headers arrived (any status). May return a `Response` to use instead. The `response` is
 * unmasked: its `url` repeats the request's (the key included under query auth), and its body is as the server sent
 * it (Rule's `meta.next` links echo the key under query auth).
 */
export type AfterResponseHook = (
  state: HookState & { response: Response },
  // biome-ignore lint/suspicious/noConfusingVoidType: as in ky's own hook types, a hook may return nothing.
) => Response | void | Promise<Response | void>;
/** Before a retry, with the typed error that ended the previous attempt. */
export type BeforeRetryHook = (state: HookState & { error: RuleseqError }) => void | Promise<void>;
/** When an attempt fails inside the HTTP exchange (no response, a timeout, an error status), with the typed error. */
export type BeforeErrorHook = (state: HookState & { error: RuleseqError }) => void | Promise<void>;

/** `ClientOptions.hooks`: functions run for every attempt of every call, in order. */
export interface Hooks {
  beforeRequest?: readonly BeforeRequestHook[] | undefined;
  afterResponse?: readonly AfterResponseHook[] | undefined;
  beforeRetry?: readonly BeforeRetryHook[] | undefined;
  beforeError?: readonly BeforeErrorHook[] | undefined;
}
