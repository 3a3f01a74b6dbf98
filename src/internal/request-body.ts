import { RequestValidationError } from '../core/errors/request-validation-error.js';
import { isPlainObject, refuseAuthName } from './auth.js';
import { checkJsonBody } from './check-request.js';
import type { Operation } from './operation.js';

/**
 * An operation's JSON body with the caller's `extraBody` fields added (they replace documented fields of the same
 * name). Only a call whose body is a JSON object, or that has none and may carry one, takes extra fields; the field
 * that carries the key under body auth is refused.
 */
export function bodyWithExtras(
  op: Operation<unknown>,
  extraBody: Record<string, unknown> | undefined,
  authField: string | undefined,
): unknown {
  if (extraBody === undefined) return op.body;
  const refuse = (message: string) => {
    throw new RequestValidationError([{ message, path: [] }], 'extraBody');
  };
  if (op.method === 'GET') refuse('a GET request has no body');
  if (op.body !== undefined && !isPlainObject(op.body))
    refuse('this request has no JSON object body to add to');
  refuseAuthName(extraBody, authField, 'extraBody');
  return { ...(op.body as Record<string, unknown> | undefined), ...extraBody };
}

/** The body as sent and its JSON text, serialised once for every attempt (and refused if it cannot be). */
export function jsonPayload(body: unknown): { json: unknown; text: string } | undefined {
  return body === undefined ? undefined : { json: body, text: checkJsonBody(body) };
}
