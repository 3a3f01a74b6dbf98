import { describe, expect, it } from 'vitest';
import type { APIPromise } from '../../src/core/api-promise.js';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// Inputs that once escaped as TypeError, URIError, RangeError or a ConnectionError (the property tests in
// test/property found them); each must now be a RequestValidationError, with nothing sent.

let sent = 0;
const countingFetch: typeof fetch = async () => {
  sent += 1;
  return new Response('{}', { status: 503 });
};
const options = { apiKey: CANARY_KEY, fetch: countingFetch, rateLimit: false as const, maxRetries: 0 };
const rule = new RuleClient(options);
const seq = new SequenceClient(options);
const icr = new ICloudReadyClient(options);

const cyclic: Record<string, unknown> = { a: 1 };
cyclic.self = cyclic;
// Holes, which `map` skips and JSON sends as null.
const sparse = new Array(3) as Array<{ email: string }>;
// biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
const anyArgs = (value: unknown) => value as any;

const cases: Array<[string, () => PromiseLike<unknown> | APIPromise<unknown>]> = [
  ['null per-call options', () => rule.templates.list(anyArgs(null))],
  ['a negative timeout', () => rule.templates.list({ timeout: -1 })],
  ['a NaN timeout', () => seq.accounts.get('acc_1', { timeout: Number.NaN })],
  ['a fractional maxRetries', () => seq.accounts.get('acc_1', { maxRetries: 1.5 })],
  ['a signal that is not an AbortSignal', () => icr.sequences.retrieve('s1', { signal: anyArgs('stop') })],
  ['an invalid header name', () => rule.templates.list({ headers: { 'a b': 'x' } })],
  // An own __proto__ key, as JSON.parse makes it: zod's records skip it, Headers does not.
  ['a header named __proto__', () => rule.templates.list({ headers: JSON.parse('{"__proto__": "\u0100"}') })],
  ['a header value beyond Latin-1', () => seq.accounts.get('acc_1', { headers: { 'x-note': 'Ā' } })],
  [
    'an extra header with a line break',
    () => icr.sequences.retrieve('s1', { extraHeaders: { 'x-a': 'b\r\nc' } }),
  ],
  ['an idempotency key with a line break', () => seq.rules.trigger('rule_1', {}, { idempotencyKey: 'a\nb' })],
  ['a lone surrogate in a path id', () => seq.transfers.get('txr_\uD800')],
  [
    'a lone surrogate in a query value',
    () => rule.request({ method: 'GET', path: 'tags', query: { q: '\uDC00' } }),
  ],
  ['an object as a tag', () => rule.tags.get(anyArgs(Object.create(null)))],
  ['a BigInt in a raw body', () => rule.request({ method: 'POST', path: 'x', body: { n: 1n } })],
  ['a cycle in a raw body', () => icr.sequences.activity.create(anyArgs(cyclic))],
  [
    'a cycle in a json field',
    () =>
      rule.subscribers.create({ subscriber: { email: 'a@b.se', fields: { 'G.F': cyclic } }, tags: ['T'] }),
  ],
  [
    'null field values',
    () => rule.subscribers.create(anyArgs({ subscriber: { email: 'a@b.se', fields: null }, tags: ['T'] })),
  ],
  [
    'an invalid Date field',
    () =>
      rule.subscribers.create({
        subscriber: { email: 'a@b.se', fields: { 'G.F': new Date(Number.NaN) } },
        tags: ['T'],
      }),
  ],
  [
    'a send_at past year 9999',
    () => rule.campaigns.schedule(anyArgs({ send_at: new Date('9999-12-31T23:30:00Z') })),
  ],
  ['null create params', () => rule.subscribers.create(anyArgs(null))],
  ['null schedule params', () => rule.campaigns.schedule(anyArgs(null))],
  ['null list params', () => rule.tags.list(anyArgs(null))],
  ['an unknown list param', () => rule.tags.list(anyArgs({ limit: 5, pgae: 2 }))],
  ['a non-boolean with_count', () => rule.tags.get('VIP', anyArgs({ with_count: 'yes' }))],
  ['an id beyond the safe integers', () => rule.campaigns.get(1e21)],
  ['a sparse array of subscribers', () => rule.subscribers.block(sparse)],
  ['a sparse mass delete', () => rule.subscribers.deleteMany(sparse)],
  ['a string instead of subscribers', () => rule.subscribers.createMany(anyArgs('ada'), { tags: ['T'] })],
  [
    'an onProgress that is not a function',
    () => rule.subscribers.createMany([{ email: 'a@b.se' }], anyArgs({ tags: ['T'], onProgress: 1 })),
  ],
  [
    'createMany options that no call could send',
    () => rule.subscribers.createMany([{ email: 'a@b.se' }], { tags: ['T'] }, anyArgs({ timeout: 0 })),
  ],
  ['an unknown Sequence filter', () => seq.accounts.list(anyArgs({ type: 'pod', constructor: 1 }))],
  ['null wait options', () => seq.transfers.waitUntilSettled('txr_1', anyArgs(null))],
  ['an absolute URL as a raw path', () => seq.request({ method: 'GET', path: 'https://evil.example/x' })],
  ['an unknown raw method', () => icr.request(anyArgs({ method: 'TRACE', path: 'x' }))],
  ['a null raw request', () => icr.request(anyArgs(null))],
];

describe('hostile input is refused before anything is sent', () => {
  it.each(cases)('%s', async (_, call) => {
    sent = 0;
    let promise: PromiseLike<unknown>;
    expect(() => {
      promise = call();
    }).not.toThrow();
    await expect(promise!).rejects.toBeInstanceOf(RequestValidationError);
    expect(sent).toBe(0);
  });

  it('still sends fractional and huge timeouts, as whole and capped timer delays', async () => {
    sent = 0;
    await rule.templates.list({ timeout: 1.5 }).safe();
    await rule.templates.list({ timeout: 1e12, totalTimeout: 1e12 }).safe();
    expect(sent).toBe(2);
  });
});
