import { reply } from '../kernel/reply.js';

/** Sequence's error answer: `{error: {code, message}}`. */
export const sequenceError = (status: number, code: string, message: string) =>
  reply(status, { error: { code, message } });

/** Stops the handler with 400 invalid_parameters. */
export function invalid(message: string): never {
  return sequenceError(400, 'invalid_parameters', message).throw();
}

/** 404 resource_not_found, in the documented wording ("Rule with id 'rule_123' was not found."). */
export function notFound(kind: string, id: string): never {
  return sequenceError(404, 'resource_not_found', `${kind} with id '${id}' was not found.`).throw();
}

/** 403 forbidden. */
export function forbidden(message: string): never {
  return sequenceError(403, 'forbidden', message).throw();
}
