import { describe, expect, it, vi } from 'vitest';
import { apiResponse, withData } from '../../src/internal/api-response.js';

describe('apiResponse', () => {
  it('makes the Response on first read only, then hands out that same one', () => {
    const make = vi.fn(() => new Response('{"a":1}'));
    const result = apiResponse({ a: 1 }, { a: 1 }, 'req-1', make);

    expect(make).not.toHaveBeenCalled();
    const first = result.response;
    expect(result.response).toBe(first);
    expect(make).toHaveBeenCalledTimes(1);
    expect(result).toMatchObject({ data: { a: 1 }, body: { a: 1 }, requestId: 'req-1' });
  });

  it('keeps the Response through spreading, destructuring and JSON-free inspection', async () => {
    const result = apiResponse('data', null, undefined, () => new Response('text body'));
    const spread = { ...result };
    const { response } = result;

    expect(Object.keys(result)).toEqual(['data', 'body', 'requestId', 'response']);
    expect(spread.response).toBe(response);
    expect(await response.text()).toBe('text body');
  });

  it('shares one Response between a result and its re-mapped copies, made only if one of them is read', () => {
    const make = vi.fn(() => new Response(null, { status: 204 }));
    const original = apiResponse({ items: [1, 2] }, { items: [1, 2] }, 'req-2', make);
    const mapped = withData(original, [1, 2]);
    const again = withData(mapped, 2);

    expect(make).not.toHaveBeenCalled();
    expect(again).toMatchObject({ data: 2, body: { items: [1, 2] }, requestId: 'req-2' });
    expect(again.response.status).toBe(204);
    expect(mapped.response).toBe(again.response);
    expect(original.response).toBe(again.response);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('gives every result the same getter, so results share one shape (a getter per object made every answer outlive young-generation collections)', () => {
    const getter = (result: object) => Object.getOwnPropertyDescriptor(result, 'response')?.get;
    const a = apiResponse(1, 1, undefined, () => new Response('a'));
    const b = withData(
      apiResponse(2, 2, 'req-3', () => new Response('b')),
      3,
    );

    expect(getter(a)).toBeTypeOf('function');
    expect(getter(b)).toBe(getter(a));
    expect(
      Object.getOwnPropertySymbols(a).map((key) => Object.getOwnPropertyDescriptor(a, key)?.enumerable),
    ).toEqual([false]);
  });
});
