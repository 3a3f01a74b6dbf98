import type * as z from 'zod/mini';
import type * as Wire from './generated/v1/zod.gen.js';

/**
 * Public model types: what the generated response schemas (from spec/sequence-v1.yaml) output. Fields Sequence adds
 * are kept (typed `unknown`); open enums (`status`, `type`, …) list their documented values and accept others.
 */
export type Account = z.output<typeof Wire.zAccount>;
export type RuleSummary = z.output<typeof Wire.zRuleSummary>;
export type Rule = z.output<typeof Wire.zRule>;
export type RuleExecutionSummary = z.output<typeof Wire.zRuleExecutionSummary>;
export type RuleExecution = z.output<typeof Wire.zRuleExecution>;
export type TriggerRuleResult = z.output<typeof Wire.zTriggerRuleResult>;
export type Transfer = z.output<typeof Wire.zTransfer>;
export type TransferStatus = z.output<typeof Wire.zTransferStatus>;
export type Card = z.output<typeof Wire.zCard>;
export type CardTransaction = z.output<typeof Wire.zCardTransaction>;
