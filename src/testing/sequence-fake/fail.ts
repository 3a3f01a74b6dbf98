/** An API error a handler throws; the fake answers it as `{error: {code, message}}`. */
export class SequenceFakeError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** 400 invalid_parameters. */
export function invalid(message: string): never {
  throw new SequenceFakeError(400, 'invalid_parameters', message);
}

/** 404 resource_not_found, in the documented wording ("Rule with id 'rule_123' was not found."). */
export function notFound(kind: string, id: string): never {
  throw new SequenceFakeError(404, 'resource_not_found', `${kind} with id '${id}' was not found.`);
}

/** 403 forbidden. */
export function forbidden(message: string): never {
  throw new SequenceFakeError(403, 'forbidden', message);
}
