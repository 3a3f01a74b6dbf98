import { RuleseqError } from './ruleseq-error.js';

/** The request never produced an HTTP response: DNS failure, refused or reset connection, truncated body. */
export class ConnectionError extends RuleseqError {
  override name = 'ConnectionError';
  declare readonly code: 'connection_error';
  /** `true` when the failure proves no byte of the request reached the server (connection refused). */
  readonly refused: boolean;

  constructor(message: string, options: { refused: boolean; cause?: unknown }) {
    super(message, 'connection_error', { cause: options.cause });
    this.refused = options.refused;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), refused: this.refused };
  }
}
