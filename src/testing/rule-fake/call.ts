import type { FakeCall, Handler } from '../kernel/fake-call.js';
import { route } from '../kernel/route.js';
import type { RuleFakeState } from './state.js';

export type RuleCall = FakeCall<RuleFakeState>;

/** A route of Rule's v2 API, below `/api/v2`. */
export const v2 = (method: string, pattern: string, handle: Handler<RuleFakeState>) =>
  route(method, pattern, handle, '/api/v2');

/** A route of Rule's v3 API, below `/api/v3`. */
export const v3 = (method: string, pattern: string, handle: Handler<RuleFakeState>) =>
  route(method, pattern, handle, '/api/v3');
