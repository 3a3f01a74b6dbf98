import { RuleseqError } from './ruleseq-error.js';

/** A "next page" link pointed somewhere the SDK will not send credentials (another origin or scheme). */
export class PaginationError extends RuleseqError {
  override name = 'PaginationError';
  declare readonly code: 'unsafe_next_link';

  constructor(message: string) {
    super(message, 'unsafe_next_link');
  }
}
