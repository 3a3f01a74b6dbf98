import { isObject } from '../kernel/parse-request.js';
import type { SequenceCall } from './call.js';
import { invalid } from './fail.js';
import { accountRef, bodyAccount } from './lookup.js';
import type { AccountRef, RuleAction, RuleRecord, RuleStep } from './model.js';
import { bodyObject, optionalString, positiveInteger } from './validate.js';

export type RuleFields = Pick<RuleRecord, 'nickname' | 'description' | 'trigger' | 'steps'>;

/** An action's account: it must exist; the reference is filled in with its name and type. */
function actionAccount(ctx: SequenceCall, value: unknown, name: string): AccountRef {
  const id = isObject(value) ? value.id : undefined;
  if (typeof id !== 'string') return invalid(`${name}.id is required.`);
  bodyAccount(ctx.state, id, `${name}.id`);
  return accountRef(ctx.state, id)!;
}

function readAction(ctx: SequenceCall, value: unknown, where: string): RuleAction {
  if (!isObject(value) || typeof value.type !== 'string') return invalid(`${where}.type is required.`);
  const action: RuleAction = {
    group_index: 0,
    up_to_enabled: false,
    is_direct_deposit: false,
    limit: null,
    ach_description: null,
    ...value,
    type: value.type,
    source: actionAccount(ctx, value.source, `${where}.source`),
    destination: actionAccount(ctx, value.destination, `${where}.destination`),
  };
  if (value.amount_in_cents !== undefined && value.amount_in_cents !== null) {
    action.amount_in_cents = positiveInteger(value.amount_in_cents, `${where}.amount_in_cents`);
  }
  return action;
}

function readStep(ctx: SequenceCall, value: unknown, where: string): RuleStep {
  if (!isObject(value)) return invalid(`${where} must be an object.`);
  const { conditions = null, actions = [] } = value;
  if (conditions !== null && !isObject(conditions)) invalid(`${where}.conditions must be an object or null.`);
  if (!Array.isArray(actions)) return invalid(`${where}.actions must be an array.`);
  return {
    conditions: conditions as Record<string, unknown> | null,
    actions: actions.map((a, i) => readAction(ctx, a, `${where}.actions[${i}]`)),
  };
}

/**
 * The body of createRule / updateRule: `status`, `trigger` and `steps` are required, referenced accounts must
 * exist. `status` is checked but not used: rules are left disabled either way.
 */
export function readRuleInput(ctx: SequenceCall): RuleFields {
  const input = bodyObject(ctx.body);
  if (input.status !== 'enabled' && input.status !== 'disabled')
    invalid("status must be 'enabled' or 'disabled'.");
  const { trigger, steps } = input;
  if (!isObject(trigger) || typeof trigger.type !== 'string') return invalid('trigger.type is required.');
  if (typeof trigger.account_id === 'string')
    bodyAccount(ctx.state, trigger.account_id, 'trigger.account_id');
  if (!Array.isArray(steps)) return invalid('steps must be an array.');
  return {
    nickname: optionalString(input, 'nickname'),
    description: optionalString(input, 'description'),
    trigger: { account_id: null, ...trigger, type: trigger.type },
    steps: steps.map((step, i) => readStep(ctx, step, `steps[${i}]`)),
  };
}
