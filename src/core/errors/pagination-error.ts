import { RuleseqError } from './ruleseq-error.js';

/**
 * Why a listing cannot go on: `unsafe_next_link`, the server named a next page the SDK will not send credentials
 * to (another origin or scheme, or not a URL); `repeated_page`, it named a page this listing has already fetched
 * (following it would loop forever); `empty_pages`, it kept answering empty pages that promise more.
 */
export type PaginationErrorCode = 'unsafe_next_link' | 'repeated_page' | 'empty_pages';

/** A listing cannot fetch its next page. The pages before it were returned; nothing was sent for this one. */
export class PaginationError extends RuleseqError {
  override name = 'PaginationError';
  declare readonly code: PaginationErrorCode;

  constructor(message: string, code: PaginationErrorCode = 'unsafe_next_link') {
    super(message, code);
  }
}
