import { RuleseqError } from './ruleseq-error.js';
import type { ValidationIssue } from './validation-issue.js';

/** A webhook body the SDK cannot accept: not a JSON object, not the documented shape, or missing context. */
export class WebhookError<Code extends string = 'invalid_webhook'> extends RuleseqError {
  override name = 'WebhookError';
  declare readonly code: Code;
  readonly issues: readonly ValidationIssue[];
  readonly body: unknown;

  constructor(message: string, options: { code: Code; issues?: readonly ValidationIssue[]; body: unknown }) {
    super(message, options.code);
    this.issues = options.issues ?? [];
    this.body = options.body;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), issues: this.issues };
  }
}
