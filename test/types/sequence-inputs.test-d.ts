// Type-level tests (see rule-inputs.test-d.ts): Sequence and iCloudReady methods take the generated input types.

import type { ICloudReadyClient } from 'ruleseq/icloudready';
import type { SequenceClient } from 'ruleseq/sequence';
import { expectTypeOf } from 'vitest';
import type * as z from 'zod/mini';
import type * as ICR from '../../src/icloudready/generated/v2/zod.gen.js';
import type * as V1 from '../../src/sequence/generated/v1/zod.gen.js';

declare const seq: SequenceClient;
declare const icr: ICloudReadyClient;
declare const maybeKey: string | undefined;
type In<Schema extends z.ZodMiniType> = z.input<Schema>;
type First<F extends (...args: never[]) => unknown> = Parameters<F>[0];
type Second<F extends (...args: never[]) => unknown> = Parameters<F>[1];

// --- Sequence: bodies and queries as generated ------------------------------------------------------------------

expectTypeOf<First<SequenceClient['transfers']['create']>>().toEqualTypeOf<
  In<typeof V1.zCreateTransferBody>
>();
expectTypeOf<NonNullable<Second<SequenceClient['rules']['trigger']>>>().toEqualTypeOf<
  In<typeof V1.zTriggerRuleBody>
>();
expectTypeOf<First<SequenceClient['accounts']['createIncomeSource']>>().toEqualTypeOf<
  In<typeof V1.zCreateIncomeSourceBody>
>();
// A rule as generated; `status` may be left out (the SDK sends `disabled`, as Sequence leaves every rule).
expectTypeOf<Omit<First<SequenceClient['rules']['create']>, 'status'>>().toEqualTypeOf<
  Omit<In<typeof V1.zCreateRuleBody>, 'status'>
>();
expectTypeOf<NonNullable<First<SequenceClient['accounts']['list']>>>().toEqualTypeOf<
  In<typeof V1.zListAccountsQuery>
>();
expectTypeOf<NonNullable<First<SequenceClient['rules']['list']>>>().toEqualTypeOf<
  In<typeof V1.zListRulesQuery>
>();
expectTypeOf<First<SequenceClient['transfers']['list']>>().toEqualTypeOf<In<typeof V1.zListTransfersQuery>>();
expectTypeOf<First<SequenceClient['cards']['list']>>().toEqualTypeOf<In<typeof V1.zListCardsQuery>>();
// Time filters also take a Date.
expectTypeOf<Omit<First<SequenceClient['ruleExecutions']['list']>, 'from' | 'to'>>().toEqualTypeOf<
  Omit<In<typeof V1.zListRuleExecutionsQuery>, 'from' | 'to'>
>();
expectTypeOf<First<SequenceClient['ruleExecutions']['list']>['from']>().toEqualTypeOf<
  Date | string | undefined
>();
expectTypeOf<
  Omit<NonNullable<Second<SequenceClient['cards']['transactions']>>, 'from' | 'to'>
>().toEqualTypeOf<Omit<In<typeof V1.zListCardTransactionsQuery>, 'from' | 'to'>>();

const accounts = { source_account_id: 'a', destination_account_id: 'b' };
// @ts-expect-error amount is not a transfer field
void seq.transfers.create({ ...accounts, amount_in_cents: 1, amount: 1 });
// @ts-expect-error manual_execute_amnt is not a trigger parameter
void seq.rules.trigger('rule_1', { manual_execute_amnt: 5 });
// @ts-expect-error account_roles is not a transfer filter
void seq.transfers.list({ account_id: 'acc_1', account_roles: 'source' });
// @ts-expect-error timeout is not a waitUntilSettled option (timeoutMs is)
void seq.transfers.waitUntilSettled('txr_1', { timeout: 5 });
// With exactOptionalPropertyTypes too, an optional option takes `undefined` (see check-readme-examples.ts).
void seq.transfers.create(
  { source_account_id: 'a', destination_account_id: 'b', amount_in_cents: 1 },
  { idempotencyKey: maybeKey },
);

// --- iCloudReady ------------------------------------------------------------------------------------------------

expectTypeOf<First<ICloudReadyClient['sequences']['create']>>().toEqualTypeOf<
  In<typeof ICR.zCreateSequenceBody>
>();
expectTypeOf<Second<ICloudReadyClient['sequences']['patch']>>().toEqualTypeOf<
  In<typeof ICR.zPatchSequenceBody>
>();
expectTypeOf<NonNullable<First<ICloudReadyClient['sequences']['list']>>>().toEqualTypeOf<
  In<typeof ICR.zListSequencesQuery>
>();
expectTypeOf<First<ICloudReadyClient['sequences']['activity']['create']>>().toEqualTypeOf<
  In<typeof ICR.zCreateSequenceActivityBody>
>();

// @ts-expect-error max_contacts: the API's names are camelCase
void icr.sequences.create({ name: 'Onboarding', max_contacts: 5 });
// @ts-expect-error sort_by is not a list parameter (sortBy is)
void icr.sequences.list({ sort_by: 'name' });
