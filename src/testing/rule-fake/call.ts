import { zMessageType } from '../../rule/generated/v2/zod.gen.js';
import type { FakeCall, Handler } from '../kernel/fake-call.js';
import { reply } from '../kernel/reply.js';
import { route } from '../kernel/route.js';
import type { MessageType, RuleFakeState } from './state.js';

/** What a Rule route handler works with: the call, and answers as Rule words them (`{error, message}` in v2). */

export type RuleCall = FakeCall<RuleFakeState>;

/** A route of Rule's v2 API, below `/api/v2`. */
export const v2 = (method: string, pattern: string, handle: Handler<RuleFakeState>) =>
  route(method, pattern, handle, '/api/v2');

/** A route of Rule's v3 API, below `/api/v3`. */
export const v3 = (method: string, pattern: string, handle: Handler<RuleFakeState>) =>
  route(method, pattern, handle, '/api/v3');

/** Rule's v2 error body: `{error, message?, …extra}`. */
export const ruleError = (status: number, error: string, message?: unknown, extra?: object) =>
  reply(status, { error, ...(message === undefined ? {} : { message }), ...extra });

/** Stops the handler with a v2 error. */
export function fail(status: number, error: string, message?: unknown, extra?: object): never {
  return ruleError(status, error, message, extra).throw();
}

/** Stops the handler with Rule's field-validation error (`BadRequest` with `fields`). */
export function badFields(fields: Record<string, Array<string | string[]>>, message?: string): never {
  return fail(400, 'BadRequest', message ?? 'Some fields could not be validated', { fields });
}

/** Stops a v3 handler with its validation error: 422 `{errors: {field: [message]}}`. */
export function v3Invalid(field: string, message: string): never {
  return reply(422, { errors: { [field]: [message] } }).throw();
}

export const SUCCESS = { message: 'Success' } as const;

export const isMessageType = (value: unknown): value is MessageType =>
  zMessageType.options.includes(value as MessageType);

/** What a v3 asynchronous operation answers. */
export const accepted = () => reply(204);
