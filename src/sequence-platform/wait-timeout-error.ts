import { RuleseqError } from '../core/errors/ruleseq-error.js';

/** `waitForTransfer` / `waitForExecution` gave up before a final status; `last` is the last state seen, if any. */
export class WaitTimeoutError<T = unknown> extends RuleseqError {
  override name = 'WaitTimeoutError';
  declare readonly code: 'wait_timeout';
  readonly last: T | undefined;

  constructor(what: string, waitedMs: number, last: (T & { status?: unknown }) | undefined) {
    const status = last?.status === undefined ? 'not visible yet' : `last status ${String(last.status)}`;
    super(`${what} did not reach a final status within ${waitedMs} ms (${status})`, 'wait_timeout');
    this.last = last;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), last: this.last };
  }
}
