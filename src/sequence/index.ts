/**
 * `ruleseq/sequence`: the Sequence (getsequence.io) API v1 client.
 *
 * @example
 * import { SequenceClient } from 'ruleseq/sequence';
 * const seq = new SequenceClient({ apiKey: process.env.SEQUENCE_API_KEY });
 */

export * from '../core/index.js';
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
export { TransferNotSettledError } from './transfer-not-settled-error.js';
export type * from './types.js';
export {
  parseSequenceWebhook,
  SequenceWebhookError,
  type SequenceWebhookEvent,
  type TransferEventData,
  type TransferStatusChangedData,
} from './webhooks.js';
