import { accountRef } from './lookup.js';
import type { AccountRecord, ExecutionRecord, RuleRecord, SequenceFakeState } from './model.js';

/** A listAccounts item: no balance or account numbers (those are getAccount's). */
export function accountListItem(account: AccountRecord) {
  const { balance: _balance, routing_number: _routing, bank_account_number: _number, ...item } = account;
  return item;
}

/** The account a rule moves money from: its trigger account, else its first action's source. */
export function ruleSourceId(rule: RuleRecord): string | null {
  return rule.trigger.account_id ?? rule.steps[0]?.actions[0]?.source?.id ?? null;
}

export function ruleSummary(state: SequenceFakeState, rule: RuleRecord) {
  const { trigger, steps: _steps, ...summary } = rule;
  return { ...summary, trigger_type: trigger.type, source: accountRef(state, ruleSourceId(rule)) };
}

/** A transfer or execution as the API shows it: without the fake's settling time. */
export function wireView<T extends { settles_at_ms: number | null }>(record: T) {
  const { settles_at_ms: _settles, ...view } = record;
  return view;
}

export function executionSummary(execution: ExecutionRecord) {
  const { id, rule_id, rule_name, trigger_type, status, created_at } = execution;
  return { id, rule_id, rule_name, trigger_type, status, created_at };
}
