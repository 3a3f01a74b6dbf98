import type { Hooks as KyHooks } from 'ky';
import type { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { HookState, Hooks } from '../core/hooks.js';
import { type AttemptState, attemptOf } from './attempt-state.js';

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
