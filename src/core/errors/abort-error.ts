import { RuleseqError } from './ruleseq-error.js';

/** The caller's `AbortSignal` fired. Never thrown for timeouts (see `TimeoutError`). */
export class AbortError extends RuleseqError {
  override name = 'AbortError';
  declare readonly code: 'aborted';

  constructor(reason?: unknown) {
    super('Request was aborted by the caller', 'aborted', { cause: reason });
  }
}
