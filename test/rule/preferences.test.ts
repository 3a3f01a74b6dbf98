import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { PreferenceChoice } from '../../src/rule/resources/preferences.js';
import type { SubscriberSelector } from '../../src/rule/selectors.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

function expectOne(method: string, href: string, body?: unknown): void {
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method, body });
  expect(seen[0]!.url.href).toBe(href);
  expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
}

const selectors: [SubscriberSelector<'email' | 'id' | 'phone_number'>, string][] = [
  [{ email: 'john+news@example.com' }, 'john%2Bnews%40example.com/preference_group/1?identified_by=email'],
  [{ id: 42 }, '42/preference_group/1?identified_by=id'],
  [{ phone_number: '+46701234567' }, '%2B46701234567/preference_group/1?identified_by=phone_number'],
];

describe('preferences.groups — GET /preference-groups', () => {
  it('returns the documented bare array, link null and "" kept apart', async () => {
    answer('listPreferenceGroups');
    const groups = await rule.preferences.groups();
    expect(groups).toEqual(ruleV2.response('listPreferenceGroups', '200', 'docs'));
    expect(groups.map((g) => g.link)).toEqual([null, '']);
    expect(groups[1]!.preferences!.map((p) => p.id)).toEqual([3, 4, 5]);
    expectOne('GET', `${BASE}/preference-groups`);
  });
});

describe('preferences.get — GET /subscriber/{identifier}/preference_group/{id}', () => {
  it.each(selectors)('selects %j and returns the documented preferences', async (subscriber, rest) => {
    answer('getSubscriberPreferences');
    await expect(rule.preferences.get(subscriber, 1)).resolves.toEqual([
      { preference_id: 1, name: 'pref1-water', is_opted_in: true },
      { preference_id: 2, name: 'pref2-water', is_opted_in: true },
    ]);
    expectOne('GET', `${BASE}/subscriber/${rest}`);
  });
});

describe('preferences.update — PATCH /subscriber/{identifier}/preference_group/{id}', () => {
  const choices: PreferenceChoice[] = [
    { preference_id: 1, is_opted_in: false },
    { preference_id: 2, is_opted_in: false },
  ];

  it.each(selectors)('sends the documented body for %j and returns the result', async (subscriber, rest) => {
    answer('updateSubscriberPreferences');
    await expect(rule.preferences.update(subscriber, 1, choices)).resolves.toEqual([
      { preference_id: 1, name: 'pref1-fire', is_opted_in: false },
      { preference_id: 2, name: 'pref2-fire', is_opted_in: false },
    ]);
    expectOne('PATCH', `${BASE}/subscriber/${rest}`, ruleV2.request('updateSubscriberPreferences', 'docs'));
  });

  it.each<[string, unknown]>([
    ['no preferences', []],
    ['a non-boolean choice', [{ preference_id: 1, is_opted_in: 'yes' }]],
    ['a preference id of 0', [{ preference_id: 0, is_opted_in: true }]],
    ['an unknown property', [{ preference_id: 1, is_opted_in: true, name: 'x' }]],
  ])('refuses %s without sending', async (_, preferences) => {
    answer('updateSubscriberPreferences');
    const call = rule.preferences.update({ id: 1 }, 1, preferences as PreferenceChoice[]);
    await expect(call).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('preferences: selectors and group ids Rule cannot take', () => {
  it.each<[string, unknown, number]>([
    ['a custom_identifier (not accepted by preference routes)', { custom_identifier: 'c-1' }, 1],
    ['an empty email', { email: '' }, 1],
    ['two identifiers', { email: 'a@example.com', id: 1 }, 1],
    ['group id 0', { id: 1 }, 0],
    ['a fractional group id', { id: 1 }, 1.5],
  ])('refuses %s without sending', async (_, subscriber, groupId) => {
    answer('getSubscriberPreferences');
    const call = rule.preferences.get(subscriber as { id: number }, groupId);
    await expect(call).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('preferences: documented errors', () => {
  const calls = {
    updateSubscriberPreferences: () =>
      rule.preferences.update({ email: 'john@example.com' }, 1, [{ preference_id: 1, is_opted_in: true }]),
  };

  it('keeps the nested fields of the update BadRequest in the error body', async () => {
    answer('updateSubscriberPreferences', { status: 400, example: 'BadRequest' });
    const error = await calls.updateSubscriberPreferences().catch((e: unknown) => e);
    expect(error).toMatchObject({
      body: {
        fields: { preferences: expect.arrayContaining([['Check fields for preferences with id: {id}']]) },
      },
    });
  });
});
