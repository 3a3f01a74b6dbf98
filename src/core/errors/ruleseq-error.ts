/** Base class of every error the SDK throws or returns from `.safe()`. */
export class RuleseqError extends Error {
  override name = 'RuleseqError';
  /** A stable, machine-readable discriminator. API errors carry the vendor's own code here. */
  readonly code: string;
  /** The HTTP status of the API's answer; `undefined` when the call failed without one (timeout, abort, …). */
  declare readonly status: number | undefined;
  /**
   * Set when a write sent with an idempotency key failed without proof that it was not applied (an answer lost to a
   * timeout, a dropped connection or a 5xx, a 409 while still in progress, an unreadable 2xx): it may have taken
   * effect. Retry with this key (`{ idempotencyKey }`) to apply it at most once; a new key could apply it twice.
   */
  declare readonly idempotencyKey: string | undefined;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }

  /** Plain-data view for logs and `JSON.stringify`; never includes credentials (they are redacted before construction). */
  toJSON(): Record<string, unknown> {
    return { name: this.name, code: this.code, message: this.message, idempotencyKey: this.idempotencyKey };
  }
}
