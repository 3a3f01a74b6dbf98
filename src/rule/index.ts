/**
 * `ruleseq/rule`: the Rule.io REST API v2 client, plus the v3 endpoints that replace closed v2 ones.
 *
 * @example
 * import { RuleClient } from 'ruleseq/rule';
 * const rule = new RuleClient({ apiKey: process.env.RULE_API_KEY });
 */

export * from '../core/index.js';
export { RuleClient, type RuleClientOptions } from './client.js';
export { isRuleError, type RuleError, type RuleErrorCode } from './errors.js';
export type {
  CampaignRecipients,
  CampaignRequest,
  EmailCampaignRequest,
  ListCampaignsParams,
  ScheduleCampaignRequest,
  TextMessageCampaignRequest,
} from './input/campaign.js';
export type { FieldRecordValue, FieldType, FieldValue, FieldValuesInput } from './input/field-values.js';
export type { SubscriberInput } from './input/subscriber.js';
export type {
  Attachment,
  EmailTransaction,
  TemplateEmailTransaction,
  TextMessageTransaction,
  TransactionInput,
} from './input/transaction.js';
export type { RuleAuthMode } from './profile.js';
export type { Account } from './resources/account.js';
export type { CampaignSendResult, Campaigns } from './resources/campaigns.js';
export type { Fields, ListFieldGroupsParams, NewField } from './resources/fields.js';
export type { Journeys, ListJourneysParams } from './resources/journeys.js';
export type { PreferenceChoice, Preferences } from './resources/preferences.js';
export type { ListSegmentsParams, Segments } from './resources/segments.js';
export type { AddSubscriberTagsParams, SubscriberTags } from './resources/subscriber-tags.js';
export type {
  BlockSubscribersParams,
  CreateManyCall,
  CreateManyParams,
  CreateManyProgress,
  CreateManyReport,
  CreateSubscriberParams,
  ListSubscribersParams,
  Subscribers,
  UpdateSubscriberParams,
} from './resources/subscribers.js';
export type { ListSuppressionsParams, SuppressionParams, Suppressions } from './resources/suppressions.js';
export type { GetTagParams, ListTagsParams, Tags, UpdateTagParams } from './resources/tags.js';
export type { Templates } from './resources/templates.js';
export type { SentTransaction, Transactions } from './resources/transactions.js';
export type { IdentifiedBy, SubscriberSelector } from './selectors.js';
export type * from './types.js';
export {
  type ImportFinishedEvent,
  type ParseRuleWebhookOptions,
  parseRuleWebhook,
  type RuleWebhookData,
  RuleWebhookError,
  type RuleWebhookEvent,
  type RuleWebhookType,
  type WebhookDirection,
} from './webhooks.js';
