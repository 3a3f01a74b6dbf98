// `.safe()` errors: `status` is readable on every member of each client's error union, without narrowing on `code`
// first; it is the HTTP status when the API answered and `undefined` when it did not (abort, timeout, bad input).
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  ApiError,
  ClientError,
  ResponseValidationError,
  RuleseqError,
} from '../../src/core/errors/index.js';
import type { ICloudReadyError } from '../../src/icloudready/index.js';
import { RuleClient, type RuleError } from '../../src/rule/index.js';
import type { SequenceError } from '../../src/sequence/index.js';

describe('types', () => {
  it('give every error union a status of number | undefined', () => {
    expectTypeOf<RuleError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<SequenceError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ICloudReadyError['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ClientError<string>['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RuleseqError['status']>().toEqualTypeOf<number | undefined>();
  });

  it('still narrow status to a number on the API error', () => {
    expectTypeOf<ApiError['status']>().toEqualTypeOf<number>();
    expectTypeOf<ResponseValidationError['status']>().toEqualTypeOf<number>();
  });
});

const rule = (fetch: typeof globalThis.fetch) =>
  new RuleClient({ apiKey: 'key-1', baseUrl: 'https://rule.example.test/api/v2', fetch, maxRetries: 0 });

describe('.safe()', () => {
  it('reads the status of an API error', async () => {
    const client = rule(async () =>
      Response.json({ error: 'NotFound', message: 'Not found' }, { status: 404 }),
    );
    const result = await client.subscribers.get({ email: 'nobody@example.com' }).safe();
    if (result.ok) throw new Error('expected an error');
    expect(result.error.status).toBe(404);
  });

  it('reads undefined as the status of an abort and of refused input', async () => {
    const client = rule(async () => Response.json({}));
    const aborted = await client.subscribers
      .get({ email: 'ada@example.com' }, { signal: AbortSignal.abort() })
      .safe();
    const refused = await client.subscribers
      .create({ subscriber: { phone_number: '0701234567' }, tags: ['X'] })
      .safe();
    if (aborted.ok || refused.ok) throw new Error('expected errors');
    expect([aborted.error.code, aborted.error.status]).toEqual(['aborted', undefined]);
    expect([refused.error.code, refused.error.status]).toEqual(['request_validation', undefined]);
  });
});
