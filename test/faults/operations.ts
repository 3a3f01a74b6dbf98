import type { APIPromise } from '../../src/core/api-promise.js';
import type { RuleseqError } from '../../src/core/errors/ruleseq-error.js';
import type { VendorProfile } from '../../src/internal/create-transport.js';
import type { Transport } from '../../src/internal/transport.js';
import { RULE_V2_BASE_URL, type RuleAuthMode, ruleProfile } from '../../src/rule/profile.js';
import type { RuleContext } from '../../src/rule/resource.js';
import { Subscribers } from '../../src/rule/resources/subscribers.js';
import { Transactions } from '../../src/rule/resources/transactions.js';
import { sequenceProfile } from '../../src/sequence/profile.js';
import { Transfers } from '../../src/sequence/resources/transfers.js';
import { sequencePlatformProfile } from '../../src/sequence-platform/profile.js';
import { Rules as PlatformRules } from '../../src/sequence-platform/resources/rules.js';
import { Transfers as PlatformTransfers } from '../../src/sequence-platform/resources/transfers.js';
import {
  createRuleFake,
  createSequenceFake,
  createSequencePlatformFake,
  type FakeApi,
  type PlatformFakePermission,
  type PlatformFakeState,
  type RuleFakeState,
  type SequenceFakeState,
} from '../../src/testing/index.js';
import { CANARY_KEY, type TestTransportOptions, testTransport } from '../helpers/test-transport.js';

/** What a cell's transports share: the fault server's fetch, the capturing logger, the attempt timeout. */
export type TransportSettings = Omit<TestTransportOptions, 'baseUrl'>;

export interface MatrixOperation {
  id: 'get' | 'rule-post' | 'sequence-post' | 'delete' | 'platform-trigger' | 'platform-transfer';
  /** Column header in the printed matrix. */
  label: string;
  /** A Sequence write: one idempotency key on every attempt, and one way to carry the API key. */
  keyed?: boolean;
  /** The application behind the fault server, accepting the canary key. */
  createApp(): FakeApi;
  /** Sends the call through the SDK's resource class on transports pointed at `baseUrl`. */
  send(
    baseUrl: string,
    settings: TransportSettings,
    ruleAuth: RuleAuthMode,
  ): APIPromise<unknown, RuleseqError>;
  /** Writes the application has applied so far (0 for a read). */
  writes(app: FakeApi): number;
}

/** A transport with the vendor's auth, error reading and idempotency, and the tests' fast backoff. */
function vendorTransport(profile: VendorProfile, baseUrl: string, settings: TransportSettings): Transport {
  return testTransport({
    auth: profile.auth,
    readErrorBody: profile.readErrorBody,
    idempotencyHeader: profile.idempotencyHeader,
    isTransient: profile.isTransient,
    requestIdHeader: profile.requestIdHeader,
    readRequestId: profile.readRequestId,
    readLocalTime: profile.readLocalTime,
    ...settings,
    baseUrl,
  });
}

function ruleContext(baseUrl: string, settings: TransportSettings, auth: RuleAuthMode): RuleContext {
  const profile = ruleProfile(auth, RULE_V2_BASE_URL);
  return {
    v2: vendorTransport(profile, baseUrl, settings),
    v3: vendorTransport(profile, baseUrl.replace(/\/v2$/, '/v3'), settings),
    credentialParams: ['apikey'],
  };
}

const ruleApp = () => createRuleFake({ apiKey: CANARY_KEY, rateLimit: false });
const ruleState = (app: FakeApi) => app.state as RuleFakeState;
/** Seeded subscriber #1, John Doe. */
const JOHN = { email: 'john@example.com' };
const SEEDED_SUBSCRIBERS = ruleState(ruleApp()).subscribers.length;

const sequenceApp = () => createSequenceFake({ apiKey: CANARY_KEY, rateLimit: false });
const SEEDED_TRANSFERS = (sequenceApp().state as SequenceFakeState).transfers.length;

const PLATFORM_PERMISSIONS: PlatformFakePermission[] = [
  { permission: 'TRIGGER_RULES', resources: '*' },
  { permission: 'MANUAL_TRANSFER', resources: '*' },
];
const platformApp = () =>
  createSequencePlatformFake({
    keys: [{ key: CANARY_KEY, permissions: PLATFORM_PERMISSIONS }],
    rateLimit: false,
  });
const platformState = (app: FakeApi) => app.state as PlatformFakeState;
const SEEDED_PLATFORM = platformState(platformApp());
/** The seeded demo organization's enabled MANUAL rule, and two of its accounts. */
const MANUAL_RULE = '5452db06-dca6-44a8-953e-3bed41f18d64';
const EMERGENCY = 'c2cb3499-2491-4185-a6f5-1a3d281b875a';
const AMEX = '24b62742-5761-4d19-a47f-ce94ea1b9889';

/** The four kinds of call the matrix crosses with every fault. */
export const OPERATIONS: readonly MatrixOperation[] = [
  {
    id: 'get',
    label: 'GET `subscribers.get`',
    createApp: ruleApp,
    send: (baseUrl, settings, auth) => new Subscribers(ruleContext(baseUrl, settings, auth)).get(JOHN),
    writes: () => 0,
  },
  {
    id: 'rule-post',
    label: 'Rule POST `transactions.send` (no key)',
    createApp: ruleApp,
    send: (baseUrl, settings, auth) =>
      new Transactions(ruleContext(baseUrl, settings, auth)).send({
        type: 'text_message',
        to: { phone_number: '+46701234567' },
        from: { name: 'Shop' },
        content: 'Your code is 4711',
      }),
    writes: (app) => ruleState(app).transactions.length,
  },
  {
    id: 'sequence-post',
    label: 'Sequence POST `transfers.create` (keyed)',
    keyed: true,
    createApp: sequenceApp,
    send: (baseUrl, settings) =>
      new Transfers(vendorTransport(sequenceProfile, baseUrl, settings)).create({
        source_account_id: 'acc_01HDEF0123',
        destination_account_id: 'acc_01HGHI7890',
        amount_in_cents: 50_000,
        description: 'AMEX PAY',
      }),
    writes: (app) => (app.state as SequenceFakeState).transfers.length - SEEDED_TRANSFERS,
  },
  {
    id: 'delete',
    label: 'DELETE `subscribers.delete`',
    createApp: ruleApp,
    send: (baseUrl, settings, auth) => new Subscribers(ruleContext(baseUrl, settings, auth)).delete(JOHN),
    writes: (app) => SEEDED_SUBSCRIBERS - ruleState(app).subscribers.length,
  },
  {
    id: 'platform-trigger',
    label: 'Platform POST `rules.trigger` (keyed)',
    keyed: true,
    createApp: platformApp,
    send: (baseUrl, settings) =>
      new PlatformRules(vendorTransport(sequencePlatformProfile, baseUrl, settings)).trigger(MANUAL_RULE, {
        executeAmount: 5_000,
      }),
    writes: (app) => platformState(app).executions.length - SEEDED_PLATFORM.executions.length,
  },
  {
    id: 'platform-transfer',
    label: 'Platform POST `transfers.create` (keyed)',
    keyed: true,
    createApp: platformApp,
    send: (baseUrl, settings) =>
      new PlatformTransfers(vendorTransport(sequencePlatformProfile, baseUrl, settings)).create({
        sourceAccountId: EMERGENCY,
        destinationAccountId: AMEX,
        amountInCents: 50_000,
        description: 'AMEX PAY',
      }),
    writes: (app) => platformState(app).transfers.length - SEEDED_PLATFORM.transfers.length,
  },
];
