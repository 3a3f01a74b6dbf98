/**
 * `ruleseq/sequence`: the Sequence (getsequence.io) API v1 client.
 *
 * @example
 * import { SequenceClient } from 'ruleseq/sequence';
 * const seq = new SequenceClient({ apiKey: process.env.SEQUENCE_API_KEY });
 */
export { APIPromise, type Result } from '../core/api-promise.js';
export type { ClientOptions } from '../core/client-options.js';
export * from '../core/errors/index.js';
export { Page } from '../core/pagination/page.js';
export { PagePromise } from '../core/pagination/page-promise.js';
export type { RequestOptions } from '../core/request-options.js';
export type { ApiResponse } from '../core/transport.js';
export { SequenceClient, type SequenceClientOptions } from './client.js';
export { isSequenceError, type SequenceError, type SequenceErrorCode } from './errors.js';
export type { Accounts, CreateIncomeSourceParams, ListAccountsParams } from './resources/accounts.js';
export type { Cards, ListCardsParams, ListCardTransactionsParams } from './resources/cards.js';
export type { ListRuleExecutionsParams, RuleExecutions } from './resources/rule-executions.js';
export type {
  DisabledRule,
  ListRulesParams,
  RuleInput,
  Rules,
  TriggerRuleParams,
} from './resources/rules.js';
export type {
  CreateTransferParams,
  ListTransfersParams,
  Transfers,
  WaitUntilSettledOptions,
} from './resources/transfers.js';
export type { Scope } from './scopes.js';
export { TransferNotSettledError } from './transfer-not-settled-error.js';
export type * from './types.js';
export { parseSequenceWebhook, SequenceWebhookError, type SequenceWebhookEvent } from './webhooks.js';
