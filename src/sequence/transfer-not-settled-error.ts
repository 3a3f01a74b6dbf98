import { RuleseqError } from '../core/errors/ruleseq-error.js';
import type { Transfer } from './types.js';

/** `waitUntilSettled` gave up before the transfer reached a final status; `transfer` is the last state seen. */
export class TransferNotSettledError extends RuleseqError {
  override name = 'TransferNotSettledError';
  declare readonly code: 'transfer_not_settled';
  readonly transfer: Transfer | undefined;

  constructor(transferId: string, waitedMs: number, transfer: Transfer | undefined) {
    super(
      `Transfer ${transferId} did not settle within ${waitedMs} ms (last status: ${transfer?.status ?? 'unknown'})`,
      'transfer_not_settled',
    );
    this.transfer = transfer;
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), transfer: this.transfer };
  }
}
