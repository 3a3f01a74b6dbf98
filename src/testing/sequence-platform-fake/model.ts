import type { IdempotencyRecord } from '../kernel/middleware/idempotency.js';
import type { RateLimitWindow } from '../kernel/middleware/rate-limit.js';

/**
 * What the Platform fake keeps: its resources exactly as the wire shows them (camelCase, UPPERCASE enums), and
 * beside them what the server knows but does not show (when a new record becomes visible, when it settles).
 */

type Json = Record<string, unknown>;

export interface AccountRecord extends Json {
  id: string;
  name: string;
  type: 'INCOME_SOURCE' | 'POD' | 'EXTERNAL_ACCOUNT';
  externalAccountType: string | null;
  balance: (Json & { balanceInCents: number | null; balanceLastUpdatedAt: string | null }) | null;
  deletedAt: string | null;
}

export interface RuleRecord extends Json {
  id: string;
  status: 'ENABLED' | 'DISABLED';
  trigger: Json & { type: string; accountId?: string | null };
  steps: Array<{ conditions: Json | null; actions: Array<Json & { type: string }> }>;
  deletedAt: string | null;
  /** `false`: the rule's shape is not expressible in the API (listed, but `GET` and trigger answer INVALID_RULE). */
  isSupported: boolean;
}

export interface ExecutionRecord extends Json {
  id: string;
  ruleId: string;
  status: 'EXECUTED' | 'PARTIAL' | 'IN_PROGRESS' | 'FAILED';
  executionMode: 'LIVE' | 'SIMULATION';
  createdAt: string;
  transferIds: string[];
}

export interface AccountRef {
  id: string | null;
  name: string;
  type: string;
  isDeleted: boolean | null;
}

export interface TransferRecord extends Json {
  id: string;
  amountInCents: number;
  direction: 'MONEY_IN' | 'MONEY_OUT' | 'INTERNAL';
  origin: string;
  status: string;
  executionMode: 'LIVE' | 'SIMULATION';
  source: AccountRef | null;
  destination: AccountRef | null;
  ruleExecutionId: string | null;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
}

/** An API key of the fake and what it may do (the document's permissions table). */
export interface PlatformFakeKey {
  key: string;
  /** Shown in audit log entries. Default `'Sandbox key'`. */
  name?: string;
  permissions: PlatformFakePermission[];
}

type Ids = '*' | string[];
export type PlatformFakePermission =
  | { permission: 'READ_ACCOUNTS' | 'READ_RULES' | 'TRIGGER_RULES' | 'READ_TRANSFERS'; resources: Ids }
  | {
      permission: 'MANUAL_TRANSFER';
      resources: '*' | Array<{ source: string; target: string; max_amount?: number }>;
    }
  | { permission: 'READ_AUDIT_LOGS'; resources?: '*' };

export interface PlatformFakeState {
  accounts: AccountRecord[];
  rules: RuleRecord[];
  executions: ExecutionRecord[];
  transfers: TransferRecord[];
  externalTransactions: Array<Json & { accountId: string; transactionDate: string }>;
  cardTransactions: Array<Json & { account: AccountRef; cardId: string; createdAt: string }>;
  auditLogs: Array<Json & { apiKeyId: string; action: string | null; createdAt: string }>;
  /** Keyed writes remembered for 24 hours, by idempotency key. */
  idempotency: Map<string, IdempotencyRecord>;
  /** Each key's rate-limit window, by key: "the 100 req/min limit is per key". */
  rateLimits: Map<string, RateLimitWindow>;
  /** Epoch ms at which a just-created transfer or execution starts to be found (before: 404). */
  visibleAtMs: Map<string, number>;
  /** Epoch ms at which a processing transfer settles (and its execution with it). */
  settlesAtMs: Map<string, number>;
}
