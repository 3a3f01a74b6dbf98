import { RuleseqError } from './ruleseq-error.js';

/** An attempt exceeded `timeout`, or the whole call exceeded `totalTimeout`. Distinct from a caller's abort. */
export class TimeoutError extends RuleseqError {
  override name = 'TimeoutError';
  declare readonly code: 'timeout';
  /** Which budget ran out. */
  readonly kind: 'attempt' | 'total';
  readonly timeoutMs: number;

  constructor(kind: 'attempt' | 'total', timeoutMs: number) {
    super(
      kind === 'attempt'
        ? `Request attempt timed out after ${timeoutMs} ms`
        : `Request did not complete within totalTimeout (${timeoutMs} ms)`,
      'timeout',
    );
    this.kind = kind;
    this.timeoutMs = timeoutMs;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), kind: this.kind, timeoutMs: this.timeoutMs };
  }
}
