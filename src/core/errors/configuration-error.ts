import { RuleseqError } from './ruleseq-error.js';

/** The client was constructed with options it cannot safely work with (no key, `http://`, a browser, …). */
export class ConfigurationError extends RuleseqError {
  override name = 'ConfigurationError';
  declare readonly code: 'configuration';

  constructor(message: string) {
    super(message, 'configuration');
  }
}
