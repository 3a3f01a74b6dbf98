import { keep, type Redactor, redactValue } from '../../internal/redact.js';
import { RuleseqError } from './ruleseq-error.js';
import { formatIssues, type ValidationIssue } from './validation-issue.js';

/** How the message ends: the way out of strict validation (left out of the warning once a client opted out). */
export const OPT_OUT_HINT = ' (pass validateResponses: false to accept it as is)';

/**
 * A 2xx response did not match the documented schema. `body` holds what the server sent and `issues` what did not
 * match, both with the client's credentials masked (a server may echo the key).
 */
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
    /** Masks the client's credentials in all of the above (the SDK always passes its client's). */
    redact?: Redactor;
  }) {
    const redact = options.redact ?? keep;
    const issues = redactValue(options.issues, redact);
    super(
      redact(`Unexpected response from ${options.operation}: ${formatIssues(issues)}${OPT_OUT_HINT}`),
      'response_validation',
    );
    this.issues = issues;
    this.body = redactValue(options.body, redact);
    this.status = options.status;
    this.requestId = options.requestId === undefined ? undefined : redact(options.requestId);
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status, requestId: this.requestId, issues: this.issues };
  }
}
