/**
 * What a fake answers. Handlers and middleware return one, or throw one from anywhere below them to stop there; a
 * handler may also return a plain value, sent as a 200 JSON body.
 */
export class FakeReply extends Error {
  readonly status: number;
  /** A JSON value, or a string sent as is when `headers` set a content type; `undefined`: no body. */
  readonly body: unknown;
  /** Lower-case names. */
  readonly headers: Record<string, string>;

  constructor(status: number, body?: unknown, headers: Record<string, string> = {}) {
    super(`fake reply ${status}`);
    this.status = status;
    this.body = body;
    this.headers = headers;
  }

  /** Adds (or replaces) headers. */
  withHeaders(headers: Record<string, string> = {}): this {
    Object.assign(this.headers, headers);
    return this;
  }

  /** Stops the handler or middleware with this answer. */
  throw(): never {
    throw this;
  }

  /** The body as sent; null without one. */
  text(): string | null {
    if (this.body === undefined) return null;
    return typeof this.body === 'string' && this.headers['content-type']
      ? this.body
      : JSON.stringify(this.body);
  }

  toResponse(): Response {
    const body = this.text();
    const json = body !== null && !this.headers['content-type'];
    const headers = json ? { 'content-type': 'application/json', ...this.headers } : this.headers;
    return new Response(body, { status: this.status, headers });
  }
}

export const reply = (status: number, body?: unknown, headers?: Record<string, string>) =>
  new FakeReply(status, body, headers);

/** A plain-text answer (Rule's 404 and 429 pages). */
export const text = (status: number, body: string, headers: Record<string, string> = {}) =>
  reply(status, body, { 'content-type': 'text/plain; charset=utf-8', ...headers });
