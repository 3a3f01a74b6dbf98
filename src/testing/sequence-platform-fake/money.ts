import type {
  ChainableRuleCondition,
  RuleConditionParams,
} from '../../sequence-platform/generated/v1/types.gen.js';
import type {
  AccountRecord,
  AccountRef,
  ExecutionRecord,
  PlatformConfig,
  PlatformFakeState,
  RuleRecord,
  TransferRecord,
} from './model.js';

/** What a write needs beyond the state: the clock, the fake's timings and an id maker. */
export type WriteContext = Omit<PlatformConfig, 'keys'> & {
  state: PlatformFakeState;
  now: number;
  newId(): string;
};

type Mode = 'LIVE' | 'SIMULATION';
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

export function accountRef(account: AccountRecord): AccountRef {
  return { id: account.id, name: account.name, type: account.type, isDeleted: account.deletedAt !== null };
}

const find = (state: PlatformFakeState, id: unknown) => state.accounts.find((a) => a.id === id);

/** A new transfer, `PROCESSING`: found after `visibleAfterMs`, settled by `settleDue` after `settleAfterMs`. */
export function addTransfer(
  ctx: WriteContext,
  source: AccountRecord,
  destination: AccountRecord,
  fields: Pick<TransferRecord, 'amountInCents' | 'origin' | 'executionMode'> & Partial<TransferRecord>,
): TransferRecord {
  const external = (a: AccountRecord) => a.type === 'EXTERNAL_ACCOUNT';
  const transfer: TransferRecord = {
    id: ctx.newId(),
    direction: external(source) ? 'MONEY_IN' : external(destination) ? 'MONEY_OUT' : 'INTERNAL',
    status: 'PROCESSING',
    source: accountRef(source),
    destination: accountRef(destination),
    ruleId: null,
    ruleExecutionId: null,
    errorCode: null,
    createdAt: iso(ctx.now),
    completedAt: null,
    ...fields,
  };
  ctx.state.transfers.push(transfer);
  ctx.state.visibleAtMs.set(transfer.id, ctx.now + ctx.visibleAfterMs);
  ctx.state.settlesAtMs.set(transfer.id, ctx.now + ctx.settleAfterMs);
  return transfer;
}

type Fact = (name: string, params: RuleConditionParams | null) => number | undefined;

/** A condition tree as the rule engine reads it: a leaf `condition`, or `any` / `all` of conditions. */
function passes(tree: ChainableRuleCondition | null, fact: Fact): boolean {
  if (tree === null) return true;
  if ('any' in tree) return tree.any.some((c) => passes(c, fact));
  if ('all' in tree) return tree.all.every((c) => passes(c, fact));
  const leaf = tree.condition;
  const left = fact(leaf.fact, leaf.params);
  const right = leaf.valueFact ? fact(leaf.valueFact, leaf.params) : leaf.value;
  if (left === undefined || right === undefined || right === null) return false;
  const compare: Record<string, boolean> = {
    EQUALS: left === right,
    NOT_EQUALS: left !== right,
    GREATER_THAN: left > right,
    LESS_THAN: left < right,
    GREATER_THAN_OR_EQUAL: left >= right,
    LESS_THAN_OR_EQUAL: left <= right,
  };
  return compare[leaf.operator] ?? false;
}

/**
 * `POST /rules/{id}/trigger`: runs the first step whose conditions pass (`TRANSFER_AMOUNT` is `executeAmount`,
 * `BALANCE` an account's balance, `DATE` the day of the month), one transfer per action with an amount (`FIXED`,
 * or `PERCENTAGE` of `executeAmount`, else of the source's balance). The execution is `IN_PROGRESS` until they
 * settle; a simulation's transfers are marked `SIMULATION` and move nothing.
 */
export function triggerRule(
  ctx: WriteContext,
  rule: RuleRecord,
  input: { executeAmount?: number; simulation?: boolean },
): ExecutionRecord {
  const mode: Mode = input.simulation ? 'SIMULATION' : 'LIVE';
  const amount = input.executeAmount;
  const balance = (id: unknown) => find(ctx.state, id)?.balance?.balanceInCents ?? undefined;
  const day = new Date(ctx.now);
  const fact: Fact = (name, params) => {
    // `executeAmount` stands in for the trigger account's balance ("the pretend source balance").
    const own = 'accountId' in rule.trigger ? rule.trigger.accountId : undefined;
    if (name === 'TRANSFER_AMOUNT') return amount;
    if (name === 'BALANCE') return params?.accountId ? balance(params.accountId) : (amount ?? balance(own));
    if (name === 'DATE') return day.getUTCDate();
    if (name === 'LAST_DAY_OF_MONTH')
      return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + 1, 0)).getUTCDate();
    return undefined;
  };
  const stepIndex = rule.steps.findIndex((step) => passes(step.conditions, fact));
  const execution: ExecutionRecord = {
    id: ctx.newId(),
    ruleId: rule.id,
    status: 'IN_PROGRESS',
    executionMode: mode,
    createdAt: iso(ctx.now),
    triggerDetails: { type: 'SEQUENCE_API', amountInCents: amount ?? null },
    stepIndexMatched: stepIndex < 0 ? null : stepIndex,
    conditionsNotMet: stepIndex < 0,
    transfersAttempted: 0,
    transfersCompleted: 0,
    transfersFailed: 0,
    transfersPending: 0,
    transferIds: [],
    errorMessage: null,
    nextAttemptAt: null,
  };
  for (const action of rule.steps[stepIndex]?.actions ?? []) {
    execution.transfersAttempted++;
    const source = find(ctx.state, action.source.id);
    const destination = find(ctx.state, action.destination.id);
    let cents = action.type === 'FIXED' ? action.amountInCents : 0;
    if (action.type === 'PERCENTAGE') {
      const base = action.percentageTarget === 'INCOMING_AMOUNT' ? amount : (amount ?? balance(source?.id));
      cents = base === undefined ? 0 : Math.round((base * action.percentageValue) / 100);
    }
    if (!source || !destination || !(cents > 0)) continue;
    const transfer = addTransfer(ctx, source, destination, {
      amountInCents: cents,
      origin: 'RULE',
      executionMode: mode,
      ruleId: rule.id,
      ruleExecutionId: execution.id,
    });
    execution.transferIds.push(transfer.id);
  }
  execution.transfersPending = execution.transferIds.length;
  if (execution.transferIds.length === 0) execution.status = 'EXECUTED';
  ctx.state.executions.push(execution);
  ctx.state.visibleAtMs.set(execution.id, ctx.now + ctx.visibleAfterMs);
  return execution;
}

/**
 * Settles what is due at `now`. A transfer under $1.00 fails with `TRANSFER_AMOUNT_LESS_THAN_ONE_DOLLAR`, one whose
 * source's balance is short is `INCOMPLETE` with `INSUFFICIENT_FUNDS`; the others complete, and a live one moves
 * its money (a liability's balance is what is owed: paying it lowers it). Executions follow their transfers.
 */
export function settleDue(state: PlatformFakeState, now: number): void {
  for (const transfer of state.transfers) {
    const due = state.settlesAtMs.get(transfer.id);
    if (due === undefined || due > now) continue;
    state.settlesAtMs.delete(transfer.id);
    const source = find(state, transfer.source?.id)?.balance;
    const destination = find(state, transfer.destination?.id);
    const available = source?.balanceInCents;
    if (transfer.amountInCents < 100) {
      Object.assign(transfer, { status: 'ERROR', errorCode: 'TRANSFER_AMOUNT_LESS_THAN_ONE_DOLLAR' });
    } else if (typeof available === 'number' && available < transfer.amountInCents) {
      Object.assign(transfer, { status: 'INCOMPLETE', errorCode: 'INSUFFICIENT_FUNDS' });
    } else {
      Object.assign(transfer, { status: 'COMPLETE', completedAt: iso(due) });
      if (transfer.executionMode === 'LIVE') move(transfer.amountInCents, source, destination, iso(due));
    }
  }
  for (const execution of state.executions) {
    if (execution.status !== 'IN_PROGRESS') continue;
    const transfers = state.transfers.filter((t) => execution.transferIds.includes(t.id));
    const completed = transfers.filter((t) => t.status === 'COMPLETE').length;
    const failed = transfers.filter((t) => t.status === 'ERROR' || t.status === 'INCOMPLETE').length;
    Object.assign(execution, {
      transfersCompleted: completed,
      transfersFailed: failed,
      transfersPending: transfers.length - completed - failed,
    });
    if (completed + failed < transfers.length) continue;
    execution.status = failed === 0 ? 'EXECUTED' : completed === 0 ? 'FAILED' : 'PARTIAL';
    const short = transfers.some((t) => t.errorCode === 'INSUFFICIENT_FUNDS');
    if (failed > 0)
      execution.errorMessage = short ? 'Insufficient funds in source account.' : 'A transfer failed.';
  }
}

function move(
  cents: number,
  source: AccountRecord['balance'] | undefined,
  destination: AccountRecord | undefined,
  at: string,
): void {
  if (source && typeof source.balanceInCents === 'number') {
    Object.assign(source, { balanceInCents: source.balanceInCents - cents, balanceLastUpdatedAt: at });
  }
  const target = destination?.balance;
  if (target && typeof target.balanceInCents === 'number') {
    const sign = destination?.externalAccountType === 'LIABILITY' ? -1 : 1;
    Object.assign(target, { balanceInCents: target.balanceInCents + sign * cents, balanceLastUpdatedAt: at });
  }
}
