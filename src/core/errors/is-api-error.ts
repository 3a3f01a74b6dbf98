import { ApiError } from './api-error.js';

/** The literals of a code type, without its open `string & {}` part. */
type Documented<Code> = Code extends unknown ? (string extends Code ? never : Code) : never;

/** The documented codes of the API errors in a union of errors (`RuleError` → `RuleErrorCode`). */
export type CodeOf<E> = E extends ApiError<string> ? Documented<E['code']> : never;

function matches(error: unknown, code: string | undefined): boolean {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/**
 * Whether `error` is an `ApiError`, with `code` if given. The code is checked against the codes the error's API
 * documents, so `isApiError(result.error, 'NotFund')` does not compile; the error narrows to an `ApiError` with that
 * code. For an error of unknown type (a `catch`), use the client's own guard (`isRuleError`, …).
 */
export function isApiError<E, Code extends CodeOf<E>>(
  error: E,
  code: Code,
): error is Extract<E, ApiError<string>> & { readonly code: Code };
export function isApiError(error: unknown): error is ApiError;
export function isApiError(error: unknown, code?: string): boolean {
  return matches(error, code);
}

/** A guard for errors of unknown type (a `catch`) that takes one API's documented codes only. */
export interface ApiErrorGuard<Code extends string> {
  <C extends Code>(error: unknown, code: C): error is ApiError<Code> & { readonly code: C };
  (error: unknown): error is ApiError<Code>;
}

/** Makes an API's `ApiErrorGuard` (`isRuleError`, `isSequenceError`, …). */
export function apiErrorGuard<Code extends string>(): ApiErrorGuard<Code> {
  return ((error: unknown, code?: string) => matches(error, code)) as ApiErrorGuard<Code>;
}
