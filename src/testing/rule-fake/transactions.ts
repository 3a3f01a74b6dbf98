import { matches } from '../kernel/listing.js';
import { BASE64, fromBase64 } from './base64.js';
import { fail, isMessageType, type RuleCall, v2 } from './call.js';
import { findSubscriber } from './lookups.js';
import { type FakeTransaction, type MessageType, nextId, ruleTime } from './state.js';

const MAX_ATTACHMENT_BYTES = 50 * 1024;
const REQUIRED = 'Attribute is required.';

type Issues = Array<Record<string, string[]>>;

const isText = (value: unknown): value is string => typeof value === 'string' && value.trim() !== '';

function base64Text(value: unknown, field: string, issues: Issues): string {
  const decoded = fromBase64(value);
  if (decoded !== undefined) return decoded;
  issues.push({ [field]: [typeof value === 'string' ? 'Attribute must be base64 encoded.' : REQUIRED] });
  return '';
}

/** Bytes of a `data:application/pdf;base64,…` attachment, or an issue. */
function attachmentBytes(attachment: unknown, issues: Issues): number {
  const { name, file } = (attachment ?? {}) as { name?: unknown; file?: unknown };
  const base64 =
    typeof file === 'string' ? /^data:application\/pdf;base64,(.*)$/s.exec(file)?.[1] : undefined;
  if (!isText(name) || !/\.pdf$/i.test(name) || base64 === undefined || !BASE64.test(base64)) {
    issues.push({ attachment: ['The attachment must be a PDF file as a base64 data URI.'] });
    return 0;
  }
  const bytes = (base64.length / 4) * 3 - (base64.match(/=*$/)?.[0].length ?? 0);
  if (bytes > MAX_ATTACHMENT_BYTES)
    issues.push({ attachment: ['The attachment may not be greater than 50 kilobytes.'] });
  return bytes;
}

/** A known recipient must be reachable: not suppressed for transactionals of this type, opted in, not blocked. */
function checkRecipient(
  { state }: RuleCall,
  type: MessageType,
  to: { email?: unknown; phone_number?: unknown },
) {
  const by = type === 'email' ? 'email' : 'phone_number';
  const subscriber = findSubscriber(state, String(to[by]), by);
  if (!subscriber) return;
  const kind = type === 'email' ? 'email' : 'text message';
  const wanted = { subscriber_id: subscriber.id, dispatcher_type: 'transactional', message_type: type };
  if (state.suppressions.some((s) => matches(s, wanted))) {
    fail(400, 'SuppressedSubscriber', `Subscriber is suppressed and will not receive ${kind} transactions.`);
  }
  if (!subscriber.opted_in || subscriber.status === 'BLOCKED') {
    fail(400, 'InactiveSubscriber', `Subscriber has not opted in and will not receive ${kind} transactions.`);
  }
}

/** #18 `POST /transactionals`: checks the message as Rule does and records it in `state.transactions`. */
function send(call: RuleCall) {
  const { state, now, fields: body } = call;
  const type = body.transaction_type;
  if (!isMessageType(type)) {
    fail(400, 'BadTransactionType', 'Valid transaction types are email or text_message.');
  }
  const from = (body.from ?? {}) as { name?: unknown; email?: unknown };
  const to = (body.to ?? {}) as { name?: unknown; email?: unknown; phone_number?: unknown };
  const issues: Issues = [];
  const require = (value: unknown, field: string) => {
    if (!isText(value)) issues.push({ [field]: [REQUIRED] });
  };
  require(from.name, 'from.name');
  const record: FakeTransaction = {
    id: 0,
    type,
    name: typeof body.transaction_name === 'string' ? body.transaction_name : null,
    subject: null,
    from: { name: String(from.name) },
    to: {},
    created_at: ruleTime(now),
  };
  if (type === 'text_message') {
    require(to.phone_number, 'to.phone_number');
    require(body.content, 'content');
    record.to = { phone_number: String(to.phone_number) };
    record.text = String(body.content);
  } else {
    require(body.subject, 'subject');
    require(from.email, 'from.email');
    require(to.email, 'to.email');
    if (to.name !== undefined && !isText(to.name))
      issues.push({ 'to.name': ['Attribute must be a non-empty string.'] });
    record.subject = String(body.subject);
    record.from.email = String(from.email);
    record.to = { email: String(to.email), ...(isText(to.name) ? { name: to.name } : {}) };
    if (body.template_id !== undefined) {
      const template =
        state.templates.find((t) => t.id === Number(body.template_id)) ??
        fail(404, 'TemplateNotFound', 'Could not find email template.');
      const blocks = Array.isArray(body.content)
        ? (body.content as Array<{ block_id?: unknown }>)
        : undefined;
      if (!blocks || blocks.some((b) => !template.blocks.includes(String(b?.block_id)))) {
        issues.push({
          content: [`Blocks must be among the template's blocks: ${template.blocks.join(', ')}.`],
        });
      }
      record.template_id = template.id;
      record.blocks = blocks ?? [];
    } else {
      const content = (body.content ?? {}) as { html?: unknown; plain?: unknown };
      record.html = base64Text(content.html, 'content.html', issues);
      record.plain = base64Text(content.plain, 'content.plain', issues);
    }
    if (body.attachment !== undefined) {
      const name = String((body.attachment as { name?: unknown }).name);
      record.attachment = { name, bytes: attachmentBytes(body.attachment, issues) };
    }
  }
  if (issues.length > 0) fail(400, 'ValidationError', issues);
  checkRecipient(call, type, to);
  record.id = nextId(state, 'transaction');
  state.transactions.push(record);
  return { transaction_id: record.id };
}

export const transactionRoutes = [v2('POST', 'transactionals', send)];
