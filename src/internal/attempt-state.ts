import type { Operation } from './operation.js';

/** Where an attempt's state rides in ky's `context` option, for the hooks of that attempt to find. */
export const ATTEMPT = Symbol('ruleseq.attempt');

/** One attempt of a call, as its hooks and its error mapping see it. */
export interface AttemptState {
  op: Operation<unknown>;
  /** 1 for the first attempt, 2 for the first retry, … */
  attempt: number;
  /** The caller's signal and the call's total deadline, combined. */
  callSignal: AbortSignal | undefined;
  timeout: number;
  /** `performance.now()` when the attempt began. */
  started: number;
  idempotencyKey: string | undefined;
  requestId: string | undefined;
  /** The request as sent, once ky has made it. */
  request?: Request;
  /** The response, once its headers arrived. */
  response?: Response;
  /** The body read ran out of time (the attempt's timeout covers the body too). */
  bodyTimedOut?: boolean;
}

/** The attempt a ky hook runs for. */
export function attemptOf(options: { context: Record<PropertyKey, unknown> }): AttemptState {
  return options.context[ATTEMPT] as AttemptState;
}
