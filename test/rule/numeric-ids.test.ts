import { describe, expect, it } from 'vitest';
import { coerceIds } from '../../src/rule/numeric-ids.js';

describe('coerceIds', () => {
  it('turns digit-string ids into numbers at any depth, in objects and arrays', () => {
    const body = {
      id: '7',
      subscribers: [{ id: '1', tags: [{ id: '12', name: '34' }], suppressed: [{ subscriber_id: '9' }] }],
    };
    expect(coerceIds(body)).toEqual({
      id: 7,
      subscribers: [{ id: 1, tags: [{ id: 12, name: '34' }], suppressed: [{ subscriber_id: 9 }] }],
    });
  });

  it('leaves other keys, non-digit ids, over-long digit strings and plain values alone', () => {
    const body = {
      id: 'rule_01',
      name: '42',
      code: ['1', '2'],
      big_id: '1234567890123456',
      n: 3,
      none: null,
    };
    expect(coerceIds(body)).toBe(body);
    expect(coerceIds('5')).toBe('5');
    expect(coerceIds(null)).toBe(null);
  });

  it('copies what changes and shares what does not, never touching the input', () => {
    const untouched = { id: 2, name: 'kept' };
    const changed = { id: '3' };
    const body = { items: [untouched, changed] };
    const out = coerceIds(body) as { items: unknown[] };
    expect(out).not.toBe(body);
    expect(out.items[0]).toBe(untouched);
    expect(out.items[1]).toEqual({ id: 3 });
    expect(changed).toEqual({ id: '3' });
  });
});
