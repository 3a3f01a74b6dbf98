import * as z from 'zod/mini';
import { refineField } from '../../internal/refine-field.js';
import { bytesToBase64, encodeBase64 } from '../../internal/runtime.js';
import {
  zAttachment,
  zEmailContent,
  zEmailRecipient,
  zEmailTemplateTransaction,
  zEmailTransaction,
  zSender,
  zTextMessageTransaction,
} from '../generated/v2/zod.gen.js';
import { emailCheck, nonEmpty, phoneNumberCheck, positiveIdCheck } from './common.js';

const MAX_ATTACHMENT_BYTES = 50 * 1024;
// Whole base64 groups only: a truncated string cannot be decoded.
const DATA_URI =
  /^data:application\/pdf;base64,((?:[A-Za-z0-9+/]{4})+(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?)$/;

/** `from` of an e-mail: a sender name and an address. */
export const emailSender = z.extend(zSender, {
  name: zSender.shape.name.check(nonEmpty),
  email: zSender.shape.email.def.innerType.check(emailCheck),
});

/** Your own bodies as text: the SDK base64-encodes both (UTF-8 safe), as Rule wants them. */
export const emailContent = z.pipe(
  zEmailContent,
  z.transform(({ plain, html }) => ({ plain: encodeBase64(plain), html: encodeBase64(html) })),
);

/** The PDF as bytes or a `data:application/pdf;base64,…` URI; checked (PDF, at most 50 KB) and sent as the URI. */
const attachment = z.pipe(
  z.extend(zAttachment, { file: z.union([z.instanceof(Uint8Array), zAttachment.shape.file]) }),
  z.transform(({ name, file }, ctx) => {
    const fail = (message: string) => {
      ctx.issues.push({ code: 'custom', message, input: file });
      return z.NEVER;
    };
    if (!/\.pdf$/i.test(name)) return fail('attachment must be a PDF (name ending in .pdf)');
    const match = typeof file === 'string' ? DATA_URI.exec(file) : undefined;
    if (match === null)
      return fail('attachment.file must be bytes or a whole data:application/pdf;base64,… URI');
    const base64 = match ? match[1]! : bytesToBase64(file as Uint8Array);
    const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
    const bytes = Math.floor((base64.length * 3) / 4) - padding;
    if (bytes > MAX_ATTACHMENT_BYTES) {
      return fail(`attachment is ${bytes} bytes; Rule accepts at most ${MAX_ATTACHMENT_BYTES}`);
    }
    if (!atob(base64.slice(0, 8)).startsWith('%PDF'))
      return fail('attachment.file is not a PDF (no %PDF header)');
    return { name, file: `data:application/pdf;base64,${base64}` };
  }),
);

/** The parts both kinds of e-mail share, over the generated e-mail transaction. */
const email = {
  type: zEmailTransaction.shape.transaction_type,
  subject: zEmailTransaction.shape.subject.check(nonEmpty),
  from: emailSender,
  // Rule rejects an empty or null name: it must be absent or a real name.
  to: z.extend(zEmailRecipient, { email: zEmailRecipient.shape.email.check(emailCheck) }),
  attachment: z.optional(attachment),
};

/** An e-mail with your own HTML and plain-text bodies. */
const emailTransaction = z.extend(z.omit(zEmailTransaction, { transaction_type: true }), {
  ...email,
  content: emailContent,
});

/** An e-mail built from a custom template (set up by Rule support) and block content. */
const templateEmailTransaction = z.extend(z.omit(zEmailTemplateTransaction, { transaction_type: true }), {
  ...email,
  template_id: zEmailTemplateTransaction.shape.template_id.check(positiveIdCheck),
});

/** A text message; costs 0.40 SEK per SMS. `from.name` is the sender name. */
const textMessageTransaction = z.extend(z.omit(zTextMessageTransaction, { transaction_type: true }), {
  type: zTextMessageTransaction.shape.transaction_type,
  from: z.extend(zSender, { name: zSender.shape.name.check(nonEmpty) }),
  to: z.extend(zTextMessageTransaction.shape.to, {
    phone_number: refineField(zTextMessageTransaction.shape.to.shape.phone_number, phoneNumberCheck),
  }),
  content: zTextMessageTransaction.shape.content.check(nonEmpty),
});

/**
 * A transactional message as the SDK takes it: Rule's `TransactionRequest` with `type` for `transaction_type`,
 * e-mail bodies as text and an attachment as bytes or a data URI. Its output is Rule's wire body.
 */
const transactions = z.union([emailTransaction, templateEmailTransaction, textMessageTransaction]);
export const transactionInput = z.pipe(
  transactions,
  z.transform(({ type, ...rest }: z.output<typeof transactions>) => ({ transaction_type: type, ...rest })),
);

export type EmailTransaction = z.input<typeof emailTransaction>;
export type TemplateEmailTransaction = z.input<typeof templateEmailTransaction>;
export type TextMessageTransaction = z.input<typeof textMessageTransaction>;
export type TransactionInput = z.input<typeof transactionInput>;
export type Attachment = z.input<typeof attachment>;
