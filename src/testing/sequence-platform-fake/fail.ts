import { reply } from '../kernel/reply.js';

/** The Platform's error answer: `{error: {code, message}}`. */
export const platformError = (status: number, code: string, message: string) =>
  reply(status, { error: { code, message } });

/** Stops the handler with an error answer. */
export function fail(status: number, code: string, message: string): never {
  return platformError(status, code, message).throw();
}

/** 400 INVALID_PARAMETERS. */
export function invalid(message: string): never {
  return fail(400, 'INVALID_PARAMETERS', message);
}

/** 403 ACCESS_DENIED, in the document's words. */
export function denied(): never {
  return fail(403, 'ACCESS_DENIED', 'API key does not have required permissions to access this resource');
}

/** 404 `<ENTITY>_NOT_FOUND`: absent, or not visible to this key. */
export function notFound(code: string, entity: string): never {
  return fail(404, code, `${entity} does not exist or you don't have access to it`);
}
