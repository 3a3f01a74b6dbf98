import type { AccountType, RuleAction } from '../../sequence-platform/generated/v1/types.gen.js';
import type {
  AccountRecord,
  AccountRef,
  ExecutionRecord,
  PlatformFakeState,
  RuleRecord,
  TransferRecord,
} from './model.js';

// The demo organization: the entities of the document's examples, under the document's own ids, so its example
// requests work as written; plus a manual rule, a disabled one, and enough history for lists to span pages.

export const CHASE = 'c7a7f26f-2ca5-4ae5-825a-70260591247c';
export const EMERGENCY = 'c2cb3499-2491-4185-a6f5-1a3d281b875a';
export const AMEX = '24b62742-5761-4d19-a47f-ce94ea1b9889';
export const SAVINGS = '57ee255e-b1d7-4da4-8080-edbf783b0898';
export const VACATION = 'fae66a7b-e93b-4d24-9ee3-8f07b8970e8e';
/** The document's example rule (ON_FUNDS_TRANSFERRED, enabled, supported). */
export const AUTO_SAVE = '551ff9b6-ddf1-4110-b611-1b11044b72d4';
/** Listed but not expressible in the API: `GET` and trigger answer INVALID_RULE. */
export const AMEX_PAYMENT = 'e6e76d0a-a854-4ab7-95f1-ea8dcca37c2b';
/** An enabled MANUAL rule: moves $25.00 from the Emergency Fund to Savings. */
export const MANUAL_RULE = '5452db06-dca6-44a8-953e-3bed41f18d64';
/** A disabled rule: triggering it answers RULE_DEACTIVATED. */
export const DISABLED_RULE = '9b2f4c1e-7a3d-4e8b-b5c6-0d1e2f3a4b5c';

const JOHN = 'John Smith';

function account(
  id: string,
  name: string,
  type: AccountRecord['type'],
  balanceInCents: number,
  fields: Partial<AccountRecord> = {},
): AccountRecord {
  return {
    id,
    name,
    type,
    description: null,
    externalAccountType: null,
    beneficiaryName: JOHN,
    institutionName: null,
    canBeSource: true,
    canBeDestination: true,
    linkedAccount: null,
    routingNumber: '011401533',
    bankAccountNumber: `11112222333${id.slice(0, 5).replace(/\D/g, '0')}`,
    balance: {
      balanceInCents,
      availableBalanceInCents: balanceInCents,
      lastStatementBalanceInCents: null,
      lastStatementDate: null,
      nextPaymentMinimumInCents: null,
      nextPaymentDueDate: null,
      balanceLastUpdatedAt: '2024-04-23T06:00:00Z',
      error: null,
      interestRatePercentage: null,
      originalLoanAmountInCents: null,
    },
    savingsTargetInCents: type === 'POD' ? 1_000_000 : null,
    createdAt: '2024-02-01T09:00:00Z',
    updatedAt: '2024-03-10T14:30:00Z',
    deletedAt: null,
    ...fields,
  };
}

function accounts(): AccountRecord[] {
  return [
    account(CHASE, 'Chase Checking ••4567', 'INCOME_SOURCE', 850_000, {
      description: 'Main payroll account',
      institutionName: 'Chase',
      canBeDestination: false,
      createdAt: '2024-01-15T10:00:00Z',
      updatedAt: '2024-01-15T10:00:00Z',
    }),
    account(EMERGENCY, 'Emergency Fund', 'POD', 1_200_000),
    // getAccount's example, as published, with the fields its schema adds.
    account(AMEX, 'Amex Gold ••1234', 'EXTERNAL_ACCOUNT', 245_000, {
      externalAccountType: 'LIABILITY',
      institutionName: 'American Express',
      canBeSource: false,
      routingNumber: '021000021',
      bankAccountNumber: '1111222233331234',
      balance: {
        balanceInCents: 245_000,
        availableBalanceInCents: null,
        lastStatementBalanceInCents: 198_000,
        lastStatementDate: '2024-04-15',
        nextPaymentMinimumInCents: 3_500,
        nextPaymentDueDate: '2024-05-15',
        balanceLastUpdatedAt: '2024-04-23T06:00:00Z',
        error: null,
        interestRatePercentage: 24.99,
        originalLoanAmountInCents: null,
      },
      savingsTargetInCents: null,
      createdAt: '2024-01-20T11:00:00Z',
      updatedAt: '2024-04-23T06:00:00Z',
    }),
    account(SAVINGS, 'Savings', 'POD', 300_000),
    account(VACATION, 'Vacation', 'POD', 90_000),
  ];
}

const node = (id: string, type: AccountType) => ({ id, type, name: null });
const action = (fields: Partial<RuleAction> & Pick<RuleAction, 'type'>) =>
  ({
    groupIndex: 0,
    upToEnabled: false,
    isDirectDeposit: false,
    limit: null,
    achDescription: null,
    ...fields,
  }) as RuleAction;
const dates = { createdAt: '2024-03-01T10:00:00Z', updatedAt: '2024-03-15T14:30:00Z', deletedAt: null };

function rules(): RuleRecord[] {
  const fixed = (amountInCents: number, from: string, to: string) =>
    action({ type: 'FIXED', amountInCents, source: node(from, 'POD'), destination: node(to, 'POD') });
  return [
    {
      id: AUTO_SAVE,
      name: 'Auto-save on deposit',
      description: 'Saves 20% of every incoming deposit',
      status: 'ENABLED',
      isSupported: true,
      trigger: { type: 'ON_FUNDS_TRANSFERRED', accountId: CHASE },
      steps: [
        {
          conditions: {
            condition: {
              fact: 'BALANCE',
              operator: 'GREATER_THAN',
              value: 50000,
              valueFact: null,
              params: null,
            },
          },
          actions: [
            action({
              type: 'PERCENTAGE',
              percentageValue: 20,
              percentageTarget: 'INCOMING_AMOUNT',
              source: node(CHASE, 'INCOME_SOURCE'),
              destination: node(SAVINGS, 'POD'),
            }),
          ],
        },
        {
          conditions: null,
          actions: [
            { ...fixed(5000, CHASE, VACATION), source: node(CHASE, 'INCOME_SOURCE'), upToEnabled: true },
          ],
        },
      ],
      ...dates,
    },
    {
      id: AMEX_PAYMENT,
      name: 'Monthly Amex payment',
      description: null,
      status: 'ENABLED',
      isSupported: false,
      trigger: {
        type: 'SCHEDULED',
        scheduleType: 'MONTHLY',
        startDate: '2024-02-10T09:00:00Z',
        accountId: null,
      },
      steps: [{ conditions: null, actions: [action({ type: 'TOTAL_AMOUNT_DUE' })] }],
      createdAt: '2024-02-10T09:00:00Z',
      updatedAt: '2024-02-10T09:00:00Z',
      deletedAt: null,
    },
    {
      id: MANUAL_RULE,
      name: 'Top up savings',
      description: 'Moves $25.00 to Savings on demand',
      status: 'ENABLED',
      isSupported: true,
      trigger: { type: 'MANUAL', accountId: EMERGENCY },
      steps: [{ conditions: null, actions: [fixed(2500, EMERGENCY, SAVINGS)] }],
      ...dates,
    },
    {
      id: DISABLED_RULE,
      name: 'Paused sweep',
      description: null,
      status: 'DISABLED',
      isSupported: true,
      trigger: { type: 'MANUAL', accountId: EMERGENCY },
      steps: [{ conditions: null, actions: [fixed(10_000, EMERGENCY, VACATION)] }],
      ...dates,
    },
  ];
}

const ref = (id: string, name: string, type: AccountRef['type']): AccountRef => ({
  id,
  name,
  type,
  isDeleted: false,
});

function transfer(fields: Partial<TransferRecord> & Pick<TransferRecord, 'id'>): TransferRecord {
  return {
    amountInCents: 100_000,
    direction: 'INTERNAL',
    origin: 'RULE',
    status: 'COMPLETE',
    executionMode: 'LIVE',
    source: ref(CHASE, 'Main Payroll', 'INCOME_SOURCE'),
    destination: ref(EMERGENCY, 'Emergency Fund', 'POD'),
    ruleId: null,
    ruleExecutionId: null,
    errorCode: null,
    createdAt: '2024-04-23T09:15:00Z',
    completedAt: '2024-04-23T09:15:04Z',
    ...fields,
  };
}

function transfers(): TransferRecord[] {
  const emergency = ref(EMERGENCY, 'Emergency Fund', 'POD');
  const history = Array.from({ length: 24 }, (_, i) =>
    transfer({
      id: `0b7c${String(i).padStart(4, '0')}-6a1d-4c2e-9f3a-5e6b7c8d9e0f`,
      amountInCents: 10_000 + i * 100,
      origin: 'USER',
      createdAt: `2024-03-${String(i + 1).padStart(2, '0')}T12:00:00Z`,
      completedAt: `2024-03-${String(i + 1).padStart(2, '0')}T12:00:05Z`,
    }),
  );
  return [
    ...history,
    // getTransfer's five examples, as published.
    transfer({
      id: '809e5e0b-bb0b-49b2-867a-8b44d04d9179',
      ruleId: AUTO_SAVE,
      ruleExecutionId: '4306b3e8-6e77-4c08-ab0b-bb33654af44c',
    }),
    transfer({
      id: 'ef838647-506b-4e93-979f-a2e91aead530',
      amountInCents: 500_000,
      direction: 'MONEY_IN',
      origin: 'DIRECT_DEPOSIT',
      source: null,
      destination: ref(CHASE, 'Main Payroll', 'INCOME_SOURCE'),
      createdAt: '2024-04-23T09:00:00Z',
      completedAt: '2024-04-23T09:00:00Z',
    }),
    transfer({
      id: '7f7b52b5-da88-48b6-a63b-c9bcca12d891',
      amountInCents: 200_000,
      direction: 'MONEY_IN',
      origin: 'USER_PULL',
      status: 'PENDING',
      source: ref(AMEX, 'Chase Checking ••4567', 'EXTERNAL_ACCOUNT'),
      destination: emergency,
      createdAt: '2024-04-23T11:00:00Z',
      completedAt: null,
    }),
    transfer({
      id: 'da5d3a7c-014a-4827-91a1-f4bdbe102f74',
      amountInCents: 245_000,
      direction: 'MONEY_OUT',
      status: 'PENDING',
      source: emergency,
      destination: ref(AMEX, 'Amex Gold ••1234', 'EXTERNAL_ACCOUNT'),
      ruleId: MANUAL_RULE,
      ruleExecutionId: '0d6195f3-c855-4cc0-b150-3364bf57d07d',
      createdAt: '2024-04-22T14:00:00Z',
      completedAt: null,
    }),
    transfer({
      id: 'b6fa092e-834a-4e08-a7fc-20f7e5260dd5',
      amountInCents: 20_000,
      direction: 'MONEY_OUT',
      origin: 'EXTERNAL_PULL',
      source: emergency,
      destination: null,
      createdAt: '2024-04-22T18:45:00Z',
      completedAt: '2024-04-22T18:45:00Z',
    }),
  ];
}

const outcome = { conditionsNotMet: false, transfersPending: 0, errorMessage: null, nextAttemptAt: null };

function executions(): ExecutionRecord[] {
  // getRuleExecution's three examples, as published (the failed one with its executionMode restored).
  return [
    {
      id: '4306b3e8-6e77-4c08-ab0b-bb33654af44c',
      ruleId: AUTO_SAVE,
      status: 'EXECUTED',
      executionMode: 'LIVE',
      createdAt: '2024-04-23T09:15:00Z',
      triggerDetails: { type: 'ON_FUNDS_TRANSFERRED', amountInCents: 250_000 },
      stepIndexMatched: 0,
      transfersAttempted: 2,
      transfersCompleted: 2,
      transfersFailed: 0,
      transferIds: ['809e5e0b-bb0b-49b2-867a-8b44d04d9179', '32a4182a-38b5-4058-98da-4d1b3d13ab72'],
      ...outcome,
    },
    {
      id: '4fde08bb-8f17-45ec-9d3f-a30c6ffc1351',
      ruleId: AUTO_SAVE,
      status: 'EXECUTED',
      executionMode: 'SIMULATION',
      createdAt: '2024-04-20T08:00:00Z',
      triggerDetails: { type: 'SCHEDULED', scheduledTime: '2024-04-20T08:00:00Z' },
      stepIndexMatched: null,
      transfersAttempted: 0,
      transfersCompleted: 0,
      transfersFailed: 0,
      transferIds: [],
      ...outcome,
      conditionsNotMet: true,
    },
    {
      id: '0d6195f3-c855-4cc0-b150-3364bf57d07d',
      ruleId: MANUAL_RULE,
      status: 'FAILED',
      executionMode: 'SIMULATION',
      createdAt: '2024-04-18T14:30:00Z',
      triggerDetails: { type: 'MANUAL', amountInCents: 150_000 },
      stepIndexMatched: 0,
      transfersAttempted: 1,
      transfersCompleted: 0,
      transfersFailed: 1,
      transferIds: ['b6fa092e-834a-4e08-a7fc-20f7e5260dd5'],
      ...outcome,
      errorMessage: 'Insufficient funds in source account.',
    },
  ];
}

/** The demo organization, or an empty one. */
export function initialState(seed: boolean): PlatformFakeState {
  const empty = {
    idempotency: new Map(),
    rateLimits: new Map(),
    visibleAtMs: new Map(),
    settlesAtMs: new Map(),
  };
  if (!seed) {
    return {
      accounts: [],
      rules: [],
      executions: [],
      transfers: [],
      externalTransactions: [],
      cardTransactions: [],
      auditLogs: [],
      ...empty,
    };
  }
  return {
    accounts: accounts(),
    rules: rules(),
    executions: executions(),
    transfers: transfers(),
    externalTransactions: [
      {
        id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        accountId: CHASE,
        amountInCents: 4200,
        direction: 'MONEY_OUT',
        status: 'COMPLETE',
        description: 'Spotify',
        transactionDate: '2024-04-20T00:00:00Z',
      },
    ],
    cardTransactions: [
      {
        id: '5fb1c2a4-7d1e-4b08-9d2c-2e5b1d6a4c12',
        cardId: '3d2a8b91-3f1e-4a73-9f6a-7c1d2e3b4a55',
        cardType: 'DEBIT_CARD',
        account: ref(EMERGENCY, 'Emergency Fund', 'POD'),
        direction: 'MONEY_OUT',
        subtype: 'PURCHASE',
        status: 'COMPLETE',
        amountInCents: 4250,
        description: 'BLUE BOTTLE COFFEE',
        createdAt: '2026-04-22T15:30:00Z',
        completedAt: '2026-04-22T15:30:00Z',
      },
    ],
    auditLogs: [
      {
        id: 'a1b2c3d4-e5f6-7890-abcd-ef1234567890',
        createdAt: '2024-04-23T09:15:00Z',
        apiKeyId: '11223344-5566-7788-99aa-bbccddeeff00',
        apiKeyName: 'Production Key',
        path: '/platform/v1/accounts',
        action: 'LIST_ACCOUNTS',
        requestId: 'req-1234',
        outcome: 'SUCCESS',
        errorCode: null,
      },
    ],
    ...empty,
  };
}
