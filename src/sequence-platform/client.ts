import type { ClientOptions } from '../core/client-options.js';
import { ConfigurationError } from '../core/errors/configuration-error.js';
import { BaseClient } from '../internal/base-client.js';
import { createTransport } from '../internal/create-transport.js';
import type { SequencePlatformError } from './errors.js';
import { sequencePlatformProfile } from './profile.js';
import { Accounts } from './resources/accounts.js';
import { AuditLogs } from './resources/audit-logs.js';
import { CardTransactions } from './resources/card-transactions.js';
import { ExternalTransactions } from './resources/external-transactions.js';
import { Rules } from './resources/rules.js';
import { Transfers } from './resources/transfers.js';

export interface SequencePlatformClientOptions extends ClientOptions {
  /**
   * Why you call the API and what you are building, sent as `x-called-reason` on every request. Optional; Sequence
   * strongly encourages it for AI agents. Printable ASCII (it travels as an HTTP header).
   */
  calledReason?: string | undefined;
}

/** A header value as given: printable ASCII and spaces, not starting or ending with a space. */
const HEADER_TEXT = /^[\x21-\x7e](?:[\x20-\x7e]*[\x21-\x7e])?$/;

function withCalledReason(options: SequencePlatformClientOptions): ClientOptions {
  const { calledReason, ...rest } = options;
  if (calledReason === undefined) return rest;
  if (typeof calledReason !== 'string' || !HEADER_TEXT.test(calledReason)) {
    throw new ConfigurationError('calledReason must be printable ASCII text (it is sent as a header)');
  }
  return { ...rest, defaultHeaders: { ...rest.defaultHeaders, 'x-called-reason': calledReason } };
}

/**
 * Sequence Platform API v1 client (`https://api.getsequence.io/platform/v1`), the API Sequence's own tools call and
 * the one its dashboard's API keys open: accounts, rules and their executions, transfers, external and card
 * transactions, audit logs. Authenticates with `Authorization: Bearer <key>` (default: env `SEQUENCE_API_KEY`),
 * keeps to 100 requests per minute per key, and sends both money-moving calls with an idempotency key.
 *
 * @example
 * const platform = new SequencePlatformClient({ calledReason: 'payroll split for ACME' });
 * const { executionId } = await platform.rules.trigger(ruleId, { simulation: true });
 * const execution = await platform.rules.executions.waitForExecution(ruleId, executionId);
 */
export class SequencePlatformClient extends BaseClient<SequencePlatformError> {
  readonly accounts: Accounts;
  readonly rules: Rules;
  readonly transfers: Transfers;
  readonly externalTransactions: ExternalTransactions;
  /** "Coming soon" in the document: the endpoint may answer 404 until Sequence opens it. */
  readonly cardTransactions: CardTransactions;
  readonly auditLogs: AuditLogs;

  constructor(options: SequencePlatformClientOptions = {}) {
    const transport = createTransport(withCalledReason(options), sequencePlatformProfile);
    super(transport);
    this.accounts = new Accounts(transport);
    this.rules = new Rules(transport);
    this.transfers = new Transfers(transport);
    this.externalTransactions = new ExternalTransactions(transport);
    this.cardTransactions = new CardTransactions(transport);
    this.auditLogs = new AuditLogs(transport);
  }
}
