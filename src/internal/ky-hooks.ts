import type { Hooks as KyHooks } from 'ky';
import type { RuleseqError } from '../core/errors/ruleseq-error.js';
import { TimeoutError } from '../core/errors/timeout-error.js';
import type { HookState, Hooks } from '../core/hooks.js';
import { type AttemptState, attemptOf } from './attempt-state.js';
import { deadline } from './deadline.js';
import { untilAborted } from './rate-limit/until-aborted.js';

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

/** A hook's `throw 'text'` as an Error that keeps it as `cause` (p-retry would turn it into its own TypeError). */
function asError(thrown: unknown): unknown {
  if (thrown instanceof Error) return thrown;
  return new Error(`a hook threw ${typeof thrown === 'string' ? thrown : typeof thrown}`, { cause: thrown });
}

/**
 * Runs one user hook, given up on after the attempt's `timeout` (a `TimeoutError`) or once the call is aborted or
 * out of `totalTimeout`: ky bounds only the exchange, and a hook that never settles would otherwise hold the call,
 * and its limiter slot, for ever. A hook of an attempt the call already gave up on still runs (a span to end).
 */
async function bounded<T>(attempt: AttemptState, run: () => T): Promise<Awaited<T>> {
  const limit = deadline(attempt.timeout);
  const { callSignal } = attempt;
  const signal =
    callSignal && !callSignal.aborted ? AbortSignal.any([limit.signal, callSignal]) : limit.signal;
  try {
    return await untilAborted(Promise.resolve().then(run), signal);
  } catch (error) {
    if (!limit.signal.aborted || callSignal?.aborted) throw asError(error);
    const timedOut = new TimeoutError('attempt', attempt.timeout);
    timedOut.message += ': a hook did not settle';
    throw timedOut;
  } finally {
    limit.clear();
  }
}

/**
 * The user's hooks as ky hooks (run after the SDK's own), each told its attempt and the redacted URL, each bounded
 * (see `bounded`). An exception a hook throws reaches the caller as it is: it is no failure of the exchange (see
 * `toTypedError`).
 */
export function userKyHooks(hooks: Hooks, redactUrl: UrlRedactor): KyHooks {
  return {
    beforeRequest: (hooks.beforeRequest ?? []).map((hook) => async ({ request, options }) => {
      const attempt = attemptOf(options);
      const replaced = await bounded(attempt, () => hook(stateOf(attempt, request, redactUrl)));
      if (replaced instanceof Request) attempt.request = replaced;
      return replaced ?? undefined;
    }),
    afterResponse: (hooks.afterResponse ?? []).map((hook) => async ({ request, options, response }) => {
      const attempt = attemptOf(options);
      const state = stateOf(attempt, request, redactUrl);
      return (await bounded(attempt, () => hook({ ...state, response }))) ?? undefined;
    }),
    // The SDK's own beforeError hook runs first and turns ky's error into the typed one these receive.
    beforeError: (hooks.beforeError ?? []).map((hook) => async ({ request, options, error }) => {
      const attempt = attemptOf(options);
      const state = stateOf(attempt, request, redactUrl);
      await bounded(attempt, () => hook({ ...state, error: error as RuleseqError }));
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
  for (const hook of hooks.beforeRetry) await bounded(attempt, () => hook(state));
}
