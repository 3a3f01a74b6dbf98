import { zRuleInput } from '../../sequence/generated/v1/zod.gen.js';
import type { SequenceCall } from './call.js';
import { invalid } from './fail.js';
import { accountRef, bodyAccount } from './lookup.js';
import type { AccountRef, RuleAction, RuleRecord } from './model.js';

/** An action's account: it must exist; the reference is filled in with its name and type. */
function actionAccount(call: SequenceCall, ref: AccountRef | undefined, name: string): AccountRef {
  if (typeof ref?.id !== 'string') return invalid(`${name}.id is required.`);
  bodyAccount(call.state, ref.id, `${name}.id`);
  return accountRef(call.state, ref.id)!;
}

/** An action with its defaults and full account references; a fixed amount must be positive. */
function readAction(call: SequenceCall, action: RuleAction, at: string): RuleAction {
  if ((action.amount_in_cents ?? 1) < 1) invalid(`${at}.amount_in_cents must be at least 1.`);
  return {
    group_index: 0,
    up_to_enabled: false,
    is_direct_deposit: false,
    limit: null,
    ach_description: null,
    ...action,
    source: actionAccount(call, action.source, `${at}.source`),
    destination: actionAccount(call, action.destination, `${at}.destination`),
  };
}

/**
 * The body of createRule / updateRule as its schema reads it; the accounts it names must exist. `status` is
 * checked but not used: rules are left disabled either way.
 */
export function readRuleInput(
  call: SequenceCall,
): Pick<RuleRecord, 'nickname' | 'description' | 'trigger' | 'steps'> {
  const { nickname = null, description = null, trigger, steps } = call.read(zRuleInput);
  if (trigger.account_id) bodyAccount(call.state, trigger.account_id, 'trigger.account_id');
  return {
    nickname,
    description,
    trigger: { account_id: null, ...trigger },
    steps: steps.map(({ conditions = null, actions = [] }, i) => ({
      conditions,
      actions: actions.map((action, j) => readAction(call, action, `steps[${i}].actions[${j}]`)),
    })),
  };
}
