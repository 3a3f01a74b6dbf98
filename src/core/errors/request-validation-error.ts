import { RuleseqError } from './ruleseq-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/** The SDK refused to send a request because its input is invalid. Nothing reached the network. */
export class RequestValidationError extends RuleseqError {
  override name = 'RequestValidationError';
  declare readonly code: 'request_validation';
  readonly issues: readonly ValidationIssue[];

  constructor(issues: readonly ValidationIssue[], context?: string) {
    super(`${context ? `${context}: ` : ''}${formatIssues(issues)}`, 'request_validation');
    this.issues = issues;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
