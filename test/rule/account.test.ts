import { describe, expect, it } from 'vitest';
import { AuthenticationError, InternalServerError, RateLimitError } from '../../src/core/index.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();

describe('account.senderDetails — GET /sender/details', () => {
  it('returns the documented sender details', async () => {
    answer('getSenderDetails');
    await expect(rule.account.senderDetails()).resolves.toEqual({
      account_id: 1,
      name: 'Rule',
      email: 'no-reply@example.com',
      company: 'Example AB',
      text_message_sender_name: 'Rule',
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(seen[0]!.url.href).toBe('https://app.rule.io/api/v2/sender/details');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('coerces a digit-string account_id and keeps undocumented fields', async () => {
    answer('getSenderDetails', { body: { account_id: '12', name: null, link_instead_of_stop_word: true } });
    await expect(rule.account.senderDetails()).resolves.toEqual({
      account_id: 12,
      name: null,
      link_instead_of_stop_word: true,
    });
  });
});

describe('account: documented errors', () => {
  const calls = { getSenderDetails: () => rule.account.senderDetails() };
  const errors = [
    ['getSenderDetails', 401, 'NotAuthorized', AuthenticationError, 'NotAuthorized'],
    ['getSenderDetails', 429, 'TooManyAttempts', RateLimitError, 'TooManyAttempts'],
    ['getSenderDetails', 500, 'UnexpectedError', InternalServerError, 'UnexpectedError'],
  ] as const;

  it('tests every documented error example', () => {
    const documented = Object.keys(calls).flatMap((op) =>
      Object.entries(ruleV2.operation(op).responseExamples)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, examples]) => Object.keys(examples).map((name) => `${op} ${status} ${name}`)),
    );
    expect(errors.map(([op, status, name]) => `${op} ${status} ${name}`)).toEqual(documented);
  });

  it.each(errors)('%s maps the documented %i %s', async (op, status, example, ErrorClass, code) => {
    answer(op, status === 429 ? { status, text: 'Too Many Attempts.' } : { status, example });
    const error = await calls[op]().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, code });
  });
});
