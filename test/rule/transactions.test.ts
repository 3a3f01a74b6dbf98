import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { TransactionInput } from '../../src/rule/input/transaction.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();

const fromBase64 = (b64: string) => Buffer.from(b64, 'base64');
/** The documented attachment: the start of a PDF as a data URI. */
const documentedPdf = (
  ruleV2.request('sendTransaction', 'emailTransaction') as { attachment: { file: string } }
).attachment.file;

const passwordReset = {
  type: 'email',
  transaction_name: 'Password reset',
  subject: 'Password reset',
  from: { name: 'Rule', email: 'no-reply@example.com' },
  to: { name: 'John Doe', email: 'john@example.com' },
} as const;

const email: TransactionInput = {
  ...passwordReset,
  content: { html: '<p>Password reset</p>', plain: 'Password reset' },
  attachment: { name: 'test.pdf', file: documentedPdf },
};

const templated: TransactionInput = {
  ...passwordReset,
  template_id: 1,
  content: [
    {
      block_id: 'one_column',
      block_content: [
        {
          title: 'Title number one',
          body: 'Lorem ipsum dolor sit amet, consectetur adipiscing elit.',
          image: 'http://example.com/one.jpg',
          url: 'http://example.com/one',
        },
      ],
    },
  ],
};

const text: TransactionInput = {
  type: 'text_message',
  from: { name: 'Rule' },
  to: { phone_number: '+46123456789' },
  content: 'Hello, world!',
};

/** Sends `input` against the documented 200 and returns the one request Rule received. */
async function sent(input: TransactionInput) {
  answer('sendTransaction');
  await expect(rule.transactions.send(input)).resolves.toEqual({ transaction_id: 1 });
  expect(seen).toHaveLength(1);
  expect(seen[0]!.method).toBe('POST');
  expect(seen[0]!.url.href).toBe('https://app.rule.io/api/v2/transactionals');
  expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  return seen[0]!.body as Record<string, unknown> & { content: { html: string; plain: string } };
}

describe('transactions.send — POST /transactionals', () => {
  it.each([
    ['emailTransaction', email],
    ['emailWithTemplateTransaction', templated],
    ['textMessageTransaction', text],
  ])('builds the documented %s body', async (example, input) => {
    expect(await sent(input)).toEqual(ruleV2.request('sendTransaction', example));
  });

  it('base64-encodes attachment bytes into the documented data URI', async () => {
    const bytes = new Uint8Array(fromBase64(documentedPdf.split(',')[1]!));
    const body = await sent({ ...email, attachment: { name: 'test.pdf', file: bytes } });
    expect(body).toEqual(ruleV2.request('sendTransaction', 'emailTransaction'));
  });

  it('encodes html and plain as UTF-8 base64 that decodes back exactly', async () => {
    const html = '<p>Hej å ä ö 😀</p>';
    const { content } = await sent({
      ...email,
      attachment: undefined,
      content: { html, plain: 'Hej å ä ö 😀' },
    });
    expect(fromBase64(content.html).toString('utf8')).toBe(html);
    expect(fromBase64(content.plain).toString('utf8')).toBe('Hej å ä ö 😀');
    expect(content.html).toBe(Buffer.from(html, 'utf8').toString('base64'));
  });

  it('parses the documented 200 and coerces a digit-string transaction_id', async () => {
    expect(ruleV2.response('sendTransaction', '200', 'docs')).toEqual({ transaction_id: 1 });
    answer('sendTransaction', { body: { transaction_id: '42' } });
    await expect(rule.transactions.send(text)).resolves.toEqual({ transaction_id: 42 });
  });

  it('keeps the array-of-maps ValidationError message in the error body', async () => {
    answer('sendTransaction', { status: 400, example: 'ValidationError' });
    const result = await rule.transactions.send(email).safe();
    expect(result.ok).toBe(false);
    if (result.ok || result.error.code !== 'ValidationError') throw new Error('expected a ValidationError');
    expect(result.error.message).toContain('from.email');
    expect(result.error).toMatchObject({ body: { message: [{ 'from.email': ['Attribute is required.'] }] } });
  });
});

describe('transactions.send input validation (nothing is sent)', () => {
  it.each([
    ['an unknown type', 'push', "type must be 'email' or 'text_message'"],
    ['no type', undefined, "type is required ('email' or 'text_message')"],
  ])('names the transaction types for %s', async (_, type, message) => {
    const error = await rule.transactions.send({ ...text, type } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(`transactions.send: ${message}`);
    expect(seen).toHaveLength(0);
  });

  const pdf = (size: number, header = '%PDF-1.4') => {
    const bytes = new Uint8Array(size);
    bytes.set(new TextEncoder().encode(header));
    return bytes;
  };

  it.each<[string, unknown]>([
    ['an empty subject', { ...email, subject: '' }],
    ['an invalid recipient email', { ...email, to: { email: 'john@' } }],
    ['an invalid sender email', { ...email, from: { name: 'Rule', email: 'no-reply' } }],
    ['an empty recipient name', { ...email, to: { name: '', email: 'john@example.com' } }],
    ['a phone number without +', { ...text, to: { phone_number: '0701234567' } }],
    ['an empty text message', { ...text, content: '' }],
    ['an unknown transaction type', { ...text, type: 'push' }],
    ['a template transaction without block content', { ...templated, content: undefined }],
    ['an attachment over 50 KB', { ...email, attachment: { name: 'big.pdf', file: pdf(50 * 1024 + 1) } }],
    ['an attachment that is not named .pdf', { ...email, attachment: { name: 'a.txt', file: pdf(10) } }],
    [
      'attachment bytes without a PDF header',
      { ...email, attachment: { name: 'a.pdf', file: pdf(10, 'PK') } },
    ],
    [
      'an attachment data URI of another type',
      { ...email, attachment: { name: 'a.pdf', file: 'data:text/plain;base64,JVBERi0x' } },
    ],
  ])('rejects %s', async (_, input) => {
    answer('sendTransaction');
    const error = await rule.transactions.send(input as TransactionInput).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it('accepts an attachment of exactly 50 KB', async () => {
    await sent({ ...email, attachment: { name: 'edge.pdf', file: pdf(50 * 1024) } });
  });
});
