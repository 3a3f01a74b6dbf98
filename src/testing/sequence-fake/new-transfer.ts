import { isoAt, newId, type SequenceCall } from './call.js';
import { accountRef } from './lookup.js';
import type { AccountRecord, TransferRecord } from './model.js';

export interface TransferOrder {
  source: AccountRecord;
  destination: AccountRecord;
  amount_in_cents: number;
  origin: 'user' | 'rule';
  description?: string | null;
  rule_id?: string;
  rule_execution_id?: string;
}

/** Money leaving for an external account is `money_out`, arriving from one `money_in`, else `internal`. */
function directionOf(source: AccountRecord, destination: AccountRecord): TransferRecord['direction'] {
  if (destination.type === 'external_account') return 'money_out';
  if (source.type === 'external_account') return 'money_in';
  return 'internal';
}

/** Records a transfer, `processing` until `settleAfterMs` has passed on the fake's clock. */
export function newTransfer(call: SequenceCall, settleAfterMs: number, order: TransferOrder): TransferRecord {
  const transfer: TransferRecord = {
    id: newId(call, 'txr'),
    amount_in_cents: order.amount_in_cents,
    direction: directionOf(order.source, order.destination),
    origin: order.origin,
    status: 'processing',
    source: accountRef(call.state, order.source.id),
    destination: accountRef(call.state, order.destination.id),
    description: order.description ?? null,
    rule_id: order.rule_id ?? null,
    rule_execution_id: order.rule_execution_id ?? null,
    error_code: null,
    created_at: isoAt(call.now),
    completed_at: null,
    settles_at_ms: call.now + settleAfterMs,
  };
  call.state.transfers.push(transfer);
  return transfer;
}
