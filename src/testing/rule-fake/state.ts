import { formatWallClock } from '../../internal/time-zone.js';
import { openWindow, type RateLimitWindow } from '../kernel/middleware/rate-limit.js';

export type MessageType = 'email' | 'text_message';
export type FieldType = 'text' | 'single' | 'multiple' | 'json' | 'date' | 'datetime' | 'time';

export interface FakeSubscriber {
  id: number;
  email: string | null;
  phone_number: string | null;
  custom_identifier: string | null;
  language: string;
  opted_in: boolean;
  /** Blocked subscribers receive nothing (v3 block/unblock; v2 `automation` reset/force reactivates). */
  status: 'ACTIVE' | 'BLOCKED';
  created_at: string;
  updated_at: string;
  /** Tag ids. */
  tags: number[];
  /** Custom field values by `Group.Field` key. */
  fields: Record<string, unknown>;
  /** Opt-in choices by preference id (absent: the preference's `fallback_opt_in`). */
  preferences: Record<number, boolean>;
}

export interface FakeTag {
  id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
}

export interface FakeField {
  id: number;
  name: string;
  type: FieldType;
}

export interface FakeFieldGroup {
  id: number;
  name: string;
  created_at: string;
  updated_at: string;
  fields: FakeField[];
}

export interface FakeSegment {
  id: number;
  name: string;
  description: string | null;
  created_at: string;
  updated_at: string;
  sync_at: string;
  /** Members (a real segment is a filter; the fake keeps the result). */
  subscriber_ids: number[];
}

export interface FakeTemplate {
  id: number;
  name: string;
  blocks: string[];
  content: { html: string; plain: string };
}

export interface FakeSuppression {
  id: number;
  created_at: string;
  dispatcher_type: 'campaign' | 'transactional';
  message_type: MessageType;
  suppressed_source_type: string;
  subscriber_id: number;
}

export interface FakeCampaignRecipient {
  id: number;
  name: string;
  negative: boolean;
}

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
  statistics: {
    open: { unique: number; total: number };
    click: { unique: number; total: number };
    browser: { unique: number; total: number };
    bounced: { hard: number; soft: number };
    unsubscribed: { user: number; spam: number };
  };
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

export interface FakePreferenceGroup {
  id: number;
  account_id: number;
  name: string;
  link: string | null;
  preferences: Array<{ id: number; name: string; fallback_opt_in: boolean }>;
}

/** Journeys and sender details are read-only; they are kept in their wire shape. */
export type FakeJourney = Record<string, unknown> & {
  id: number;
  name: string;
  sendoutConfiguration:
    | (Record<string, unknown> & { preferenceConfiguration?: { id?: number; preferences: number[] } | null })
    | null;
};

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
  sender: Record<string, unknown>;
  /** Every request received, answered or not. */
  requestCount: number;
  rateLimit: RateLimitWindow;
  /** Last id handed out per kind; ids are never reused. */
  lastIds: Record<string, number>;
}

export function emptyState(): RuleFakeState {
  return {
    subscribers: [],
    tags: [],
    fieldGroups: [],
    segments: [],
    templates: [],
    suppressions: [],
    campaigns: [],
    transactions: [],
    preferenceGroups: [],
    journeys: [],
    sender: {},
    requestCount: 0,
    rateLimit: openWindow(),
    lastIds: {},
  };
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
