/**
 * `ruleseq/sequence-platform`: the Sequence Platform API v1 client, generated from Sequence's published OpenAPI.
 *
 * @example
 * import { SequencePlatformClient } from 'ruleseq/sequence-platform';
 * const platform = new SequencePlatformClient(); // reads SEQUENCE_API_KEY
 */

export * from '../core/index.js';
export { SequencePlatformClient, type SequencePlatformClientOptions } from './client.js';
export {
  isSequencePlatformError,
  type SequencePlatformError,
  type SequencePlatformErrorCode,
  type SequencePlatformErrorCodes,
} from './errors.js';
export type { AccountTransfers, ListAccountTransfersParams } from './resources/account-transfers.js';
export type { Accounts, ListAccountsParams } from './resources/accounts.js';
export type { AuditLogs, ListAuditLogsParams } from './resources/audit-logs.js';
export type { CardTransactions, ListCardTransactionsParams } from './resources/card-transactions.js';
export type {
  ExternalTransactions,
  ListExternalTransactionsParams,
} from './resources/external-transactions.js';
export type { ListRuleExecutionsParams, RuleExecutions } from './resources/rule-executions.js';
export type { ListRulesParams, Rules, TriggerRuleBody } from './resources/rules.js';
export type { CreateTransferBody, ListTransfersParams, Transfers } from './resources/transfers.js';
export type * from './types.js';
export type { WaitOptions } from './wait-for.js';
export { WaitTimeoutError } from './wait-timeout-error.js';
