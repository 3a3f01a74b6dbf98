import type { SequenceApiAction } from '../../sequence-platform/generated/v1/types.gen.js';
import {
  zCreateTransferRequest,
  zListAccountsQuery,
  zListAccountTransfersQuery,
  zListAuditLogQuery,
  zListExternalTransactionsQuery,
  zListRuleExecutionsQuery,
  zListRulesQuery,
  zListTransactionsQuery,
  zListTransfersQuery,
  zTriggerRuleRequest,
} from '../../sequence-platform/generated/v1/zod.gen.js';
import type { FakeCall, Route } from '../kernel/fake-call.js';
import { matches, newestFirst } from '../kernel/listing.js';
import { reply } from '../kernel/reply.js';
import { route } from '../kernel/route.js';
import { covers, denied, entry, fail, invalid, notFound, requireAll, requireTransfer } from './fail.js';
import type {
  AccountRecord,
  ExecutionRecord,
  PlatformConfig,
  PlatformFakeState,
  PlatformKey,
  RuleRecord,
  TransferRecord,
} from './model.js';
import { addTransfer, triggerRule, type WriteContext } from './money.js';

type PlatformCall = FakeCall<PlatformFakeState>;

/** One request as a route sees it: the call, its key, and what a write needs. */
type PlatformRequest = PlatformCall & WriteContext & { readonly key: PlatformKey };

/** One `page`/`pageSize` page of `items`, each shown by `view`. */
function page<T>(
  items: readonly T[],
  { page, pageSize }: { page: number; pageSize: number },
  view: (item: T) => unknown = (item) => item,
) {
  const start = (page - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize).map(view),
    pagination: { page, pageSize, hasNextPage: start + pageSize < items.length },
  };
}

/**
 * The items with the values `wanted` names, within the query's `from`/`to` by `time` and of its `executionMode`
 * (`LIVE` unless asked otherwise), newest first.
 */
function narrow<T extends object>(
  items: readonly T[],
  query: { from?: string | undefined; to?: string | undefined; executionMode?: string | undefined },
  time: (item: T) => string,
  wanted: Record<string, unknown> = {},
): T[] {
  const mode = query.executionMode === 'ALL' ? undefined : query.executionMode;
  const kept = items.filter((item) => matches(item, { ...wanted, ...(mode && { executionMode: mode }) }));
  return newestFirst(kept, time, query, invalid);
}

/** Deterministic UUIDs (version 4 layout): a fresh fake makes the same ids in the same order. */
export const uuid = (n: number, stamp = '00000000') =>
  `${stamp}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** The key a call authenticated with (the auth middleware lets no other call through). */
export const keyOf = (config: PlatformConfig, call: PlatformCall) =>
  config.keys.find((k) => k.key === call.authorization?.token)!;

/** A route and the audit log's `action` for it (`null` where the document names none). */
type PlatformRoute = Route<PlatformFakeState> & { action: SequenceApiAction | null };
export const actionOf = (call: PlatformCall) => (call.route as PlatformRoute | undefined)?.action ?? null;

const visible = ({ state, now }: PlatformRequest, id: string) => (state.visibleAtMs.get(id) ?? 0) <= now;
const created = (item: { createdAt: string }) => item.createdAt;

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

function account({ state }: PlatformRequest, id: string, side: 'SOURCE' | 'DESTINATION'): AccountRecord {
  const found = state.accounts.find((a) => a.id === id && a.deletedAt === null);
  return found ?? fail(400, `TRANSFER_${side}_NOT_FOUND`, `The ${side.toLowerCase()} account does not exist`);
}

/** The visible transfers `keep` selects, narrowed by a transfer listing's query, one page of them. */
function transfers(
  request: PlatformRequest,
  query: Parameters<typeof narrow>[1] & Parameters<typeof page>[1] & Record<string, unknown>,
  keep: (transfer: TransferRecord) => boolean,
) {
  const { direction, status, origin, rule_execution_id } = query;
  const shown = request.state.transfers.filter((t) => keep(t) && visible(request, t.id));
  const wanted = { direction, status, origin, ruleExecutionId: rule_execution_id };
  return page(narrow(shown, query, created, wanted), query);
}

/** The 14 operations of the Platform API v1. */
export function platformRoutes(config: PlatformConfig): PlatformRoute[] {
  /** A route whose handler gets the call with its key, the fake's timings and deterministic ids. */
  const op = (
    method: string,
    pattern: string,
    action: SequenceApiAction | null,
    handle: (request: PlatformRequest) => unknown,
  ): PlatformRoute => ({
    ...route<PlatformFakeState>(method, pattern, (call) =>
      handle({ ...config, ...call, key: keyOf(config, call), newId: () => uuid(call.serial('id')) }),
    ),
    action,
  });
  return [
    op('GET', '/accounts', 'LIST_ACCOUNTS', ({ state, key, readQuery }) => {
      entry(key, 'READ_ACCOUNTS');
      const query = readQuery(zListAccountsQuery);
      const shown = state.accounts.filter(
        (a) =>
          covers(key, 'READ_ACCOUNTS', a.id) &&
          (query.state === 'ALL' || !a.deletedAt) &&
          matches(a, { type: query.type }),
      );
      return page(shown, query, accountSummary);
    }),
    op('GET', '/accounts/:id', 'GET_ACCOUNT', ({ state, key, params }) => {
      entry(key, 'READ_ACCOUNTS');
      const found =
        state.accounts.find((a) => a.id === params.id) ?? notFound('ACCOUNT_NOT_FOUND', 'Account');
      requireAll(key, 'READ_ACCOUNTS', [found.id]);
      return found;
    }),
    op('GET', '/accounts/:accountId/transfers', 'LIST_TRANSFERS', (request) => {
      const id = request.params.accountId!;
      requireAll(request.key, 'READ_TRANSFERS', [id]);
      const query = request.readQuery(zListAccountTransfersQuery);
      const role = query.accountRole;
      return transfers(
        request,
        query,
        (t) =>
          (role !== 'destination' && t.source?.id === id) || (role !== 'source' && t.destination?.id === id),
      );
    }),
    op('GET', '/rules', 'LIST_RULES', ({ state, key, readQuery }) => {
      entry(key, 'READ_RULES');
      const query = readQuery(zListRulesQuery);
      const sourceOf = (r: RuleRecord) =>
        ('accountId' in r.trigger ? r.trigger.accountId : undefined) ?? r.steps[0]?.actions[0]?.source.id;
      const shown = state.rules.filter(
        (r) =>
          r.deletedAt === null &&
          covers(key, 'READ_RULES', r.id) &&
          (query.sourceId === undefined || sourceOf(r) === query.sourceId),
      );
      return page(shown, query, ({ trigger, steps, ...summary }) => summary);
    }),
    op('GET', '/rules/:id', 'GET_RULE', (request) => {
      const { isSupported, ...rule } = findRule(request, 'READ_RULES', request.params.id!);
      return rule;
    }),
    op('POST', '/rules/:id/trigger', 'TRIGGER_RULE', (request) => {
      const rule = findRule(request, 'TRIGGER_RULES', request.params.id!);
      const input = request.read(zTriggerRuleRequest);
      if (rule.status !== 'ENABLED') {
        fail(403, 'RULE_DEACTIVATED', 'This rule is deactivated and cannot be triggered using the API');
      }
      return reply(202, { executionId: triggerRule(request, rule, input).id });
    }),
    op('GET', '/rules/:ruleId/executions', 'LIST_RULE_EXECUTIONS', (request) => {
      const { state, key, params } = request;
      requireAll(key, 'READ_RULES', [params.ruleId!]);
      const query = request.readQuery(zListRuleExecutionsQuery);
      const mine = state.executions.filter(
        (e) =>
          e.ruleId === params.ruleId &&
          visible(request, e.id) &&
          (query.triggerType === undefined || e.triggerDetails.type === query.triggerType),
      );
      const summary = ({ id, ruleId, status, executionMode, createdAt }: ExecutionRecord) => ({
        id,
        ruleId,
        status,
        executionMode,
        createdAt,
      });
      return page(narrow(mine, query, created, { status: query.status }), query, summary);
    }),
    op('GET', '/rules/:ruleId/executions/:id', 'GET_RULE_EXECUTION', (request) => {
      const { state, key, params } = request;
      requireAll(key, 'READ_RULES', [params.ruleId!]);
      const found = state.executions.find((e) => e.id === params.id && e.ruleId === params.ruleId);
      const shown = found && visible(request, found.id);
      return shown ? found : notFound('RULE_EXECUTION_NOT_FOUND', 'Rule execution');
    }),
    op('GET', '/transfers/:id', 'GET_TRANSFER', (request) => {
      const { state, key, params } = request;
      entry(key, 'READ_TRANSFERS');
      const found = state.transfers.find((t) => t.id === params.id && visible(request, t.id));
      if (!found) return notFound('TRANSFER_NOT_FOUND', 'Transfer');
      if (![found.source?.id, found.destination?.id].some((id) => covers(key, 'READ_TRANSFERS', id)))
        denied();
      return found;
    }),
    op('GET', '/transfers', 'LIST_TRANSFERS', (request) => {
      const query = request.readQuery(zListTransfersQuery);
      requireAll(request.key, 'READ_TRANSFERS', query.accountIds);
      const { accountIds } = query;
      return transfers(request, query, (t) =>
        accountIds.some((id) => t.source?.id === id || t.destination?.id === id),
      );
    }),
    op('POST', '/transfers', 'CREATE_TRANSFER', (request) => {
      const input = request.read(zCreateTransferRequest);
      const source = account(request, input.sourceAccountId, 'SOURCE');
      const destination = account(request, input.destinationAccountId, 'DESTINATION');
      requireTransfer(request.key, source.id, destination.id, input.amountInCents);
      const executionMode = input.simulation ? 'SIMULATION' : 'LIVE';
      const fields = { amountInCents: input.amountInCents, origin: 'USER', executionMode } as const;
      return reply(201, addTransfer(request, source, destination, fields));
    }),
    op('GET', '/external-transactions', null, ({ state, key, readQuery }) => {
      const query = readQuery(zListExternalTransactionsQuery);
      requireAll(key, 'READ_TRANSFERS', query.accountIds);
      const { direction, status } = query;
      const shown = state.externalTransactions.filter((t) => query.accountIds.includes(t.accountId));
      return page(
        narrow(shown, query, (t) => t.transactionDate, { direction, status }),
        query,
      );
    }),
    op('GET', '/card-transactions', null, ({ state, key, readQuery }) => {
      const query = readQuery(zListTransactionsQuery);
      requireAll(key, 'READ_TRANSFERS', [query.accountId]);
      const shown = state.cardTransactions.filter((t) => t.account.id === query.accountId);
      return page(narrow(shown, query, created, { cardId: query.cardId }), query);
    }),
    op('GET', '/audit-logs', 'LIST_AUDIT_LOGS', ({ state, key, readQuery }) => {
      entry(key, 'READ_AUDIT_LOGS');
      const { apiKeyId, action, ...query } = readQuery(zListAuditLogQuery);
      return page(narrow(state.auditLogs, query, created, { apiKeyId, action }), query);
    }),
  ];
}
