import { expect, it } from 'vitest';
import { RateLimitError } from '../../src/core/errors/status-errors.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { createSequenceFake, fakeFetch } from '../../src/testing/index.js';

it('answers 429 rate_limit_exceeded with Retry-After past its budget, and recovers in the next window', async () => {
  let now = Date.parse('2026-01-15T12:00:00Z');
  const fake = createSequenceFake({ now: () => now, rateLimit: { maxRequests: 3, intervalMs: 60_000 } });
  const seq = new SequenceClient({
    apiKey: fake.apiKey,
    fetch: fakeFetch(fake),
    rateLimit: false,
    maxRetries: 0,
  });

  for (let i = 0; i < 3; i++) await seq.accounts.list();
  now += 20_000;
  const error = await seq.accounts.list().catch((e: unknown) => e);
  expect(error).toBeInstanceOf(RateLimitError);
  expect((error as RateLimitError).code).toBe('rate_limit_exceeded');
  expect((error as RateLimitError).retryAfter).toBe(40_000);

  now += 40_000;
  await expect(seq.accounts.list()).resolves.toBeInstanceOf(Array);
});

it('defaults to the 100 requests per minute Sequence documents, and can be switched off', async () => {
  const limited = createSequenceFake();
  const unlimited = createSequenceFake({ rateLimit: false });
  const call = (fake: typeof limited) =>
    fake.fetch(
      new Request('https://api.getsequence.io/api/v1/accounts', {
        headers: { authorization: `ApiKey ${fake.apiKey}` },
      }),
    );
  const statuses = async (fake: typeof limited) => {
    const seen: number[] = [];
    for (let i = 0; i < 101; i++) seen.push((await call(fake)).status);
    return seen;
  };
  expect((await statuses(limited)).filter((s) => s === 429)).toHaveLength(1);
  expect((await statuses(unlimited)).every((s) => s === 200)).toBe(true);
});
