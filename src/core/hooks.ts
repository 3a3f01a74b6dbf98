import type { Hooks as KyHooks } from 'ky';
import { type AttemptState, attemptOf } from '../internal/attempt-state.js';
import type { RuleseqError } from './errors/ruleseq-error.js';

/** What every hook is told about the attempt it runs for. */
export interface HookState {
  /** The request as sent. Its headers carry the API key (header auth), its URL too under query auth. */
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
/** Once an attempt's response headers arrived (any status). May return a `Response` to use instead. */
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

/** Masks credentials in a request URL (the transport's redaction). */
export type UrlRedactor = (url: string) => string;

function stateOf(attempt: AttemptState, request: Request, redactUrl: UrlRedactor): HookState {
  return {
    request,
    method: request.method,
    url: redactUrl(request.url),
    attempt: attempt.attempt,
    retryCount: attempt.attempt - 1,
  };
}

/**
 * The user's hooks as ky hooks (run after the SDK's own), each told its attempt and the redacted URL. An exception
 * a hook throws reaches the caller as it is: it is no failure of the exchange (see `toTypedError`).
 */
export function userKyHooks(hooks: Hooks, redactUrl: UrlRedactor): KyHooks {
  return {
    beforeRequest: (hooks.beforeRequest ?? []).map((hook) => async ({ request, options }) => {
      const attempt = attemptOf(options);
      const replaced = await hook(stateOf(attempt, request, redactUrl));
      if (replaced instanceof Request) attempt.request = replaced;
      return replaced ?? undefined;
    }),
    afterResponse: (hooks.afterResponse ?? []).map((hook) => async ({ request, options, response }) => {
      const state = stateOf(attemptOf(options), request, redactUrl);
      return (await hook({ ...state, response })) ?? undefined;
    }),
    // The SDK's own beforeError hook runs first and turns ky's error into the typed one these receive.
    beforeError: (hooks.beforeError ?? []).map((hook) => async ({ request, options, error }) => {
      const state = stateOf(attemptOf(options), request, redactUrl);
      await hook({ ...state, error: error as RuleseqError });
      return error;
    }),
  };
}

/** Runs the `beforeRetry` hooks. ky's own retry is off (p-retry runs the retries), so the transport calls these. */
export async function runBeforeRetry(
  hooks: Hooks,
  attempt: AttemptState,
  failed: { request: Request | undefined; error: RuleseqError },
  redactUrl: UrlRedactor,
): Promise<void> {
  if (!hooks.beforeRetry?.length || !failed.request) return;
  const state = { ...stateOf(attempt, failed.request, redactUrl), error: failed.error };
  for (const hook of hooks.beforeRetry) await hook(state);
}
