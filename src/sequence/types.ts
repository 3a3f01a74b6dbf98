import type * as Wire from './generated/v1/types.gen.js';

/** Public model types, generated from spec/sequence-v1.yaml. */
export type Account = Wire.Account;
export type RuleSummary = Wire.RuleSummary;
export type Rule = Wire.Rule;
/** What `rules.create`/`rules.update` return: Sequence leaves every created or updated rule disabled. */
export type DisabledRule = Omit<Wire.Rule, 'status'> & { status: 'disabled' };
export type RuleInput = Omit<Wire.RuleInput, 'status'>;
export type RuleExecutionSummary = Wire.RuleExecutionSummary;
export type RuleExecution = Wire.RuleExecution;
export type TriggerRuleResult = Wire.TriggerRuleResult;
export type Transfer = Wire.Transfer;
export type TransferStatus = Wire.TransferStatus;
export type Card = Wire.Card;
export type CardTransaction = Wire.CardTransaction;
