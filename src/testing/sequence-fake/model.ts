import type { IdempotencyRecord } from '../kernel/middleware/idempotency.js';
import type { RateLimitWindow } from '../kernel/middleware/rate-limit.js';

export type { IdempotencyRecord };

/** What the Sequence fake keeps: its resources as the wire shows them, plus a few fake-only fields (`*_ms`). */

export interface AccountRef {
  id: string | null;
  name: string | null;
  type: string | null;
  is_deleted?: boolean;
}

export interface BalanceRecord {
  balance_in_cents: number | null;
  available_balance_in_cents: number | null;
  last_statement_balance_in_cents: number | null;
  last_statement_date: string | null;
  next_payment_minimum_in_cents: number | null;
  next_payment_due_date: string | null;
  balance_last_updated_at: string | null;
  error: string | null;
  interest_rate_percentage: number | null;
  original_loan_amount_in_cents: number | null;
}

export interface AccountRecord {
  id: string;
  name: string;
  type: 'income_source' | 'pod' | 'external_account';
  description: string | null;
  external_account_type: string | null;
  beneficiary_name: string | null;
  institution_name: string | null;
  can_be_source: boolean;
  can_be_destination: boolean;
  routing_number: string | null;
  bank_account_number: string | null;
  /** Moves when transfers settle: debits the source, credits the destination (a liability's debt goes down). */
  balance: BalanceRecord | null;
  savings_target_in_cents: number | null;
  linked_account: null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface RuleAction {
  type: string;
  source?: AccountRef;
  destination?: AccountRef;
  amount_in_cents?: number | null;
  percentage_value?: number;
  percentage_target?: string;
  [field: string]: unknown;
}

export interface RuleStep {
  conditions: Record<string, unknown> | null;
  actions: RuleAction[];
}

export interface RuleRecord {
  id: string;
  nickname: string | null;
  description: string | null;
  status: 'enabled' | 'disabled';
  trigger: { type: string; account_id?: string | null; [field: string]: unknown };
  steps: RuleStep[];
  is_supported: boolean;
  created_at: string;
  updated_at: string;
  /** Set by a delete: the rule is hidden from the API but kept here. */
  deleted_at: string | null;
}

export interface ExecutionRecord {
  id: string;
  rule_id: string;
  rule_name: string | null;
  trigger_type: string;
  status: 'in_progress' | 'executed' | 'partial' | 'failed';
  created_at: string;
  trigger_details: { type: string; amount_in_cents?: number | null; scheduled_time?: string | null };
  step_index_matched: number | null;
  conditions_not_met: boolean;
  transfers_attempted: number;
  transfers_completed: number;
  transfers_failed: number;
  transfers_pending: number;
  transfer_ids: string[];
  error_message: string | null;
  next_attempt_at: string | null;
  /** Fake-only: when the execution finishes (epoch ms); null once it has. */
  settles_at_ms: number | null;
}

export interface TransferRecord {
  id: string;
  amount_in_cents: number;
  direction: 'money_in' | 'money_out' | 'internal';
  origin: string;
  status: string;
  source: AccountRef | null;
  destination: AccountRef | null;
  description: string | null;
  rule_id: string | null;
  rule_execution_id: string | null;
  error_code: string | null;
  created_at: string;
  completed_at: string | null;
  /** Fake-only: when the transfer settles (epoch ms); null once it has. */
  settles_at_ms: number | null;
}

export interface CardRecord {
  id: string;
  type: 'virtual' | 'physical';
  status: 'active' | 'inactive' | 'frozen' | 'stolen' | 'lost';
  last_four: string;
  holder_name: string | null;
  expiration_date: string;
  account_id: string;
  created_at: string;
}

export interface CardTransactionRecord {
  id: string;
  card_id: string;
  card_type: string;
  account: AccountRef | null;
  direction: 'debit' | 'credit';
  subtype: 'purchase' | 'refund';
  status: string;
  amount_in_cents: number;
  description: string | null;
  created_at: string;
  completed_at: string | null;
}

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
