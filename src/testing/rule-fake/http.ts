/** Responses as Rule sends them: JSON bodies, `{error, message}` errors, and plain-text pages for unknown routes. */

/** Thrown anywhere inside a handler; the fake answers with `response`. */
export class RuleFakeReply extends Error {
  readonly response: Response;

  constructor(response: Response) {
    super(`rule fake reply ${response.status}`);
    this.response = response;
  }
}

export function json(body: unknown, status = 200, headers?: HeadersInit): Response {
  return Response.json(body, { status, headers });
}

export function text(body: string, status: number, headers?: Record<string, string>): Response {
  return new Response(body, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
}

/** Rule's v2 error body: `{error, message?, …extra}`. */
export function ruleError(status: number, error: string, message?: unknown, extra?: object): Response {
  return json({ error, ...(message === undefined ? {} : { message }), ...extra }, status);
}

/** Stops the handler with a v2 error. */
export function fail(status: number, error: string, message?: unknown, extra?: object): never {
  throw new RuleFakeReply(ruleError(status, error, message, extra));
}

/** Stops the handler with Rule's field-validation error (`BadRequest` with `fields`). */
export function badFields(
  fields: Record<string, Array<string | string[]>>,
  message = 'Some fields could not be validated',
): never {
  return fail(400, 'BadRequest', message, { fields });
}

export const SUCCESS = { message: 'Success' } as const;

/** What a v3 asynchronous operation answers. */
export function accepted(): Response {
  return new Response(null, { status: 204 });
}
