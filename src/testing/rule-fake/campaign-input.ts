import { fromBase64 } from './base64.js';
import type { RuleCall } from './call.js';
import { emptyStatistics } from './campaign-delivery.js';
import { tagById, tagByName } from './lookups.js';
import { fail } from './replies.js';
import {
  type FakeCampaign,
  type FakeCampaignRecipient,
  type MessageType,
  nextId,
  type RuleFakeState,
  ruleTime,
} from './state.js';

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
    const value = String(identifier);
    const byId = /^\d+$/.test(value);
    const found =
      kind === 'tags'
        ? byId
          ? tagById(state, Number(value))
          : tagByName(state, value)
        : state.segments.find((s) =>
            byId ? s.id === Number(value) : s.name.toLowerCase() === value.toLowerCase(),
          );
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
export function readCampaign({ fields: body, state, now }: RuleCall, mode: 'draft' | 'send' | 'schedule') {
  const from = (body.from ?? {}) as { name?: unknown; email?: unknown };
  const issues: Record<string, string[]> = {};
  const type = body.message_type;
  if (typeof body.subject !== 'string' || body.subject.trim() === '') issues.subject = [REQUIRED];
  if (typeof from.name !== 'string' || from.name === '') issues['from.name'] = [REQUIRED];
  if (type !== 'email' && type !== 'text_message')
    issues.message_type = ['Attribute must be email or text_message'];
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
