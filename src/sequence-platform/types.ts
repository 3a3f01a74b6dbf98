import type * as z from 'zod/mini';
import type * as Wire from './generated/v1/zod.gen.js';

// Public model types: the outputs of the schemas generated from spec/sequence-platform-v1.openapi.json.

export type AccountSummary = z.output<typeof Wire.zAccountSummary>;
export type Account = z.output<typeof Wire.zAccount>;
export type AccountType = z.output<typeof Wire.zAccountType>;
export type Balance = z.output<typeof Wire.zBalance>;
export type RuleSummary = z.output<typeof Wire.zRuleSummary>;
export type Rule = z.output<typeof Wire.zRule>;
export type RuleAction = z.output<typeof Wire.zRuleAction>;
export type RuleStep = z.output<typeof Wire.zRuleStep>;
export type Trigger = z.output<typeof Wire.zTrigger>;
export type RuleExecutionSummary = z.output<typeof Wire.zRuleExecutionSummary>;
export type RuleExecution = z.output<typeof Wire.zRuleExecution>;
export type RuleExecutionStatus = z.output<typeof Wire.zRuleExecutionStatus>;
export type TriggerDetails = z.output<typeof Wire.zTriggerDetails>;
export type ExecutionMode = z.output<typeof Wire.zExecutionMode>;
/** What `rules.trigger` answers (202): the execution to poll. */
export type TriggerRuleResult = z.output<typeof Wire.zTriggerRuleResponse>['data'];
/** `errorCode`'s documented values; Sequence may add others, which still type-check. */
export type TransferErrorCode = z.output<typeof Wire.zTransferErrorCode>;
export type Transfer = z.output<typeof Wire.zTransfer> & {
  errorCode: TransferErrorCode | (string & {}) | null;
};
export type TransferStatus = Transfer['status'];
export type TransferAccountRef = z.output<typeof Wire.zTransferAccountRef>;
export type ExternalTransaction = z.output<typeof Wire.zExternalTransaction>;
/** A settled card transaction (`GET /card-transactions`). */
export type CardTransaction = z.output<typeof Wire.zTransaction>;
export type AuditLogEntry = z.output<typeof Wire.zAuditLogEntry>;
