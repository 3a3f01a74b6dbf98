// Type-level tests: error codes and answer enums keep their documented literals (editors complete them) and still
// accept undocumented values; the code guards take documented codes only, so a typo does not compile; narrowing by
// class and by code works.

import { type ApiError, isApiError, NotFoundError } from 'ruleseq';
import type { ICloudReadyError } from 'ruleseq/icloudready';
import {
  type Campaign,
  isRuleError,
  type RuleClient,
  type RuleError,
  type RuleErrorCode,
} from 'ruleseq/rule';
import {
  isSequenceError,
  type RuleExecution,
  type SequenceErrorCode,
  type Transfer,
  type TransferStatus,
} from 'ruleseq/sequence';
import { isSequencePlatformError } from 'ruleseq/sequence-platform';
import { expectTypeOf } from 'vitest';

declare const rule: RuleClient;
/** Without `undefined` (`NonNullable`, being `T & {}`, would fold the literals into `string & {}`). */
type Defined<T> = Exclude<T, undefined>;
declare const caught: unknown;

/** `Known | (string & {})`: every documented literal survives (a plain `string` would swallow them). */
type KeepsLiterals<T, Known extends string> = [Known] extends [Extract<T, Known>]
  ? string extends T
    ? [T] extends [string]
      ? Exclude<T, Known> extends string
        ? true
        : false
      : false
    : false
  : false;

expectTypeOf<KeepsLiterals<ApiError<RuleErrorCode>['code'], RuleErrorCode>>().toEqualTypeOf<true>();
expectTypeOf<Extract<ApiError<RuleErrorCode>['code'], 'NotFound'>>().toEqualTypeOf<'NotFound'>();
expectTypeOf<KeepsLiterals<ApiError<SequenceErrorCode>['code'], SequenceErrorCode>>().toEqualTypeOf<true>();
// Unknown codes still type-check.
expectTypeOf<'SomethingNew'>().toExtend<ApiError<RuleErrorCode>['code']>();

// Answer enums.
expectTypeOf<Defined<Transfer['status']>>().toEqualTypeOf<TransferStatus>();
expectTypeOf<Extract<TransferStatus, 'complete' | 'pending_approval'>>().toEqualTypeOf<
  'complete' | 'pending_approval'
>();
expectTypeOf<Extract<Defined<RuleExecution['status']>, 'executed'>>().toEqualTypeOf<'executed'>();
expectTypeOf<Extract<Defined<Campaign['status']>, 'draft' | 'sent'>>().toEqualTypeOf<'draft' | 'sent'>();
expectTypeOf<'scheduled'>().toExtend<Defined<Campaign['status']>>();

// Narrowing a `.safe()` error by code (the guard) and by class.
async function narrowing() {
  const result = await rule.subscribers.get({ email: 'a@example.com' }).safe();
  if (result.ok) return;
  expectTypeOf(result.error).toEqualTypeOf<RuleError>();
  if (isApiError(result.error, 'NotFound')) {
    expectTypeOf(result.error.code).toEqualTypeOf<'NotFound'>();
    expectTypeOf(result.error.status).toEqualTypeOf<number>();
  }
  if (result.error instanceof NotFoundError) expectTypeOf(result.error.status).toEqualTypeOf<number>();
  // @ts-expect-error NotFund is not a code Rule documents
  isApiError(result.error, 'NotFund');
  // @ts-expect-error a Sequence code is not a Rule one
  isApiError(result.error, 'resource_not_found');
}
void narrowing;

// Guards for errors of unknown type, as in a catch.
if (isRuleError(caught, 'DuplicateSubscriber'))
  expectTypeOf(caught.code).toEqualTypeOf<'DuplicateSubscriber'>();
if (isSequenceError(caught)) expectTypeOf(caught.status).toEqualTypeOf<number>();
// @ts-expect-error NotFund is not a code Rule documents
isRuleError(caught, 'NotFund');
// @ts-expect-error resource_not_fund is not a code Sequence documents
isSequenceError(caught, 'resource_not_fund');
if (isSequencePlatformError(caught, 'RULE_DEACTIVATED'))
  expectTypeOf(caught.code).toEqualTypeOf<'RULE_DEACTIVATED'>();
// @ts-expect-error a v1 code is not one the Platform documents
isSequencePlatformError(caught, 'resource_not_found');
// iCloudReady documents no codes: statuses stand in for them.
expectTypeOf<Extract<ICloudReadyError, ApiError<string>>['code']>().toExtend<string>();
