import type { APIPromise } from '../../src/core/api-promise.js';
import type { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import type { CreateTransferBody } from '../../src/sequence-platform/resources/transfers.js';
import { AMEX, AUTO_SAVE, CHASE, EMERGENCY, platformV1 } from './platform-mock.js';

/** The documented ids the document's examples talk about. */
export const EXECUTION = '4306b3e8-6e77-4c08-ab0b-bb33654af44c';
export const TRANSFER = '809e5e0b-bb0b-49b2-867a-8b44d04d9179';

/** One SDK call per operation of the document, with the document's own ids and request examples. */
export const CALLS: Record<string, (client: SequencePlatformClient) => APIPromise<unknown>> = {
  listAccounts: (c) => c.accounts.list(),
  getAccount: (c) => c.accounts.get(AMEX),
  listAccountTransfers: (c) => c.accounts.transfers.list(CHASE),
  listRules: (c) => c.rules.list(),
  getRule: (c) => c.rules.get(AUTO_SAVE),
  triggerRule: (c) => c.rules.trigger(AUTO_SAVE, platformV1.request('triggerRule') as object),
  listRuleExecutions: (c) => c.rules.executions.list(AUTO_SAVE),
  getRuleExecution: (c) => c.rules.executions.get(AUTO_SAVE, EXECUTION),
  getTransfer: (c) => c.transfers.get(TRANSFER),
  listTransfers: (c) => c.transfers.list({ accountIds: [CHASE] }),
  createTransfer: (c) => c.transfers.create(platformV1.request('createTransfer') as CreateTransferBody),
  listExternalTransactions: (c) => c.externalTransactions.list({ accountIds: [CHASE] }),
  listTransactions: (c) => c.cardTransactions.list({ accountId: EMERGENCY }),
  listAuditLog: (c) => c.auditLogs.list(),
};
