import { zTriggerRuleRequest } from '../../sequence/generated/v1/zod.gen.js';
import { reply } from '../kernel/reply.js';
import { accountRef, findRule, isoAt, newId, type SequenceCall, sequenceError } from './call.js';
import type {
  AccountRecord,
  ExecutionRecord,
  RuleAction,
  RuleRecord,
  SequenceFakeState,
  TransferRecord,
} from './model.js';

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

/**
 * What an action moves: on a MANUAL rule `manual_execute_amount` overrides it; otherwise its fixed
 * `amount_in_cents`, or a percentage of `manual_execute_amount` taken as the incoming amount.
 */
function actionAmount(rule: RuleRecord, action: RuleAction, override: number | undefined) {
  if (override !== undefined && rule.trigger.type.toUpperCase() === 'MANUAL') return override;
  if (typeof action.amount_in_cents === 'number') return action.amount_in_cents;
  if (override === undefined || typeof action.percentage_value !== 'number') return undefined;
  return Math.round((override * action.percentage_value) / 100) || undefined;
}

/**
 * `POST /rules/{id}/trigger`: a disabled rule is a 403, a deleted one a 404. Starts an execution `in_progress` that
 * runs the first step with actions (conditions are not evaluated), one transfer per action with an amount; it
 * finishes when they settle.
 */
export function triggerRule(call: SequenceCall, settleAfterMs: number) {
  const { state, now } = call;
  const rule = findRule(state, call.params.id!);
  const override = call.read(zTriggerRuleRequest, call.body ?? {}).manual_execute_amount;
  if (rule.status !== 'enabled') {
    const message = `Rule '${rule.id}' is disabled: enable it in the Sequence app before triggering it.`;
    sequenceError(403, 'forbidden', message).throw();
  }
  const stepIndex = rule.steps.findIndex((step) => step.actions.length > 0);
  const id = newId(call, 'rex');
  const transferIds = (rule.steps[stepIndex]?.actions ?? []).flatMap((action) => {
    const amount = actionAmount(rule, action, override);
    const source = state.accounts.find((a) => a.id === action.source?.id);
    const destination = state.accounts.find((a) => a.id === action.destination?.id);
    if (amount === undefined || !source || !destination) return [];
    const transfer = newTransfer(call, settleAfterMs, source, destination, {
      amount_in_cents: amount,
      origin: 'rule',
      description: action.ach_description ?? null,
      rule_id: rule.id,
      rule_execution_id: id,
    });
    return [transfer.id];
  });
  const execution: ExecutionRecord = {
    id,
    rule_id: rule.id,
    rule_name: rule.nickname,
    trigger_type: 'manual',
    status: 'in_progress',
    created_at: isoAt(now),
    trigger_details: { type: 'sequence_api', amount_in_cents: override ?? null },
    step_index_matched: stepIndex < 0 ? null : stepIndex,
    conditions_not_met: stepIndex < 0,
    // All still pending: they settle together, and the execution with them.
    transfers_attempted: transferIds.length,
    transfers_pending: transferIds.length,
    transfers_completed: 0,
    transfers_failed: 0,
    transfer_ids: transferIds,
    error_message: null,
    next_attempt_at: null,
    settles_at_ms: now + settleAfterMs,
  };
  state.executions.push(execution);
  return reply(202, { data: { execution_id: execution.id, status: execution.status } });
}

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
    Object.assign(transfer, { status: 'error', error_code: 'INSUFFICIENT_FUNDS' });
    return;
  }
  if (source && typeof available === 'number') {
    Object.assign(source, {
      balance_in_cents: available - transfer.amount_in_cents,
      balance_last_updated_at: at,
    });
  }
  const target = destination?.balance;
  if (target && typeof target.balance_in_cents === 'number') {
    // A liability's balance is what is owed: paying it lowers it.
    const sign = destination?.external_account_type === 'LIABILITY' ? -1 : 1;
    target.balance_in_cents += sign * transfer.amount_in_cents;
    target.balance_last_updated_at = at;
  }
  Object.assign(transfer, { status: 'complete', completed_at: at });
}

function finishExecution(state: SequenceFakeState, execution: ExecutionRecord): void {
  execution.settles_at_ms = null;
  const transfers = state.transfers.filter((t) => execution.transfer_ids.includes(t.id));
  const completed = transfers.filter((t) => t.status === 'complete').length;
  const failed = transfers.filter((t) => t.status === 'error').length;
  Object.assign(execution, {
    transfers_completed: completed,
    transfers_failed: failed,
    transfers_pending: transfers.length - completed - failed,
    status: failed === 0 ? 'executed' : failed === transfers.length ? 'failed' : 'partial',
  });
  if (failed > 0) execution.error_message = 'Insufficient funds in source account.';
}
