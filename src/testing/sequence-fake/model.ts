import type * as wire from '../../sequence/generated/v1/types.gen.js';
import type { IdempotencyRecord } from '../kernel/middleware/idempotency.js';
import type { RateLimitWindow } from '../kernel/middleware/rate-limit.js';

export type { IdempotencyRecord };

/**
 * What the Sequence fake keeps: its resources in their wire shapes (the generated types, every field present: null
 * where there is no value), plus a few fake-only fields (`*_ms`).
 */
type Full<T> = { [K in keyof T]-?: Exclude<T[K], undefined> };

export type AccountRef = wire.AccountRef;
export type BalanceRecord = Full<wire.Balance>;
/** Its `balance` moves when transfers settle: debits the source, credits the destination (a liability's debt goes down). */
export type AccountRecord = Full<Omit<wire.Account, 'balance' | 'linked_account'>> & {
  balance: BalanceRecord | null;
  linked_account: null;
};
export type RuleAction = wire.RuleAction;
export type RuleStep = Full<wire.RuleStep>;
/** `deleted_at` is set by a delete: the rule is hidden from the API but kept here. */
export type RuleRecord = Full<Omit<wire.Rule, 'steps'>> & { steps: RuleStep[]; is_supported: boolean };
/** `settles_at_ms`: when it finishes (epoch ms); null once it has. */
export type ExecutionRecord = Full<Omit<wire.RuleExecution, 'execution_mode'>> & {
  settles_at_ms: number | null;
};
/** `settles_at_ms`: when it settles (epoch ms); null once it has. */
export type TransferRecord = Full<Omit<wire.Transfer, 'execution_mode'>> & { settles_at_ms: number | null };
export type CardRecord = Full<wire.Card>;
export type CardTransactionRecord = Full<wire.CardTransaction>;

export interface SequenceFakeState {
  accounts: AccountRecord[];
  /** Every rule ever created, soft-deleted ones included (`deleted_at` set). */
  rules: RuleRecord[];
  executions: ExecutionRecord[];
  transfers: TransferRecord[];
  cards: CardRecord[];
  cardTransactions: CardTransactionRecord[];
  /** Successful mutating requests by `Idempotency-Key`, for 24 hours. */
  idempotency: Map<string, IdempotencyRecord>;
  /** The current rate-limit window. */
  rateLimit: RateLimitWindow;
}
