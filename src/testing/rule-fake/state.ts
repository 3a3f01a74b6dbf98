import { formatWallClock } from '../../internal/time-zone.js';
import type * as wire from '../../rule/generated/v2/types.gen.js';
import type { RateLimitWindow } from '../kernel/middleware/rate-limit.js';

export type MessageType = wire.MessageType;
export type FieldType = wire.FieldType;

/** A record in its wire shape (the generated type), every field present and the fake's numeric id. */
type Stored<T> = { [K in keyof T]-?: Exclude<T[K], undefined> } & { id: number };

export type FakeSubscriber = Stored<Omit<wire.Subscriber, 'tags' | 'suppressed' | 'syncAtSegments'>> & {
  /** Blocked subscribers receive nothing (v3 block/unblock; v2 `automation` reset/force reactivates). */
  status: 'ACTIVE' | 'BLOCKED';
  /** Tag ids. */
  tags: number[];
  /** Custom field values by `Group.Field` key. */
  fields: Record<string, unknown>;
  /** Opt-in choices by preference id (absent: the preference's `fallback_opt_in`). */
  preferences: Record<number, boolean>;
};

export type FakeTag = Stored<Omit<wire.Tag, 'recipient_count'>>;
export type FakeField = Stored<NonNullable<wire.FieldGroup['fields']>[number]>;
export type FakeFieldGroup = Stored<Omit<wire.FieldGroup, 'fields'>> & { fields: FakeField[] };
/** `subscriber_ids`: its members (a real segment is a filter; the fake keeps the result). */
export type FakeSegment = Stored<wire.Segment> & { subscriber_ids: number[] };
export type FakeTemplate = Stored<Omit<wire.Template, 'content'>> & {
  content: { html: string; plain: string };
};

export type FakeSuppression = Stored<Omit<wire.Suppression, 'subscriber' | 'dispatcher_type'>> & {
  dispatcher_type: 'campaign' | 'transactional';
  subscriber_id: number;
};

export type FakeCampaignRecipient = Stored<wire.CampaignRecipientRef>;

export interface FakeCampaign {
  id: number;
  name: string;
  subject: string;
  type: MessageType;
  status: 'draft' | 'scheduled' | 'sent';
  from: { name: string; email?: string };
  language: string | null;
  email_template_id: number | null;
  /** Email: decoded `{html, plain}`; SMS: the text; template blocks as given. */
  content: unknown;
  created_at: string;
  /** Schedule requests: when to send (`YYYY-MM-DD HH:MM:SS`, Stockholm). */
  send_at: string | null;
  sent_at: string | null;
  recipients: { tags: FakeCampaignRecipient[]; segments: FakeCampaignRecipient[] };
  /** Subscribers it went to, once sent. */
  sent_to: number[];
  statistics: Required<Omit<wire.CampaignStatistics, 'sent' | 'name' | 'sent_at'>>;
}

/** A transactional message Rule accepted: what a test asserts on ("which e-mails went out, to whom"). */
export interface FakeTransaction {
  id: number;
  type: MessageType;
  name: string | null;
  subject: string | null;
  from: { name: string; email?: string };
  to: { email?: string; name?: string; phone_number?: string };
  /** Decoded bodies of an e-mail with its own content. */
  html?: string;
  plain?: string;
  /** A text message's text. */
  text?: string;
  template_id?: number;
  /** Block content of a template e-mail. */
  blocks?: unknown[];
  attachment?: { name: string; bytes: number };
  created_at: string;
}

export type FakePreferenceGroup = Stored<Omit<wire.PreferenceGroup, 'preferences'>> & {
  preferences: Array<{ id: number; name: string; fallback_opt_in: boolean }>;
};

/** Journeys and sender details are read-only; they are kept in their wire shape. */
export type FakeJourney = wire.Journey & { id: number };

export interface RuleFakeState {
  subscribers: FakeSubscriber[];
  tags: FakeTag[];
  fieldGroups: FakeFieldGroup[];
  segments: FakeSegment[];
  templates: FakeTemplate[];
  suppressions: FakeSuppression[];
  campaigns: FakeCampaign[];
  transactions: FakeTransaction[];
  preferenceGroups: FakePreferenceGroup[];
  journeys: FakeJourney[];
  sender: wire.SenderDetails;
  /** Every request received, answered or not. */
  requestCount: number;
  rateLimit: RateLimitWindow;
  /** Last id handed out per kind; ids are never reused. */
  lastIds: Record<string, number>;
}

export function nextId(state: RuleFakeState, kind: string): number {
  const id = (state.lastIds[kind] ?? 0) + 1;
  state.lastIds[kind] = id;
  return id;
}

/** Rule's timestamp: `YYYY-MM-DD HH:MM:SS`, Stockholm time, no zone. */
export function ruleTime(instant: number): string {
  return formatWallClock(new Date(instant), 'Europe/Stockholm');
}
