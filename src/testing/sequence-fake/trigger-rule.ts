import { zTriggerRuleRequest } from '../../sequence/generated/v1/zod.gen.js';
import { reply } from '../kernel/reply.js';
import { isoAt, newId, type SequenceCall } from './call.js';
import { forbidden } from './fail.js';
import { findRule } from './lookup.js';
import type { ExecutionRecord, RuleAction, RuleRecord } from './model.js';
import { newTransfer } from './new-transfer.js';

/**
 * What an action moves: on a MANUAL rule `manual_execute_amount` overrides it; otherwise its fixed
 * `amount_in_cents`, or a percentage of `manual_execute_amount` taken as the incoming amount.
 */
function actionAmount(
  rule: RuleRecord,
  action: RuleAction,
  override: number | undefined,
): number | undefined {
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
export function triggerRule(ctx: SequenceCall, settleAfterMs: number) {
  const rule = findRule(ctx.state, ctx.params.id!);
  const override = ctx.read(zTriggerRuleRequest, ctx.body ?? {}).manual_execute_amount;
  if (rule.status !== 'enabled') {
    forbidden(`Rule '${rule.id}' is disabled: enable it in the Sequence app before triggering it.`);
  }
  const stepIndex = rule.steps.findIndex((step) => step.actions.length > 0);
  const id = newId(ctx, 'rex');
  const transferIds = (rule.steps[stepIndex]?.actions ?? []).flatMap((action) => {
    const amount = actionAmount(rule, action, override);
    const source = ctx.state.accounts.find((a) => a.id === action.source?.id);
    const destination = ctx.state.accounts.find((a) => a.id === action.destination?.id);
    if (amount === undefined || !source || !destination) return [];
    const transfer = newTransfer(ctx, settleAfterMs, source, destination, {
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
    created_at: isoAt(ctx.now),
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
    settles_at_ms: ctx.now + settleAfterMs,
  };
  ctx.state.executions.push(execution);
  return reply(202, { data: { execution_id: execution.id, status: execution.status } });
}
