import { describe, expect, it } from 'vitest';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { testRuleClient, useRuleMock } from './rule-mock.js';

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
