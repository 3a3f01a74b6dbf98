import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { ListJourneysParams } from '../../src/rule/resources/journeys.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

describe('journeys.list — GET /journey', () => {
  it.each<[ListJourneysParams | undefined, string]>([
    [undefined, `${BASE}/journey`],
    [{ name: 'Welcome & more' }, `${BASE}/journey?name=Welcome+%26+more`],
    [{ preference_id: 3 }, `${BASE}/journey?preference_id=3`],
    [{ name: 'Journey', preference_id: 3 }, `${BASE}/journey?name=Journey&preference_id=3`],
  ])('filters by %j and returns the documented bare array', async (params, href) => {
    answer('listJourneys');
    const journeys = await rule.journeys.list(params);
    expect(journeys).toEqual(ruleV2.response('listJourneys', '200', 'docs'));
    expect(journeys[0]).toMatchObject({
      id: 8,
      created_at: '2022-08-16T22:47:47.000000Z',
      sendoutConfiguration: { preferenceConfiguration: { preferences: [1] } },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ method: 'GET', body: undefined });
    expect(seen[0]!.url.href).toBe(href);
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('tolerates null nested configuration and digit-string ids', async () => {
    answer('listJourneys', { body: [{ id: '9', name: 'J', sendoutConfiguration: null }] });
    await expect(rule.journeys.list()).resolves.toEqual([{ id: 9, name: 'J', sendoutConfiguration: null }]);
  });

  it.each<[string, unknown]>([
    ['an empty name', { name: '' }],
    ['a preference_id of 0', { preference_id: 0 }],
    ['an unknown filter', { limit: 10 }],
  ])('refuses %s without sending', async (_, params) => {
    answer('listJourneys');
    await expect(rule.journeys.list(params as ListJourneysParams)).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });
});
