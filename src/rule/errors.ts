import type { ClientError } from '../core/errors/client-error.js';
import { apiErrorGuard } from '../core/errors/is-api-error.js';

/** Every `error` code Rule's v2 docs and clients document; unknown codes still type-check. */
export type RuleErrorCode =
  | 'NotAuthorized'
  | 'LimitExceed'
  | 'UnexpectedError'
  | 'BadRequest'
  | 'InvalidFieldName'
  | 'InvalidFieldType'
  | 'ReservedKeyword'
  | 'InvalidIdentifier'
  | 'InvalidDispatcherType'
  | 'InvalidMessageType'
  | 'BadTransactionType'
  | 'ValidationError'
  | 'SuppressedSubscriber'
  | 'InactiveSubscriber'
  | 'NotFound'
  | 'SubscriberNotFound'
  | 'TagNotFound'
  | 'TemplateNotFound'
  | 'CampaignNotFound'
  | 'DuplicateSubscriber'
  | 'DuplicateTag'
  | 'RequestEntityTooLarge'
  | 'TooManyAttempts';

/** What a Rule call can fail with; `.safe()` narrows on `error.code`. */
export type RuleError = ClientError<RuleErrorCode>;

/**
 * Whether an error (of any type, e.g. in a `catch`) is a Rule `ApiError`, with `code` if given; the code must be
 * one Rule documents: `isRuleError(err, 'NotFound')`.
 */
export const isRuleError = apiErrorGuard<RuleErrorCode>();
