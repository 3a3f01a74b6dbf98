/** An API error a route throws; the fake answers it as `{error: {code, message}}`. */
export class PlatformFakeError extends Error {
  readonly status: number;
  readonly code: string;
  /** Sent with the answer (a 429's `Retry-After`). */
  readonly headers: Record<string, string>;

  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.status = status;
    this.code = code;
    this.headers = headers;
  }
}

export function fail(status: number, code: string, message: string): never {
  throw new PlatformFakeError(status, code, message);
}

/** 400 INVALID_PARAMETERS. */
export function invalid(message: string): never {
  throw new PlatformFakeError(400, 'INVALID_PARAMETERS', message);
}

/** 403 ACCESS_DENIED, in the document's words. */
export function denied(): never {
  const message = 'API key does not have required permissions to access this resource';
  throw new PlatformFakeError(403, 'ACCESS_DENIED', message);
}

/** 404 `<ENTITY>_NOT_FOUND`: absent, or not visible to this key. */
export function notFound(code: string, entity: string): never {
  throw new PlatformFakeError(404, code, `${entity} does not exist or you don't have access to it`);
}
