import type { ClientError } from '../core/index.js';

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
