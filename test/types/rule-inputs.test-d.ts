// Type-level tests, checked by `npm run typecheck` (tsc over test/): every Rule method takes the input type of the
// generated schema its call is validated with (refined by the docs' prose, never restated), and each misspelling
// is a compile error (an `@ts-expect-error` that stops failing breaks the build).

import type { RuleClient, SubscriberSelector } from 'ruleseq/rule';
import { expectTypeOf } from 'vitest';
import type * as z from 'zod/mini';
import type * as V2 from '../../src/rule/generated/v2/zod.gen.js';
import type * as V3 from '../../src/rule/generated/v3/zod.gen.js';

declare const rule: RuleClient;
type In<Schema extends z.ZodMiniType> = z.input<Schema>;
type First<F extends (...args: never[]) => unknown> = Parameters<F>[0];
type Second<F extends (...args: never[]) => unknown> = Parameters<F>[1];
type Third<F extends (...args: never[]) => unknown> = Parameters<F>[2];

// --- bodies: the generated request types, refined only where the SDK says so -------------------------------------

type CreateParams = First<RuleClient['subscribers']['create']>;
// Rule's create options as generated; the one subscriber under `subscriber` (the SDK's single create).
expectTypeOf<Omit<CreateParams, 'subscriber'>>().toEqualTypeOf<
  Omit<In<typeof V2.zCreateSubscribersBody>, 'subscribers' | 'async'>
>();
// The subscriber is the generated SubscriberInput; `fields` also takes the `{ 'Group.Field': value }` record.
expectTypeOf<Omit<CreateParams['subscriber'], 'fields'>>().toEqualTypeOf<
  Omit<In<typeof V2.zSubscriberInput>, 'fields'>
>();
expectTypeOf<In<typeof V2.zFieldValueInput>[]>().toExtend<
  NonNullable<CreateParams['subscriber']['fields']>
>();
expectTypeOf<{ 'Profile.Born': Date }>().toExtend<NonNullable<CreateParams['subscriber']['fields']>>();

type CreateManyOptions = Second<RuleClient['subscribers']['createMany']>;
expectTypeOf<Omit<CreateManyOptions, 'onProgress' | 'concurrency'>>().toEqualTypeOf<
  Omit<In<typeof V2.zCreateSubscribersBody>, 'subscribers'>
>();
expectTypeOf<Omit<Second<RuleClient['subscribers']['update']>, 'fields'>>().toEqualTypeOf<
  Omit<In<typeof V2.zUpdateSubscriberBody>, 'fields'>
>();
expectTypeOf<Second<RuleClient['subscribers']['tags']['add']>>().toEqualTypeOf<
  In<typeof V2.zAddSubscriberTagsBody>['tags']
>();
expectTypeOf<NonNullable<Third<RuleClient['subscribers']['tags']['add']>>>().toEqualTypeOf<
  Omit<In<typeof V2.zAddSubscriberTagsBody>, 'tags'>
>();
expectTypeOf<Second<RuleClient['tags']['update']>>().toEqualTypeOf<In<typeof V2.zUpdateTagBody>>();
expectTypeOf<First<RuleClient['fields']['createGroups']>>().toEqualTypeOf<
  readonly In<typeof V2.zCreateCustomizationsBody>['fields'][number][]
>();
expectTypeOf<Third<RuleClient['preferences']['update']>>().toEqualTypeOf<
  readonly In<typeof V2.zUpdateSubscriberPreferencesBody>['preferences'][number][]
>();
expectTypeOf<NonNullable<Second<RuleClient['suppressions']['create']>>>().toEqualTypeOf<
  Omit<In<typeof V3.zCreateSuppressionsV3Body>, 'subscribers'>
>();
expectTypeOf<NonNullable<Second<RuleClient['subscribers']['block']>>>().toEqualTypeOf<
  Omit<In<typeof V3.zBlockSubscribersBody>, 'subscribers'>
>();
// Campaigns: the generated CampaignRequest per message type; `send_at` takes a Date or Rule's own time string.
type Campaign = First<RuleClient['campaigns']['create']>;
expectTypeOf<Omit<Campaign, 'message_type' | 'from' | 'content'>>().toEqualTypeOf<
  Omit<In<typeof V2.zCreateCampaignBody>, 'message_type' | 'from' | 'content'>
>();
expectTypeOf<Campaign['message_type']>().toEqualTypeOf<In<typeof V2.zMessageType>>();
expectTypeOf<First<RuleClient['campaigns']['schedule']>['send_at']>().toEqualTypeOf<
  Date | In<typeof V2.zScheduleCampaignBody>['send_at']
>();
// Transactions: Rule's TransactionRequest with `type` for `transaction_type`.
type Transaction = First<RuleClient['transactions']['send']>;
expectTypeOf<Transaction['type']>().toEqualTypeOf<In<typeof V2.zSendTransactionBody>['transaction_type']>();
expectTypeOf<Exclude<Transaction, { type: 'email' }>>().toEqualTypeOf<
  Omit<In<typeof V2.zTextMessageTransaction>, 'transaction_type'> & { type: 'text_message' } extends infer T
    ? { [K in keyof T]: T[K] }
    : never
>();

// --- queries: the generated query types ------------------------------------------------------------------------

expectTypeOf<NonNullable<First<RuleClient['subscribers']['list']>>>().toEqualTypeOf<
  In<typeof V2.zListSubscribersQuery>
>();
expectTypeOf<NonNullable<First<RuleClient['tags']['list']>>>().toEqualTypeOf<In<typeof V2.zListTagsQuery>>();
expectTypeOf<NonNullable<First<RuleClient['segments']['list']>>>().toEqualTypeOf<
  In<typeof V2.zListSegmentsQuery>
>();
expectTypeOf<NonNullable<First<RuleClient['fields']['list']>>>().toEqualTypeOf<
  In<typeof V2.zListCustomizationsQuery>
>();
expectTypeOf<NonNullable<First<RuleClient['suppressions']['list']>>>().toEqualTypeOf<
  In<typeof V2.zListSuppressionsQuery>
>();
expectTypeOf<NonNullable<First<RuleClient['journeys']['list']>>>().toEqualTypeOf<
  In<typeof V2.zListJourneysQuery>
>();
expectTypeOf<NonNullable<Second<RuleClient['tags']['get']>>>().toEqualTypeOf<
  Omit<In<typeof V2.zGetTagQuery>, 'identified_by'>
>();
// Campaign filters: the generated query; `type` also by name, days also as a Date.
expectTypeOf<
  Omit<NonNullable<First<RuleClient['campaigns']['list']>>, 'type' | `${'created' | 'sent'}_${'from' | 'to'}`>
>().toEqualTypeOf<
  Omit<In<typeof V2.zListCampaignsQuery>, 'type' | `${'created' | 'sent'}_${'from' | 'to'}`>
>();

// --- selectors: the identifiers each operation's generated `identified_by` allows ---------------------------------

type Accepted<Query extends z.ZodMiniObject> = NonNullable<In<Query>['identified_by' & keyof In<Query>]>;
expectTypeOf<First<RuleClient['subscribers']['get']>>().toEqualTypeOf<
  SubscriberSelector<Accepted<typeof V2.zGetSubscriberQuery>>
>();
expectTypeOf<First<RuleClient['subscribers']['delete']>>().toEqualTypeOf<
  SubscriberSelector<Accepted<typeof V2.zDeleteSubscriberQuery>>
>();
expectTypeOf<First<RuleClient['preferences']['get']>>().toEqualTypeOf<
  SubscriberSelector<Accepted<typeof V2.zGetSubscriberPreferencesQuery>>
>();
expectTypeOf<First<RuleClient['subscribers']['tags']['add']>>().toEqualTypeOf<
  SubscriberSelector<Accepted<typeof V2.zAddSubscriberTagsQuery>>
>();

// --- the misspellings of issue 16 do not compile --------------------------------------------------------------------

const subscriber = { email: 'a@example.com' };
// @ts-expect-error update_on_duplicat is not a create option
void rule.subscribers.create({ subscriber, tags: ['T'], update_on_duplicat: true });
// @ts-expect-error updateOnDuplicate: options keep the API's snake_case names
void rule.subscribers.create({ subscriber, tags: ['T'], updateOnDuplicate: true });
// @ts-expect-error asynk is not a createMany option
void rule.subscribers.createMany([{ email: 'a@example.com' }], { tags: ['T'], asynk: false });
// @ts-expect-error tags are required
void rule.subscribers.create({ subscriber: { email: 'a@example.com' } });
// @ts-expect-error Rule takes no custom_identifier for subscribers.delete
void rule.subscribers.delete({ custom_identifier: 'crm-1' });
// @ts-expect-error Rule takes no custom_identifier for preference routes
void rule.preferences.get({ custom_identifier: 'crm-1' }, 1);
// @ts-expect-error nor to update preferences
void rule.preferences.update({ custom_identifier: 'crm-1' }, 1, [{ preference_id: 1, is_opted_in: true }]);
// @ts-expect-error a selector names one identifier
void rule.subscribers.get({ email: 'a@example.com', id: 1 });
// @ts-expect-error deleteMany takes email or phone_number only
void rule.subscribers.deleteMany([{ id: 1 }]);
// @ts-expect-error limt is not a list parameter
void rule.subscribers.list({ limt: 10 });
// @ts-expect-error send_at is a Date or Rule's time string, not a number
void rule.campaigns.schedule({ subject: 's', message_type: 'text_message', from: { name: 'S' }, send_at: 1 });
const sms = { type: 'text_message', from: { name: 'S' }, to: { phone_number: '+46701234567' } } as const;
// @ts-expect-error transaction_nam is not a transaction field
void rule.transactions.send({ ...sms, content: 'x', transaction_nam: 'x' });

// What the issue asks for compiles.
void rule.subscribers.list({ page: 40, limit: 100 });
void rule.campaigns.schedule({
  subject: 's',
  message_type: 'text_message',
  from: { name: 'S' },
  content: 'Hej',
  recipients: { tags: [{ identifier: 'News' }] },
  send_at: '2030-01-15 12:00:00',
});
void rule.subscribers.get({ custom_identifier: 'crm-1' });
