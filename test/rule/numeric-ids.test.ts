import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ResponseValidationError } from '../../src/core/errors/index.js';
import { RuleClient } from '../../src/rule/client.js';
import { zIdLike } from '../../src/rule/generated/v2/zod.gen.js';
import { idReader, withNumericIds } from '../../src/rule/numeric-ids.js';

const tag = z.looseObject({ id: zIdLike, name: z.string() });
const schema = z.looseObject({
  id: zIdLike,
  subscribers: z.array(
    z.looseObject({
      id: zIdLike,
      tags: z.optional(z.array(tag)),
      suppressed: z.optional(z.union([z.boolean(), z.array(z.looseObject({ subscriber_id: zIdLike }))])),
      account: z.optional(z.looseObject({ id: z.string() })),
      fields: z.optional(z.array(z.looseObject({ key: z.string(), value: z.unknown() }))),
    }),
  ),
  by_name: z.optional(z.record(z.string(), tag)),
  template_id: z.nullish(zIdLike),
});
const read = idReader(schema);

describe('idReader: ids where the schema types them', () => {
  it('turns digit-string ids into numbers in objects, arrays, unions and records', () => {
    const body = {
      id: '7',
      subscribers: [{ id: '1', tags: [{ id: '12', name: '34' }], suppressed: [{ subscriber_id: '9' }] }],
      by_name: { vip: { id: '5', name: 'VIP' } },
      template_id: null,
    };
    expect(read(body)).toEqual({
      value: {
        id: 7,
        subscribers: [{ id: 1, tags: [{ id: 12, name: '34' }], suppressed: [{ subscriber_id: 9 }] }],
        by_name: { vip: { id: 5, name: 'VIP' } },
        template_id: null,
      },
    });
  });

  it('leaves what the schema does not type as a numeric id: string ids, names, user data, unknown keys', () => {
    const body = {
      id: 3,
      subscribers: [
        {
          id: 4,
          account: { id: '0012' },
          fields: [{ key: 'Order.Json', value: { order_id: '0012', nested: [{ id: '-1' }] } }],
          extra_id: '0042',
        },
      ],
    };
    const result = read(body) as { value: unknown };
    expect(result).toEqual({ value: body });
    expect(result.value).toBe(body);
  });

  it('copies what changes and shares what does not, never touching the input', () => {
    const untouched = { id: 2, name: 'kept' };
    const changed = { id: '3', name: 'x' };
    const body = { id: 1, subscribers: [{ id: 1, tags: [untouched, changed] }] };
    const out = (read(body) as { value: typeof body }).value;
    expect(out).not.toBe(body);
    expect(out.subscribers[0]!.tags[0]).toBe(untouched);
    expect(out.subscribers[0]!.tags[1]).toEqual({ id: 3, name: 'x' });
    expect(changed).toEqual({ id: '3', name: 'x' });
  });

  it('keeps ids up to Number.MAX_SAFE_INTEGER, 16 digits included', () => {
    expect(read({ id: '9007199254740991', subscribers: [] })).toEqual({
      value: { id: 9_007_199_254_740_991, subscribers: [] },
    });
  });

  it.each([
    ['a digit string beyond Number.MAX_SAFE_INTEGER', '9007199254740993', /beyond Number.MAX_SAFE_INTEGER/],
    ['a 20-digit string', '12345678901234567890', /beyond Number.MAX_SAFE_INTEGER/],
    ['a negative number', -5, /negative/],
  ])('refuses %s as an issue at its path, never a string typed number', (_, id, message) => {
    const result = read({ id: 1, subscribers: [{ id: 2, tags: [{ id, name: 'n' }] }] });
    expect(result.issues).toHaveLength(1);
    expect(result.issues![0]!.message).toMatch(message);
    expect(result.issues![0]!.path).toEqual(['subscribers', 0, 'tags', 0, 'id']);
  });

  it('does not walk user data, however deep it nests', () => {
    let deep: unknown = { id: '1' };
    for (let i = 0; i < 100_000; i++) deep = { order_id: '2', inner: [deep] };
    const body = { id: '1', subscribers: [{ id: '2', fields: [{ key: 'Deep.Json', value: deep }] }] };
    const out = (read(body) as { value: { subscribers: [{ fields: [{ value: unknown }] }] } }).value;
    expect(out.subscribers[0].fields[0].value).toBe(deep);
  });
});

describe('withNumericIds through a client', () => {
  const list = withNumericIds(schema);

  it('a 16+ digit id is a ResponseValidationError from .safe(), not a string typed number', async () => {
    const result = await list['~standard'].validate({ id: '12345678901234567890', subscribers: [] });
    expect(result.issues?.[0]?.message).toMatch(/beyond Number.MAX_SAFE_INTEGER/);
  });

  /** Answers every call with `text`, written out by hand: JSON.stringify itself recurses. */
  function ruleAnswering(text: string) {
    const fetch = async () => new Response(text, { headers: { 'content-type': 'application/json' } });
    return new RuleClient({ apiKey: 'rule-ids-key', fetch, rateLimit: false, maxRetries: 0 });
  }

  it('subscribers.get refuses an id beyond Number.MAX_SAFE_INTEGER and a negative id', async () => {
    for (const id of ['12345678901234567', -3]) {
      const rule = ruleAnswering(JSON.stringify({ subscriber: { id, email: 'ada@example.com' } }));
      const result = await rule.subscribers.get({ email: 'ada@example.com' }).safe();
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error).toBeInstanceOf(ResponseValidationError);
        expect((result.error as ResponseValidationError).issues[0]!.path).toEqual(['subscriber', 'id']);
      }
    }
  });

  it('a 2xx body nested 5,000 levels resolves through .safe() instead of a RangeError', async () => {
    const deep = `${'{"id":"1","subscriber_id":"2","deeper":['.repeat(5_000)}"bottom"${']}'.repeat(5_000)}`;
    const rule = ruleAnswering(`{"subscriber": {"id": "42", "email": "ada@example.com", "extra": ${deep}}}`);
    const result = await rule.subscribers.get({ email: 'ada@example.com' }).safe();
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.data.id).toBe(42);
  });

  it('a 2xx body of the wrong shape nested 5,000 levels is a ResponseValidationError', async () => {
    const deep = `${'['.repeat(5_000)}"bottom"${']'.repeat(5_000)}`;
    const result = await ruleAnswering(`{"subscriber": ${deep}}`)
      .subscribers.get({ email: 'ada@example.com' })
      .safe();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toBeInstanceOf(ResponseValidationError);
  });
});
