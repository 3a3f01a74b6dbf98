import type * as wire from '../../sequence-platform/generated/v1/types.gen.js';
import type { IdempotencyRecord } from '../kernel/middleware/idempotency.js';
import type { RateLimitWindow } from '../kernel/middleware/rate-limit.js';

/**
 * What the Platform fake keeps: its resources exactly as the wire shows them (the generated types), and beside them
 * what the server knows but does not show (when a new record becomes visible, when it settles).
 */

export type AccountRecord = wire.Account;
export type AccountRef = wire.TransferAccountRef;
/** `isSupported: false`: the rule's shape is not expressible in the API (listed, but `GET` and trigger answer INVALID_RULE). */
export type RuleRecord = wire.Rule & { isSupported: boolean };
export type ExecutionRecord = wire.RuleExecution;
export type TransferRecord = wire.Transfer;

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

/** A key with the id its audit log entries name. */
export type PlatformKey = PlatformFakeKey & { id: string };

/** What the routes need beyond a call: the fake's keys and timings (see `SequencePlatformFakeOptions`). */
export interface PlatformConfig {
  keys: readonly PlatformKey[];
  visibleAfterMs: number;
  settleAfterMs: number;
}

export interface PlatformFakeState {
  accounts: AccountRecord[];
  rules: RuleRecord[];
  executions: ExecutionRecord[];
  transfers: TransferRecord[];
  externalTransactions: wire.ExternalTransaction[];
  cardTransactions: wire.Transaction[];
  auditLogs: wire.AuditLogEntry[];
  /** Keyed writes remembered for 24 hours, by idempotency key. */
  idempotency: Map<string, IdempotencyRecord>;
  /** Each key's rate-limit window, by key: "the 100 req/min limit is per key". */
  rateLimits: Map<string, RateLimitWindow>;
  /** Epoch ms at which a just-created transfer or execution starts to be found (before: 404). */
  visibleAtMs: Map<string, number>;
  /** Epoch ms at which a processing transfer settles (and its execution with it). */
  settlesAtMs: Map<string, number>;
}
