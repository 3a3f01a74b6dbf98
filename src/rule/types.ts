import type * as z from 'zod/mini';
import type * as Wire from './generated/v2/zod.gen.js';
import type { NumericIds } from './numeric-ids.js';

/**
 * Public model types: what the generated response schemas output (`z.output`), with ids as numbers. Fields the
 * docs do not always show are optional, and fields Rule adds are kept (typed `unknown`).
 */
type Model<Schema extends z.ZodMiniType> = NumericIds<z.output<Schema>>;

export type Subscriber = Model<typeof Wire.zSubscriber>;
export type SubscriberFieldGroup = Model<typeof Wire.zSubscriberFieldGroup>;
export type TagRef = Model<typeof Wire.zTagRef>;
export type Tag = Model<typeof Wire.zTag>;
export type Segment = Model<typeof Wire.zSegment>;
export type FieldGroup = Model<typeof Wire.zFieldGroup>;
export type Suppression = Model<typeof Wire.zSuppression>;
export type TemplateSummary = Model<typeof Wire.zTemplateList>['templates'][number];
export type Template = Model<typeof Wire.zTemplate>;
export type Campaign = Model<typeof Wire.zCampaign>;
export type CampaignStatistics = Model<typeof Wire.zCampaignStatistics>;
export type PreferenceGroup = Model<typeof Wire.zPreferenceGroup>;
export type SubscriberPreference = Model<typeof Wire.zSubscriberPreference>;
export type Journey = Model<typeof Wire.zJourney>;
export type SenderDetails = Model<typeof Wire.zSenderDetails>;
/** What a multi-subscriber create answers: an acknowledgement whose shape Rule varies; every field optional. */
export type CreateSubscribersResult = Model<typeof Wire.zCreateSubscribersResult>;
