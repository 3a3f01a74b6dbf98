import { openWindow } from '../kernel/middleware/rate-limit.js';
import type {
  AccountRecord,
  BalanceRecord,
  CardRecord,
  CardTransactionRecord,
  ExecutionRecord,
  RuleRecord,
  SequenceFakeState,
  TransferRecord,
} from './model.js';

// The demo organization, built from the ids and names of the docs' examples so their requests work as written.
const CHASE = 'acc_01HABC4567';
const EMERGENCY = 'acc_01HDEF0123';
const VACATION = 'acc_01HJKL5678';
const AMEX = 'acc_01HGHI7890';

function balance(cents: number, at: string, extra: Partial<BalanceRecord> = {}): BalanceRecord {
  return {
    balance_in_cents: cents,
    available_balance_in_cents: null,
    last_statement_balance_in_cents: null,
    last_statement_date: null,
    next_payment_minimum_in_cents: null,
    next_payment_due_date: null,
    balance_last_updated_at: at,
    error: null,
    interest_rate_percentage: null,
    original_loan_amount_in_cents: null,
    ...extra,
  };
}

function account(
  id: string,
  name: string,
  type: AccountRecord['type'],
  at: string,
  fields: Partial<AccountRecord>,
): AccountRecord {
  return {
    id,
    name,
    type,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    description: null,
    external_account_type: null,
    beneficiary_name: 'John Smith',
    institution_name: null,
    can_be_source: true,
    can_be_destination: true,
    routing_number: '•••••0021',
    bank_account_number: `••••${id.slice(-4)}`,
    balance: null,
    savings_target_in_cents: null,
    linked_account: null,
    ...fields,
  };
}

const accounts = (): AccountRecord[] => [
  account(CHASE, 'Chase Checking ••4567', 'income_source', '2024-01-15T10:00:00Z', {
    description: 'Main payroll account',
    institution_name: 'Chase',
    can_be_destination: false,
    balance: balance(500_000, '2024-04-23T06:00:00Z'),
  }),
  account(EMERGENCY, 'Emergency Fund', 'pod', '2024-01-16T09:00:00Z', {
    balance: balance(1_250_000, '2024-04-23T06:00:00Z'),
    savings_target_in_cents: 1_000_000,
  }),
  account(VACATION, 'Vacation', 'pod', '2024-01-17T09:00:00Z', {
    balance: balance(300_000, '2024-04-23T06:00:00Z'),
    savings_target_in_cents: 500_000,
  }),
  account(AMEX, 'Amex Gold ••1234', 'external_account', '2024-01-20T11:00:00Z', {
    external_account_type: 'LIABILITY',
    institution_name: 'American Express',
    can_be_source: false,
    balance: balance(245_000, '2024-04-23T06:00:00Z', {
      last_statement_balance_in_cents: 198_000,
      last_statement_date: '2024-04-20',
      next_payment_minimum_in_cents: 3_500,
      next_payment_due_date: '2024-05-15',
      interest_rate_percentage: 24.99,
    }),
  }),
];

const ref = (id: string, name: string, type: string) => ({ id, name, type });
const actionDefaults = {
  group_index: 0,
  up_to_enabled: false,
  is_direct_deposit: false,
  limit: null,
  ach_description: null,
};

/** The docs' example condition: the trigger account's balance above `value` cents. */
const balanceAbove = (value: number) => ({
  condition: { fact: 'BALANCE', operator: 'GREATER_THAN', value, value_fact: null, params: null },
});

function rule(
  id: string,
  nickname: string,
  fields: Pick<RuleRecord, 'status' | 'trigger' | 'steps'> & Partial<RuleRecord>,
): RuleRecord {
  const at = fields.created_at ?? '2024-03-01T10:00:00Z';
  return {
    id,
    nickname,
    description: null,
    is_supported: true,
    created_at: at,
    updated_at: at,
    deleted_at: null,
    ...fields,
  };
}

const rules = (): RuleRecord[] => [
  rule('rule_01HXYZ1234', 'Auto-save on deposit', {
    description: 'Saves 20% of every incoming deposit',
    status: 'enabled',
    trigger: { type: 'ON_FUNDS_TRANSFERRED', account_id: CHASE },
    steps: [
      {
        conditions: balanceAbove(50_000),
        actions: [
          {
            ...actionDefaults,
            type: 'PERCENTAGE',
            percentage_value: 20,
            percentage_target: 'INCOMING_AMOUNT',
            source: ref(CHASE, 'Chase Checking ••4567', 'income_source'),
            destination: ref(EMERGENCY, 'Emergency Fund', 'pod'),
          },
        ],
      },
    ],
    updated_at: '2024-03-15T14:30:00Z',
  }),
  rule('rule_01HXYZ5678', 'Monthly Amex payment', {
    status: 'disabled',
    trigger: {
      type: 'SCHEDULED',
      account_id: null,
      schedule_type: 'MONTHLY',
      start_date: '2024-03-01T09:00:00Z',
    },
    steps: [
      {
        conditions: null,
        actions: [
          {
            ...actionDefaults,
            type: 'FIXED',
            amount_in_cents: 150_000,
            source: ref(CHASE, 'Chase Checking ••4567', 'income_source'),
            destination: ref(AMEX, 'Amex Gold ••1234', 'external_account'),
          },
        ],
      },
    ],
    created_at: '2024-02-10T08:00:00Z',
  }),
  rule('rule_demo_manual', 'Pay Amex on demand', {
    description: 'Moves $500.00 from the Emergency Fund to the Amex card when triggered',
    status: 'enabled',
    trigger: { type: 'MANUAL', account_id: EMERGENCY },
    steps: [
      {
        conditions: null,
        actions: [
          {
            ...actionDefaults,
            type: 'FIXED',
            amount_in_cents: 50_000,
            source: ref(EMERGENCY, 'Emergency Fund', 'pod'),
            destination: ref(AMEX, 'Amex Gold ••1234', 'external_account'),
          },
        ],
      },
    ],
    created_at: '2024-04-01T08:00:00Z',
  }),
];

function execution(
  id: string,
  ruleId: string,
  ruleName: string,
  fields: Partial<ExecutionRecord> & Pick<ExecutionRecord, 'trigger_type' | 'status' | 'created_at'>,
): ExecutionRecord {
  const transferIds = fields.transfer_ids ?? [];
  return {
    id,
    rule_id: ruleId,
    rule_name: ruleName,
    trigger_details: { type: fields.trigger_type },
    step_index_matched: 0,
    conditions_not_met: false,
    transfers_attempted: transferIds.length,
    transfers_completed: transferIds.length,
    transfers_failed: 0,
    transfers_pending: 0,
    transfer_ids: transferIds,
    error_message: null,
    next_attempt_at: null,
    settles_at_ms: null,
    ...fields,
  };
}

const executions = (): ExecutionRecord[] => [
  execution('rex_01HABC2345', 'rule_01HXYZ5678', 'Monthly Amex payment', {
    trigger_type: 'scheduled',
    status: 'failed',
    created_at: '2024-04-01T09:00:00Z',
    trigger_details: { type: 'scheduled', scheduled_time: '2024-04-01T09:00:00Z' },
    transfer_ids: ['txr_01HABC0888'],
    transfers_completed: 0,
    transfers_failed: 1,
    error_message: 'Insufficient funds in source account.',
  }),
  execution('rex_01HABC3456', 'rule_01HXYZ1234', 'Auto-save on deposit', {
    trigger_type: 'manual',
    status: 'executed',
    created_at: '2024-04-18T14:30:00Z',
    trigger_details: { type: 'sequence_api', amount_in_cents: 5000 },
    transfer_ids: ['txr_01HABC3333'],
  }),
  execution('rex_01HABC4567', 'rule_01HXYZ1234', 'Auto-save on deposit', {
    trigger_type: 'on_funds_transferred',
    status: 'executed',
    created_at: '2024-04-23T09:15:00Z',
    trigger_details: { type: 'on_funds_transferred', amount_in_cents: 500_000 },
    transfer_ids: ['txr_01HABC1111'],
  }),
];

function transfer(
  id: string,
  amount: number,
  created: string,
  fields: Partial<TransferRecord> & Pick<TransferRecord, 'direction' | 'origin' | 'source' | 'destination'>,
): TransferRecord {
  return {
    id,
    amount_in_cents: amount,
    status: 'complete',
    description: null,
    rule_id: null,
    rule_execution_id: null,
    error_code: null,
    created_at: created,
    completed_at: created,
    settles_at_ms: null,
    ...fields,
  };
}

const chase = { ...ref(CHASE, 'Chase Checking ••4567', 'income_source'), is_deleted: false };
const emergency = { ...ref(EMERGENCY, 'Emergency Fund', 'pod'), is_deleted: false };
const amex = { ...ref(AMEX, 'Amex Gold ••1234', 'external_account'), is_deleted: false };

const transfers = (): TransferRecord[] => [
  transfer('txr_01HABC0888', 150_000, '2024-04-01T09:00:00Z', {
    direction: 'money_out',
    origin: 'rule',
    status: 'error',
    source: chase,
    destination: amex,
    rule_id: 'rule_01HXYZ5678',
    rule_execution_id: 'rex_01HABC2345',
    error_code: 'INSUFFICIENT_FUNDS',
    completed_at: null,
  }),
  transfer('txr_01HABC3333', 5000, '2024-04-18T14:30:00Z', {
    direction: 'internal',
    origin: 'rule',
    source: chase,
    destination: emergency,
    rule_id: 'rule_01HXYZ1234',
    rule_execution_id: 'rex_01HABC3456',
  }),
  transfer('txr_01HABC7777', 20_000, '2024-04-20T18:42:00Z', {
    direction: 'money_out',
    origin: 'external_pull',
    source: emergency,
    destination: null,
  }),
  transfer('txr_01HABC0999', 500_000, '2024-04-23T06:00:00Z', {
    direction: 'money_in',
    origin: 'paycheck',
    source: null,
    destination: chase,
  }),
  transfer('txr_01HABC1111', 100_000, '2024-04-23T09:15:00Z', {
    direction: 'internal',
    origin: 'rule',
    source: chase,
    destination: emergency,
    rule_id: 'rule_01HXYZ1234',
    rule_execution_id: 'rex_01HABC4567',
    completed_at: '2024-04-23T09:15:04Z',
  }),
];

const cards = (): CardRecord[] => [
  {
    id: 'card_01HABC4567',
    type: 'physical',
    status: 'active',
    last_four: '4242',
    holder_name: 'John Smith',
    expiration_date: '09/28',
    account_id: EMERGENCY,
    created_at: '2024-01-15T10:00:00Z',
  },
  {
    id: 'card_01HABC8901',
    type: 'virtual',
    status: 'frozen',
    last_four: '0005',
    holder_name: 'John Smith',
    expiration_date: '02/29',
    account_id: EMERGENCY,
    created_at: '2024-02-03T16:20:00Z',
  },
];

const MERCHANTS = ['BLUE BOTTLE COFFEE', 'WHOLE FOODS', 'SHELL OIL', 'AMAZON MKTPLACE', 'NETFLIX.COM'];

/** 25 purchases and refunds on the physical card, one every 8 hours back from 2024-04-22T15:30Z. */
function cardTransactions(): CardTransactionRecord[] {
  return Array.from({ length: 25 }, (_, i) => {
    const at = new Date(Date.UTC(2024, 3, 22, 15, 30) - i * 8 * 3_600_000).toISOString();
    const refund = i % 6 === 5;
    return {
      id: `ctx_01HABC${String(25 - i).padStart(4, '0')}`,
      card_id: 'card_01HABC4567',
      card_type: 'debit_card',
      account: emergency,
      direction: refund ? 'credit' : 'debit',
      subtype: refund ? 'refund' : 'purchase',
      status: 'complete',
      amount_in_cents: 499 + ((i * 1237) % 9000),
      description: MERCHANTS[i % MERCHANTS.length]!,
      created_at: at,
      completed_at: at,
    };
  });
}

/** The demo state (`seed: true`) or an empty organization. */
export function initialState(seed: boolean): SequenceFakeState {
  return {
    accounts: seed ? accounts() : [],
    rules: seed ? rules() : [],
    executions: seed ? executions() : [],
    transfers: seed ? transfers() : [],
    cards: seed ? cards() : [],
    cardTransactions: seed ? cardTransactions() : [],
    idempotency: new Map(),
    rateLimit: openWindow(),
  };
}
