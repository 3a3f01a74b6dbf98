import { isoAt } from './call.js';
import type { ExecutionRecord, SequenceFakeState, TransferRecord } from './model.js';

/**
 * Settles what is due at `now`: each processing transfer moves its money (or fails with `INSUFFICIENT_FUNDS` when
 * the source's known balance is short), then each running execution takes its outcome from its transfers.
 */
export function settleDue(state: SequenceFakeState, now: number): void {
  for (const transfer of state.transfers) {
    if (transfer.settles_at_ms !== null && transfer.settles_at_ms <= now) settleTransfer(state, transfer);
  }
  for (const execution of state.executions) {
    if (execution.settles_at_ms !== null && execution.settles_at_ms <= now) finishExecution(state, execution);
  }
}

function settleTransfer(state: SequenceFakeState, transfer: TransferRecord): void {
  const at = isoAt(transfer.settles_at_ms!);
  transfer.settles_at_ms = null;
  const source = state.accounts.find((a) => a.id === transfer.source?.id)?.balance;
  const destination = state.accounts.find((a) => a.id === transfer.destination?.id);
  const available = source?.balance_in_cents;
  if (typeof available === 'number' && available < transfer.amount_in_cents) {
    transfer.status = 'error';
    transfer.error_code = 'INSUFFICIENT_FUNDS';
    return;
  }
  if (source && typeof available === 'number') {
    source.balance_in_cents = available - transfer.amount_in_cents;
    source.balance_last_updated_at = at;
  }
  const target = destination?.balance;
  if (target && typeof target.balance_in_cents === 'number') {
    // A liability's balance is what is owed: paying it lowers it.
    const sign = destination?.external_account_type === 'LIABILITY' ? -1 : 1;
    target.balance_in_cents += sign * transfer.amount_in_cents;
    target.balance_last_updated_at = at;
  }
  transfer.status = 'complete';
  transfer.completed_at = at;
}

function finishExecution(state: SequenceFakeState, execution: ExecutionRecord): void {
  execution.settles_at_ms = null;
  const transfers = state.transfers.filter((t) => execution.transfer_ids.includes(t.id));
  execution.transfers_completed = transfers.filter((t) => t.status === 'complete').length;
  execution.transfers_failed = transfers.filter((t) => t.status === 'error').length;
  execution.transfers_pending = transfers.length - execution.transfers_completed - execution.transfers_failed;
  const failed = execution.transfers_failed;
  execution.status = failed === 0 ? 'executed' : failed === transfers.length ? 'failed' : 'partial';
  if (failed > 0) execution.error_message = 'Insufficient funds in source account.';
}
