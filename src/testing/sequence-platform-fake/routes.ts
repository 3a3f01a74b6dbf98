import type { FakeCall } from '../kernel/fake-call.js';
import { reply } from '../kernel/reply.js';
import { type Route, route } from '../kernel/route.js';
import { denied, fail, invalid, notFound } from './fail.js';
import type {
  AccountRecord,
  ExecutionRecord,
  PlatformFakeKey,
  PlatformFakeState,
  RuleRecord,
  TransferRecord,
} from './model.js';
import { addTransfer, triggerRule, type WriteContext } from './money.js';
import { covers, entry, requireAll, requireTransfer } from './permissions.js';
import { type Filters, filter, idList, oneOf, page } from './query.js';

export type PlatformCall = FakeCall<PlatformFakeState>;
export type PlatformKey = PlatformFakeKey & { id: string };

/** What the routes need beyond a call: the fake's keys and timings. */
export interface PlatformConfig {
  keys: readonly PlatformKey[];
  /** How long a new transfer or execution answers 404 (the document's eventual consistency). */
  visibleAfterMs: number;
  /** How long a new transfer stays `PROCESSING`. */
  settleAfterMs: number;
}

/** One request as a route sees it: the call, its key, and what a write needs. */
interface PlatformRequest extends WriteContext {
  readonly key: PlatformKey;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
}

/** Deterministic UUIDs (version 4 layout): a fresh fake makes the same ids in the same order. */
export const uuid = (n: number, stamp = '00000000') =>
  `${stamp}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The key a call authenticated with (the auth middleware lets no other call through). */
export const keyOf = (config: PlatformConfig, call: PlatformCall) =>
  config.keys.find((k) => k.key === call.authorization?.token)!;

/** The audit log's `action` for each route (`null` where the document names none). */
const actions = new WeakMap<Route<PlatformFakeState>, string | null>();
export const actionOf = (call: PlatformCall) => (call.route ? (actions.get(call.route) ?? null) : null);

type CardTransaction = PlatformFakeState['cardTransactions'][number];
type AuditLogEntry = PlatformFakeState['auditLogs'][number];

const ok = (data: unknown, status = 200) => reply(status, data);
const visible = ({ state, now }: PlatformRequest, id: string) => (state.visibleAtMs.get(id) ?? 0) <= now;
const created = (item: { createdAt: unknown }) => item.createdAt as string;

const DIRECTIONS = ['MONEY_IN', 'MONEY_OUT', 'INTERNAL'];
const TRANSFER_STATUSES = [
  'PENDING_APPROVAL',
  'PROCESSING',
  'PENDING',
  'COMPLETE',
  'INCOMPLETE',
  'ERROR',
  'CANCELLED',
];
const ORIGINS = ['DIRECT_DEPOSIT', 'CHECK_DEPOSIT', 'CASHBACK', 'USER_PULL', 'RULE', 'USER', 'EXTERNAL_PULL'];

/** The filters both transfer listings take. */
const transferFilters: Filters<TransferRecord> = {
  equal: {
    direction: [DIRECTIONS, (t) => t.direction],
    status: [TRANSFER_STATUSES, (t) => t.status],
    origin: [ORIGINS, (t) => t.origin],
    rule_execution_id: [null, (t) => t.ruleExecutionId],
  },
  time: created,
  mode: (t) => t.executionMode,
};

/** A listAccounts item: no account numbers, balance or savings target (those are getAccount's). */
const accountSummary = ({
  routingNumber,
  bankAccountNumber,
  balance,
  savingsTargetInCents,
  ...summary
}: AccountRecord) => summary;

function findRule({ state, key }: PlatformRequest, permission: 'READ_RULES' | 'TRIGGER_RULES', id: string) {
  entry(key, permission);
  const rule = state.rules.find((r) => r.id === id) ?? notFound('RULE_NOT_FOUND', 'Rule');
  requireAll(key, permission, [rule.id]);
  if (rule.deletedAt !== null || !rule.isSupported) {
    fail(403, 'INVALID_RULE', 'This rule cannot be triggered using the API');
  }
  return rule;
}

/** The body as an object whose fields pass their checks, else 400 INVALID_PARAMETERS naming the field. */
function bodyOf(
  body: unknown,
  checks: Record<string, [(v: unknown) => boolean, string]>,
): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    invalid('The body must be a JSON object');
  const fields = body as Record<string, unknown>;
  for (const [name, [check, rule]] of Object.entries(checks))
    if (!check(fields[name])) invalid(`${name} ${rule}`);
  return fields;
}

const optional = (check: (v: unknown) => boolean) => (v: unknown) => v === undefined || check(v);
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isCents = (min: number) => (v: unknown) => Number.isSafeInteger(v) && (v as number) >= min;
const isId = (v: unknown) => typeof v === 'string' && v !== '';
const isLabel = (v: unknown) => typeof v === 'string' && /^[a-zA-Z0-9 ]{0,10}$/.test(v);

function account({ state }: PlatformRequest, id: unknown, side: 'SOURCE' | 'DESTINATION'): AccountRecord {
  const found = state.accounts.find((a) => a.id === id && a.deletedAt === null);
  return found ?? fail(400, `TRANSFER_${side}_NOT_FOUND`, `The ${side.toLowerCase()} account does not exist`);
}

/**
 * A route whose handler gets the call as a `PlatformRequest`: its key, and a write context with the fake's timings
 * and deterministic ids.
 */
function op(
  config: PlatformConfig,
  method: 'GET' | 'POST',
  pattern: string,
  action: string | null,
  handle: (request: PlatformRequest) => unknown,
): Route<PlatformFakeState> {
  const registered = route<PlatformFakeState>(method, pattern, (call) =>
    handle({
      ...config,
      ...call,
      key: keyOf(config, call),
      newId: () => uuid(call.serial('id')),
    }),
  );
  actions.set(registered, action);
  return registered;
}

/** The 14 operations of the Platform API v1. */
export const platformRoutes = (config: PlatformConfig): Route<PlatformFakeState>[] => [
  op(config, 'GET', '/accounts', 'LIST_ACCOUNTS', ({ state, key, query }) => {
    entry(key, 'READ_ACCOUNTS');
    const all = oneOf(query, 'state', ['ACTIVE', 'ALL']) === 'ALL';
    const keep = filter(query, {
      equal: { type: [['INCOME_SOURCE', 'POD', 'EXTERNAL_ACCOUNT'], (a: AccountRecord) => a.type] },
    });
    const shown = state.accounts.filter(
      (a) => covers(key, 'READ_ACCOUNTS', a.id) && (all || !a.deletedAt) && keep(a),
    );
    const result = page(shown, query);
    return ok({ ...result, items: result.items.map(accountSummary) });
  }),
  op(config, 'GET', '/accounts/:id', 'GET_ACCOUNT', ({ state, key, params }) => {
    entry(key, 'READ_ACCOUNTS');
    const found = state.accounts.find((a) => a.id === params.id) ?? notFound('ACCOUNT_NOT_FOUND', 'Account');
    requireAll(key, 'READ_ACCOUNTS', [found.id]);
    return ok(found);
  }),
  op(config, 'GET', '/accounts/:accountId/transfers', 'LIST_TRANSFERS', (request) => {
    const { state, key, params, query } = request;
    const id = params.accountId!;
    requireAll(key, 'READ_TRANSFERS', [id]);
    const role = oneOf(query, 'accountRole', ['source', 'destination', 'either']) ?? 'either';
    const keep = filter(query, transferFilters);
    const side = (t: TransferRecord) =>
      (role !== 'destination' && t.source?.id === id) || (role !== 'source' && t.destination?.id === id);
    return ok(
      page(
        state.transfers.filter((t) => side(t) && visible(request, t.id) && keep(t)),
        query,
        created,
      ),
    );
  }),
  op(config, 'GET', '/rules', 'LIST_RULES', ({ state, key, query }) => {
    entry(key, 'READ_RULES');
    const sourceOf = (r: RuleRecord) =>
      r.trigger.accountId ?? (r.steps[0]?.actions[0]?.source as { id?: string })?.id;
    const keep = filter(query, { equal: { sourceId: [null, sourceOf] } });
    const shown = state.rules.filter(
      (r) => r.deletedAt === null && covers(key, 'READ_RULES', r.id) && keep(r),
    );
    const result = page(shown, query);
    return ok({ ...result, items: result.items.map(({ trigger, steps, ...summary }) => summary) });
  }),
  op(config, 'GET', '/rules/:id', 'GET_RULE', (request) => {
    const { isSupported, ...rule } = findRule(request, 'READ_RULES', request.params.id!);
    return ok(rule);
  }),
  op(config, 'POST', '/rules/:id/trigger', 'TRIGGER_RULE', (request) => {
    const rule = findRule(request, 'TRIGGER_RULES', request.params.id!);
    const input = bodyOf(request.body, {
      executeAmount: [optional(isCents(0)), 'must be an integer ≥ 0'],
      simulation: [optional(isBoolean), 'must be a boolean'],
    });
    if (rule.status !== 'ENABLED') {
      fail(403, 'RULE_DEACTIVATED', 'This rule is deactivated and cannot be triggered using the API');
    }
    return ok({ executionId: triggerRule(request, rule, input).id }, 202);
  }),
  op(config, 'GET', '/rules/:ruleId/executions', 'LIST_RULE_EXECUTIONS', (request) => {
    const { state, key, params, query } = request;
    requireAll(key, 'READ_RULES', [params.ruleId!]);
    const keep = filter<ExecutionRecord>(query, {
      equal: {
        status: [['EXECUTED', 'PARTIAL', 'IN_PROGRESS', 'FAILED'], (e) => e.status],
        triggerType: [
          ['MANUAL', 'SEQUENCE_API', 'SCHEDULED', 'ON_FUNDS_TRANSFERRED', 'REMOTE_API'],
          (e) => (e.triggerDetails as { type: string }).type,
        ],
      },
      time: created,
      mode: (e) => e.executionMode,
    });
    const mine = state.executions.filter(
      (e) => e.ruleId === params.ruleId && visible(request, e.id) && keep(e),
    );
    const result = page(mine, query, created);
    const items = result.items.map(({ id, ruleId, status, executionMode, createdAt }) => ({
      ...{ id, ruleId, status, executionMode, createdAt },
    }));
    return ok({ ...result, items });
  }),
  op(config, 'GET', '/rules/:ruleId/executions/:id', 'GET_RULE_EXECUTION', (request) => {
    const { state, key, params } = request;
    requireAll(key, 'READ_RULES', [params.ruleId!]);
    const found = state.executions.find((e) => e.id === params.id && e.ruleId === params.ruleId);
    return ok(
      found && visible(request, found.id) ? found : notFound('RULE_EXECUTION_NOT_FOUND', 'Rule execution'),
    );
  }),
  op(config, 'GET', '/transfers/:id', 'GET_TRANSFER', (request) => {
    const { state, key, params } = request;
    entry(key, 'READ_TRANSFERS');
    const found = state.transfers.find((t) => t.id === params.id && visible(request, t.id));
    if (!found) return notFound('TRANSFER_NOT_FOUND', 'Transfer');
    if (![found.source?.id, found.destination?.id].some((id) => covers(key, 'READ_TRANSFERS', id))) denied();
    return ok(found);
  }),
  op(config, 'GET', '/transfers', 'LIST_TRANSFERS', (request) => {
    const ids = idList(request.query, 'accountIds');
    requireAll(request.key, 'READ_TRANSFERS', ids);
    const keep = filter(request.query, transferFilters);
    const involved = (t: TransferRecord) => ids.some((id) => t.source?.id === id || t.destination?.id === id);
    const shown = request.state.transfers.filter((t) => involved(t) && visible(request, t.id) && keep(t));
    return ok(page(shown, request.query, created));
  }),
  op(config, 'POST', '/transfers', 'CREATE_TRANSFER', (request) => {
    const input = bodyOf(request.body, {
      sourceAccountId: [isId, 'is required'],
      destinationAccountId: [isId, 'is required'],
      amountInCents: [isCents(100), 'must be an integer of at least 100'],
      description: [optional(isLabel), 'must be at most 10 letters, digits or spaces'],
      simulation: [optional(isBoolean), 'must be a boolean'],
    });
    const source = account(request, input.sourceAccountId, 'SOURCE');
    const destination = account(request, input.destinationAccountId, 'DESTINATION');
    const amountInCents = input.amountInCents as number;
    requireTransfer(request.key, source.id, destination.id, amountInCents);
    const executionMode = input.simulation ? 'SIMULATION' : 'LIVE';
    return ok(
      addTransfer(request, source, destination, { amountInCents, origin: 'USER', executionMode }),
      201,
    );
  }),
  op(config, 'GET', '/external-transactions', null, ({ state, key, query }) => {
    const ids = idList(query, 'accountIds');
    requireAll(key, 'READ_TRANSFERS', ids);
    const keep = filter(query, {
      equal: {
        direction: [['MONEY_IN', 'MONEY_OUT'], (t) => t.direction],
        status: [['PENDING', 'COMPLETE'], (t) => t.status],
      },
      time: (t: PlatformFakeState['externalTransactions'][number]) => t.transactionDate,
    });
    const shown = state.externalTransactions.filter((t) => ids.includes(t.accountId) && keep(t));
    return ok(page(shown, query, (t) => t.transactionDate));
  }),
  op(config, 'GET', '/card-transactions', null, ({ state, key, query }) => {
    const accountId = query.get('accountId') || invalid('accountId is required');
    requireAll(key, 'READ_TRANSFERS', [accountId]);
    const keep = filter<CardTransaction>(query, {
      equal: { cardId: [null, (t) => t.cardId] },
      time: created,
    });
    return ok(
      page(
        state.cardTransactions.filter((t) => t.account.id === accountId && keep(t)),
        query,
        created,
      ),
    );
  }),
  op(config, 'GET', '/audit-logs', 'LIST_AUDIT_LOGS', ({ state, key, query }) => {
    entry(key, 'READ_AUDIT_LOGS');
    const keep = filter<AuditLogEntry>(query, {
      equal: { apiKeyId: [null, (e) => e.apiKeyId], action: [null, (e) => e.action] },
      time: created,
    });
    return ok(page(state.auditLogs.filter(keep), query, created));
  }),
];
