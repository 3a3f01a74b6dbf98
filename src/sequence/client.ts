import type { ClientOptions } from '../core/client-options.js';
import { BaseClient } from '../internal/base-client.js';
import { createTransport } from '../internal/create-transport.js';
import type { SequenceError } from './errors.js';
import { sequenceProfile } from './profile.js';
import { Accounts } from './resources/accounts.js';
import { Cards } from './resources/cards.js';
import { RuleExecutions } from './resources/rule-executions.js';
import { Rules } from './resources/rules.js';
import { Transfers } from './resources/transfers.js';

export type SequenceClientOptions = ClientOptions;

/**
 * Sequence (getsequence.io) API v1 client: accounts, rules, rule executions, transfers and cards.
 * Authenticates with `Authorization: ApiKey <key>`; every mutating call carries an `Idempotency-Key`.
 *
 * @example
 * const seq = new SequenceClient({ apiKey: process.env.SEQUENCE_API_KEY });
 * const execution = await seq.rules.trigger('rule_01HXYZ1234', { manual_execute_amount: 5000 });
 */
export class SequenceClient extends BaseClient<SequenceError> {
  readonly accounts: Accounts;
  readonly rules: Rules;
  readonly ruleExecutions: RuleExecutions;
  readonly transfers: Transfers;
  /** @beta Sequence lists the card endpoints as coming soon. */
  readonly cards: Cards;

  constructor(options: SequenceClientOptions = {}) {
    const transport = createTransport(options, sequenceProfile);
    super(transport);
    this.accounts = new Accounts(transport);
    this.rules = new Rules(transport);
    this.ruleExecutions = new RuleExecutions(transport);
    this.transfers = new Transfers(transport);
    this.cards = new Cards(transport);
  }
}
