import {
  zCreateIncomeSourceRequest,
  zCreateTransferRequest,
  zListAccountsQuery,
  zListCardsQuery,
  zListCardTransactionsQuery,
  zListRuleExecutionsQuery,
  zListRulesQuery,
  zListTransfersQuery,
  zRuleInput,
} from '../../sequence/generated/v1/zod.gen.js';
import { matches } from '../kernel/listing.js';
import { reply } from '../kernel/reply.js';
import {
  accountRef,
  bodyAccount,
  byId,
  findRule,
  invalid,
  isoAt,
  newId,
  route,
  type SequenceCall,
} from './call.js';
import type { AccountRecord, AccountRef, RuleAction, RuleRecord } from './model.js';
import { newTransfer, triggerRule } from './money.js';
import { cursorPage } from './pagination.js';

/** A transfer or execution as the API shows it: without the fake's settling time. */
const wireView = <T extends { settles_at_ms: number | null }>({ settles_at_ms: _, ...view }: T) => view;

/** The account a rule moves money from: its trigger account, else its first action's source. */
const ruleSourceId = (rule: RuleRecord): string | null =>
  rule.trigger.account_id ?? rule.steps[0]?.actions[0]?.source?.id ?? null;

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
function readRuleInput(
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

function createIncomeSource(call: SequenceCall) {
  const { nickname } = call.read(zCreateIncomeSourceRequest);
  const created = isoAt(call.now);
  const account: AccountRecord = {
    id: newId(call, 'acc'),
    name: nickname,
    type: 'income_source',
    description: null,
    external_account_type: null,
    beneficiary_name: null,
    institution_name: null,
    can_be_source: true,
    can_be_destination: false,
    routing_number: null,
    bank_account_number: null,
    balance: null,
    savings_target_in_cents: null,
    linked_account: null,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  };
  call.state.accounts.push(account);
  return reply(201, { data: account });
}

function createRule(call: SequenceCall) {
  const created = isoAt(call.now);
  // Always disabled, whatever `status` says: a person enables rules in the Sequence app.
  const rule: RuleRecord = {
    id: newId(call, 'rule'),
    ...readRuleInput(call),
    status: 'disabled',
    is_supported: true,
    created_at: created,
    updated_at: created,
    deleted_at: null,
  };
  call.state.rules.push(rule);
  return reply(201, { data: rule });
}

function listTransfers({ state, readQuery }: SequenceCall) {
  const query = readQuery(zListTransfersQuery);
  const { account_id, account_role, direction, origin, status } = query;
  const matching = state.transfers.filter(
    (t) =>
      ((account_role !== 'destination' && t.source?.id === account_id) ||
        (account_role !== 'source' && t.destination?.id === account_id)) &&
      matches(t, { direction, origin, status }),
  );
  return cursorPage(matching, query, wireView);
}

function createTransfer(call: SequenceCall, settleAfterMs: number) {
  const input = call.read(zCreateTransferRequest);
  const source = bodyAccount(call.state, input.source_account_id, 'source_account_id');
  const destination = bodyAccount(call.state, input.destination_account_id, 'destination_account_id');
  if (source.id === destination.id) invalid('The source and destination accounts must differ.');
  if (!source.can_be_source) invalid(`Account '${source.id}' cannot be a transfer source.`);
  if (!destination.can_be_destination)
    invalid(`Account '${destination.id}' cannot be a transfer destination.`);
  const transfer = newTransfer(call, settleAfterMs, source, destination, {
    amount_in_cents: input.amount_in_cents,
    origin: 'user',
    description: input.description ?? null,
  });
  return reply(201, { data: wireView(transfer) });
}

/** The 18 operations of Sequence API v1; transfers stay `processing` for `settleAfterMs`. */
export const sequenceRoutes = (settleAfterMs: number) => [
  route('GET', 'accounts', ({ state, readQuery }) => {
    const { type } = readQuery(zListAccountsQuery);
    // No balance or account numbers in a listing: those are getAccount's.
    const items = state.accounts.filter((a) => matches(a, { type }));
    return { data: items.map(({ balance, routing_number, bank_account_number, ...item }) => item) };
  }),
  route('GET', 'accounts/:id', ({ state, params }) => ({
    data: byId(state.accounts, params.id!, 'Account'),
  })),
  route('POST', 'accounts/income-sources', createIncomeSource),
  route('DELETE', 'accounts/:id', ({ state, params }) => {
    // Permanent, as documented.
    state.accounts.splice(state.accounts.indexOf(byId(state.accounts, params.id!, 'Account')), 1);
    return reply(204);
  }),
  route('GET', 'rules', ({ state, readQuery }) => {
    const { source_id } = readQuery(zListRulesQuery);
    const rules = state.rules.filter(
      (r) => r.deleted_at === null && (source_id === undefined || ruleSourceId(r) === source_id),
    );
    const summary = (rule: RuleRecord) => {
      const { trigger, steps, ...item } = rule;
      return { ...item, trigger_type: trigger.type, source: accountRef(state, ruleSourceId(rule)) };
    };
    return { data: rules.map(summary) };
  }),
  route('GET', 'rules/:id', ({ state, params }) => ({ data: findRule(state, params.id!) })),
  route('POST', 'rules', createRule),
  route('PUT', 'rules/:id', (call) => {
    const rule = findRule(call.state, call.params.id!);
    // A full replacement, and an enabled rule is disabled until a person re-enables it.
    Object.assign(rule, readRuleInput(call), { status: 'disabled', updated_at: isoAt(call.now) });
    return { data: rule };
  }),
  route('DELETE', 'rules/:id', ({ state, params, now }) => {
    // Soft delete: deactivated and hidden, but kept.
    Object.assign(findRule(state, params.id!), { status: 'disabled', deleted_at: isoAt(now) });
    return reply(204);
  }),
  route('POST', 'rules/:id/trigger', (call) => triggerRule(call, settleAfterMs)),
  route('GET', 'rule-executions', ({ state, readQuery }) => {
    const query = readQuery(zListRuleExecutionsQuery);
    const { rule_id, status, trigger_type } = query;
    const matching = state.executions.filter((e) => matches(e, { rule_id, status, trigger_type }));
    return cursorPage(matching, query, ({ id, rule_id, rule_name, trigger_type, status, created_at }) => ({
      id,
      rule_id,
      rule_name,
      trigger_type,
      status,
      created_at,
    }));
  }),
  route('GET', 'rule-executions/:id', ({ state, params }) => ({
    data: wireView(byId(state.executions, params.id!, 'Rule execution')),
  })),
  route('GET', 'transfers', listTransfers),
  route('GET', 'transfers/:id', ({ state, params }) => ({
    data: wireView(byId(state.transfers, params.id!, 'Transfer')),
  })),
  route('POST', 'transfers', (call) => createTransfer(call, settleAfterMs)),
  route('GET', 'cards', ({ state, readQuery }) => {
    const { account_id, status, type } = readQuery(zListCardsQuery);
    return { data: state.cards.filter((c) => matches(c, { account_id, status, type })) };
  }),
  route('GET', 'cards/:id', ({ state, params }) => ({ data: byId(state.cards, params.id!, 'Card') })),
  route('GET', 'cards/:id/transactions', ({ state, params, readQuery }) => {
    const card = byId(state.cards, params.id!, 'Card');
    const query = readQuery(zListCardTransactionsQuery);
    const { direction } = query;
    return cursorPage(
      state.cardTransactions.filter((t) => matches(t, { card_id: card.id, direction })),
      query,
    );
  }),
];
