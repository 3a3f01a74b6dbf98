import * as z from 'zod/mini';
import { RequestValidationError } from '../../core/errors/request-validation-error.js';
import { bytesToBase64, encodeBase64 } from '../../core/runtime.js';
import { emailSchema, phoneNumberSchema } from './common.js';

/** A PDF to attach: raw bytes, or a `data:application/pdf;base64,…` URI. Rule accepts PDFs up to 50 KB. */
export interface Attachment {
  name: string;
  file: Uint8Array | string;
}

interface EmailBase {
  type: 'email';
  /** Used by Rule for reporting. */
  transaction_name?: string;
  subject: string;
  from: { name: string; email: string };
  to: { email: string; name?: string };
  attachment?: Attachment;
}

/** An email with your own HTML and plain-text bodies (the SDK base64-encodes them, UTF-8 safe). */
export interface EmailTransaction extends EmailBase {
  content: { html: string; plain: string };
}

/** An email built from a custom template (set up by Rule support) and block content. */
export interface TemplateEmailTransaction extends EmailBase {
  template_id: number;
  content: Array<{
    block_id: string;
    block_content: Array<{ title?: string; body?: string; image?: string; url?: string }>;
  }>;
}

/** A text message; costs 0.40 SEK per SMS. */
export interface TextMessageTransaction {
  type: 'text_message';
  transaction_name?: string;
  from: { name: string };
  to: { phone_number: string };
  content: string;
}

export type TransactionInput = EmailTransaction | TemplateEmailTransaction | TextMessageTransaction;

const MAX_ATTACHMENT_BYTES = 50 * 1024;
// Whole base64 groups only: a truncated string cannot be decoded.
const DATA_URI =
  /^data:application\/pdf;base64,((?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/;

const nonEmpty = (what: string) => z.string().check(z.minLength(1, `${what} cannot be empty`));

const emailBase = {
  type: z.literal('email'),
  transaction_name: z.optional(z.string()),
  subject: nonEmpty('subject'),
  from: z.strictObject({ name: nonEmpty('from.name'), email: emailSchema }),
  // Rule rejects an empty or null name: it must be absent or a real name.
  to: z.strictObject({ email: emailSchema, name: z.optional(nonEmpty('to.name')) }),
  attachment: z.optional(
    z.strictObject({ name: z.string(), file: z.union([z.instanceof(Uint8Array), z.string()]) }),
  ),
};

export const transactionInputSchema = z.union([
  z.strictObject({ ...emailBase, content: z.strictObject({ html: z.string(), plain: z.string() }) }),
  z.strictObject({
    ...emailBase,
    template_id: z.int().check(z.positive()),
    content: z.array(
      z.strictObject({
        block_id: z.string(),
        block_content: z.array(
          z.strictObject({
            title: z.optional(z.string()),
            body: z.optional(z.string()),
            image: z.optional(z.string()),
            url: z.optional(z.string()),
          }),
        ),
      }),
    ),
  }),
  z.strictObject({
    type: z.literal('text_message'),
    transaction_name: z.optional(z.string()),
    from: z.strictObject({ name: nonEmpty('from.name') }),
    to: z.strictObject({ phone_number: phoneNumberSchema }),
    content: nonEmpty('content'),
  }),
]);

function attachmentFile(attachment: Attachment): string {
  const fail = (message: string) =>
    new RequestValidationError([{ message, path: ['attachment'] }], 'transaction');
  if (!/\.pdf$/i.test(attachment.name)) throw fail('attachment must be a PDF (name ending in .pdf)');
  let base64: string;
  if (typeof attachment.file === 'string') {
    const match = DATA_URI.exec(attachment.file);
    if (!match) throw fail('attachment.file must be bytes or a data:application/pdf;base64,… URI');
    base64 = match[1]!;
  } else {
    base64 = bytesToBase64(attachment.file);
  }
  const bytes =
    Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
  if (bytes > MAX_ATTACHMENT_BYTES)
    throw fail(`attachment is ${bytes} bytes; Rule accepts at most ${MAX_ATTACHMENT_BYTES}`);
  if (!atob(base64.slice(0, 8)).startsWith('%PDF'))
    throw fail('attachment.file is not a PDF (no %PDF header)');
  return `data:application/pdf;base64,${base64}`;
}

/** The body of POST /transactionals for a validated input. */
export function toWireTransaction(input: TransactionInput): Record<string, unknown> {
  const { type, ...rest } = input;
  const wire: Record<string, unknown> = { transaction_type: type, ...rest };
  if (type === 'email' && 'attachment' in input && input.attachment) {
    wire.attachment = { name: input.attachment.name, file: attachmentFile(input.attachment) };
  }
  if (type === 'email' && !('template_id' in input)) {
    const { html, plain } = (input as EmailTransaction).content;
    wire.content = { html: encodeBase64(html), plain: encodeBase64(plain) };
  }
  return wire;
}
