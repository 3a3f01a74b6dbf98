import { accountRef } from './lookup.js';
import type {
  AccountRecord,
  ExecutionRecord,
  RuleRecord,
  SequenceFakeState,
  TransferRecord,
} from './model.js';

/** A listAccounts item: no balance or account numbers (those are getAccount's). */
export function accountListItem(account: AccountRecord) {
  const { balance: _balance, routing_number: _routing, bank_account_number: _number, ...item } = account;
  return item;
}

export function ruleSummary(state: SequenceFakeState, rule: RuleRecord) {
  return {
    id: rule.id,
    nickname: rule.nickname,
    description: rule.description,
    status: rule.status,
    trigger_type: rule.trigger.type,
    source: accountRef(state, ruleSourceId(rule)),
    is_supported: rule.is_supported,
    created_at: rule.created_at,
    updated_at: rule.updated_at,
    deleted_at: rule.deleted_at,
  };
}

/** The account a rule moves money from: its trigger account, else its first action's source. */
export function ruleSourceId(rule: RuleRecord): string | null {
  return rule.trigger.account_id ?? rule.steps[0]?.actions[0]?.source?.id ?? null;
}

export function transferView(transfer: TransferRecord) {
  const { settles_at_ms: _settles, ...view } = transfer;
  return view;
}

export function executionView(execution: ExecutionRecord) {
  const { settles_at_ms: _settles, ...view } = execution;
  return view;
}

export function executionSummary(execution: ExecutionRecord) {
  const { id, rule_id, rule_name, trigger_type, status, created_at } = execution;
  return { id, rule_id, rule_name, trigger_type, status, created_at };
}
