import { RuleseqError } from './ruleseq-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/** A 2xx response did not match the documented schema. `body` holds what the server sent. */
export class ResponseValidationError extends RuleseqError {
  override name = 'ResponseValidationError';
  declare readonly code: 'response_validation';
  readonly issues: readonly ValidationIssue[];
  readonly body: unknown;
  override readonly status: number;
  readonly requestId: string | undefined;

  constructor(options: {
    issues: readonly ValidationIssue[];
    body: unknown;
    status: number;
    requestId: string | undefined;
    operation: string;
  }) {
    super(
      `Unexpected response from ${options.operation}: ${formatIssues(options.issues)} (pass validateResponses: false to accept it as is)`,
      'response_validation',
    );
    this.issues = options.issues;
    this.body = options.body;
    this.status = options.status;
    this.requestId = options.requestId;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, requestId: this.requestId, issues: this.issues };
  }
}
