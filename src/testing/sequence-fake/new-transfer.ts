import { isoAt, newId, type SequenceCall } from './call.js';
import { accountRef } from './lookup.js';
import type { AccountRecord, TransferRecord } from './model.js';

/**
 * Records a transfer, `processing` until `settleAfterMs` has passed on the fake's clock. Money leaving for an
 * external account is `money_out`, arriving from one `money_in`, else `internal`.
 */
export function newTransfer(
  call: SequenceCall,
  settleAfterMs: number,
  source: AccountRecord,
  destination: AccountRecord,
  fields: Pick<TransferRecord, 'amount_in_cents' | 'origin'> & Partial<TransferRecord>,
): TransferRecord {
  const transfer: TransferRecord = {
    id: newId(call, 'txr'),
    direction:
      destination.type === 'external_account'
        ? 'money_out'
        : source.type === 'external_account'
          ? 'money_in'
          : 'internal',
    status: 'processing',
    source: accountRef(call.state, source.id),
    destination: accountRef(call.state, destination.id),
    description: null,
    rule_id: null,
    rule_execution_id: null,
    error_code: null,
    created_at: isoAt(call.now),
    completed_at: null,
    settles_at_ms: call.now + settleAfterMs,
    ...fields,
  };
  call.state.transfers.push(transfer);
  return transfer;
}
