import { matches } from '../kernel/listing.js';
import { fromBase64 } from './base64.js';
import { fail, isMessageType, type RuleCall, SUCCESS, v2 } from './call.js';
import { byIdOrName } from './lookups.js';
import { paginate } from './pagination.js';
import {
  type FakeCampaign,
  type FakeCampaignRecipient,
  type MessageType,
  nextId,
  type RuleFakeState,
  ruleTime,
} from './state.js';
import { subscriberRef } from './wire.js';

/** Rule reports opens, clicks and bounces as they happen; the fake sends nothing, so they stay 0. */
export function emptyStatistics(): FakeCampaign['statistics'] {
  return {
    open: { unique: 0, total: 0 },
    click: { unique: 0, total: 0 },
    browser: { unique: 0, total: 0 },
    bounced: { hard: 0, soft: 0 },
    unsubscribed: { user: 0, spam: 0 },
  };
}

/** Sends: members of the included tags and segments, minus the excluded, the blocked, the suppressed and the unreachable. */
export function deliver(state: RuleFakeState, campaign: FakeCampaign, now: number) {
  const members = (r: FakeCampaignRecipient, kind: 'tags' | 'segments') =>
    kind === 'tags'
      ? state.subscribers.filter((s) => s.tags.includes(r.id)).map((s) => s.id)
      : (state.segments.find((s) => s.id === r.id)?.subscriber_ids ?? []);
  const included = new Set<number>();
  const excluded = new Set<number>();
  for (const kind of ['tags', 'segments'] as const) {
    for (const r of campaign.recipients[kind])
      for (const id of members(r, kind)) (r.negative ? excluded : included).add(id);
  }
  const suppressed = new Set(
    state.suppressions
      .filter((s) => matches(s, { dispatcher_type: 'campaign', message_type: campaign.type }))
      .map((s) => s.subscriber_id),
  );
  campaign.sent_to = state.subscribers
    .filter(
      (s) =>
        included.has(s.id) &&
        !excluded.has(s.id) &&
        !suppressed.has(s.id) &&
        s.status === 'ACTIVE' &&
        s.opted_in &&
        (campaign.type === 'email' ? s.email !== null : s.phone_number !== null),
    )
    .map((s) => s.id);
  campaign.status = 'sent';
  campaign.sent_at = ruleTime(now);
}

/** Sends scheduled campaigns whose `send_at` (Stockholm time) has come; run before every request. */
export function deliverDueCampaigns(state: RuleFakeState, now: number) {
  const current = ruleTime(now);
  for (const campaign of state.campaigns) {
    if (campaign.status === 'scheduled' && campaign.send_at !== null && campaign.send_at <= current) {
      deliver(state, campaign, now);
    }
  }
}

const REQUIRED = 'Attribute is required';
const DATE_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

type RecipientInput = { identifier?: unknown; negative?: unknown };

/** Tags and segments by id or name; an unknown one → 404. */
function recipients(
  state: RuleFakeState,
  input: unknown,
  kind: 'tags' | 'segments',
): FakeCampaignRecipient[] {
  const items = ((input ?? {}) as Record<string, unknown>)[kind];
  return (Array.isArray(items) ? (items as RecipientInput[]) : []).map(({ identifier, negative }) => {
    const found = byIdOrName<{ id: number; name: string }>(state[kind], String(identifier));
    if (!found) {
      return kind === 'tags'
        ? fail(404, 'TagNotFound', 'Could not find tag.')
        : fail(404, 'NotFound', 'Could not find segment.');
    }
    return { id: found.id, name: found.name, negative: negative === true };
  });
}

/** Email content: base64 `{plain, html}` (stored decoded) or template blocks; SMS: a string. */
function content(type: MessageType, value: unknown, issues: Record<string, string[]>): unknown {
  if (value === undefined || type === 'text_message' || Array.isArray(value)) {
    if (type === 'text_message' && value !== undefined && typeof value !== 'string')
      issues.content = ['Attribute must be a string'];
    return value ?? null;
  }
  const { plain, html } = (value ?? {}) as { plain?: unknown; html?: unknown };
  const decoded = { plain: fromBase64(plain), html: fromBase64(html) };
  if (decoded.plain === undefined || decoded.html === undefined) {
    issues.content = ['Attribute must hold base64 encoded plain and html'];
    return null;
  }
  return decoded;
}

/** A campaign request checked as Rule does (400 ValidationError with a field → messages map). */
function readCampaign({ fields: body, state, now }: RuleCall, mode: 'draft' | 'send' | 'schedule') {
  const from = (body.from ?? {}) as { name?: unknown; email?: unknown };
  const issues: Record<string, string[]> = {};
  const type = body.message_type;
  if (typeof body.subject !== 'string' || body.subject.trim() === '') issues.subject = [REQUIRED];
  if (typeof from.name !== 'string' || from.name === '') issues['from.name'] = [REQUIRED];
  if (!isMessageType(type)) issues.message_type = ['Attribute must be email or text_message'];
  if (type === 'email' && (typeof from.email !== 'string' || from.email === ''))
    issues['from.email'] = [REQUIRED];
  const stored = content(type === 'text_message' ? 'text_message' : 'email', body.content, issues);
  const r = (body.recipients ?? {}) as { tags?: unknown[]; segments?: unknown[] };
  if (mode !== 'draft' && (r.tags?.length ?? 0) + (r.segments?.length ?? 0) === 0)
    issues.recipients = [REQUIRED];
  if (mode === 'schedule' && (typeof body.send_at !== 'string' || !DATE_TIME.test(body.send_at))) {
    issues.send_at = ['Attribute must be a date in the format YYYY-MM-DD HH:MM:SS'];
  }
  if (Object.keys(issues).length > 0) fail(400, 'ValidationError', issues);
  const templateId = body.email_template_id;
  if (templateId != null && !state.templates.some((t) => t.id === Number(templateId))) {
    fail(404, 'TemplateNotFound', 'Could not find email template.');
  }
  const chosen = {
    tags: recipients(state, body.recipients, 'tags'),
    segments: recipients(state, body.recipients, 'segments'),
  };
  const campaign: FakeCampaign = {
    id: nextId(state, 'campaign'),
    name: String(body.subject),
    subject: String(body.subject),
    type: type as MessageType,
    status: 'draft',
    from: { name: String(from.name), ...(typeof from.email === 'string' ? { email: from.email } : {}) },
    language: typeof body.language === 'string' ? body.language : null,
    email_template_id: templateId == null ? null : Number(templateId),
    content: stored,
    created_at: ruleTime(now),
    send_at: mode === 'schedule' ? String(body.send_at) : null,
    sent_at: null,
    recipients: chosen,
    sent_to: [],
    statistics: emptyStatistics(),
  };
  state.campaigns.push(campaign);
  return campaign;
}

const listItem = (c: FakeCampaign) => ({
  id: c.id,
  name: c.name,
  ...(c.sent_at ? { sent_at: c.sent_at } : {}),
  created_at: c.created_at,
  status: c.status,
  type: c.type,
});

function campaignWire(state: RuleFakeState, c: FakeCampaign) {
  return {
    ...listItem(c),
    email_template_id: c.email_template_id,
    recipients: {
      tags: c.recipients.tags.map((r) => ({ ...r })),
      segments: c.recipients.segments.map((r) => ({ ...r })),
      subscribers: c.sent_to.flatMap((id) => subscriberRef(state.subscribers.find((s) => s.id === id)) ?? []),
    },
  };
}

function campaignFromPath({ params, state }: RuleCall): FakeCampaign {
  const campaign = state.campaigns.find((c) => String(c.id) === params.id);
  return campaign ?? fail(404, 'CampaignNotFound', 'Could not find campaign.');
}

/** #28: filters `type` (1 email, 2 SMS), `created_from|to`, `sent_from|to` (`YYYY-MM-DD`, inclusive). */
function list(call: RuleCall) {
  const { query: q, state } = call;
  const type = { '1': 'email', '2': 'text_message' }[q.get('type') ?? ''] ?? q.get('type');
  const inRange = (value: string | null, from: string | null, to: string | null) =>
    (from === null || (value !== null && value.slice(0, 10) >= from)) &&
    (to === null || (value !== null && value.slice(0, 10) <= to));
  const campaigns = state.campaigns.filter(
    (c) =>
      (type === null || c.type === type) &&
      inRange(c.created_at, q.get('created_from'), q.get('created_to')) &&
      inRange(c.sent_at, q.get('sent_from'), q.get('sent_to')),
  );
  return paginate(call, campaigns, 'campaigns', listItem);
}

function dispatch(mode: 'send' | 'schedule') {
  return (call: RuleCall) => {
    const campaign = readCampaign(call, mode);
    if (mode === 'send') deliver(call.state, campaign, call.now);
    else campaign.status = 'scheduled';
    return { success: true, campaign_id: campaign.id };
  };
}

export const campaignRoutes = [
  v2('GET', 'campaigns', list),
  v2('POST', 'campaigns', (call) => campaignWire(call.state, readCampaign(call, 'draft'))),
  v2('POST', 'campaigns/send', dispatch('send')),
  v2('POST', 'campaigns/schedule', dispatch('schedule')),
  v2('GET', 'campaigns/:id', (call) => campaignWire(call.state, campaignFromPath(call))),
  v2('GET', 'campaigns/:id/statistics', (call) => {
    const c = campaignFromPath(call);
    return { sent: c.sent_to.length, name: c.name, sent_at: c.sent_at, ...structuredClone(c.statistics) };
  }),
  v2('DELETE', 'campaign/:id', (call) => {
    const { state } = call;
    const campaign = campaignFromPath(call);
    state.campaigns = state.campaigns.filter((c) => c !== campaign);
    return SUCCESS;
  }),
];
