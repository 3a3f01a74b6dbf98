import type * as Wire from './generated/v2/types.gen.js';
import type { NumericIds } from './numeric-ids.js';

/** Public model types: the generated wire types with ids as numbers. */
export type Subscriber = NumericIds<Wire.Subscriber>;
export type SubscriberFieldGroup = NumericIds<Wire.SubscriberFieldGroup>;
export type TagRef = NumericIds<Wire.TagRef>;
export type Tag = NumericIds<Wire.Tag>;
export type Segment = NumericIds<Wire.Segment>;
export type FieldGroup = NumericIds<Wire.FieldGroup>;
export type Suppression = NumericIds<Wire.Suppression>;
export type TemplateSummary = NumericIds<Wire.TemplateList['templates'][number]>;
export type Template = NumericIds<Wire.Template>;
export type Campaign = NumericIds<Wire.Campaign>;
export type CampaignStatistics = NumericIds<Wire.CampaignStatistics>;
export type PreferenceGroup = NumericIds<Wire.PreferenceGroup>;
export type SubscriberPreference = NumericIds<Wire.SubscriberPreference>;
export type Journey = NumericIds<Wire.Journey>;
export type SenderDetails = NumericIds<Wire.SenderDetails>;
