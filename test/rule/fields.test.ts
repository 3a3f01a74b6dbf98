import { HttpResponse, http } from 'msw';
import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { NewField } from '../../src/rule/resources/fields.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { server, seen, answer } = useRuleMock();
const rule = testRuleClient();
const BASE = 'https://app.rule.io/api/v2';

const address = {
  id: 1,
  name: 'Address',
  created_at: '2016-03-29 12:00:00',
  updated_at: '2016-03-29 12:00:00',
  fields: [{ id: 1, name: 'Street', type: 'text' }],
};
const group = (id: number) => ({ id, name: `Group${id}`, fields: [] });

function expectOne(method: string, href: string, body?: unknown): void {
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method, body });
  expect(seen[0]!.url.href).toBe(href);
  expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
}

describe('fields.createGroups — POST /customizations', () => {
  const documented: NewField[] = [
    { key: 'Address.Street', type: 'text' },
    { key: 'Order.Created', type: 'datetime' },
  ];

  it.each(['docs', 'lowerCase'])(
    'sends the documented body and resolves to void on the %s 200',
    async (example) => {
      answer('createCustomizations', { example });
      await expect(rule.fields.createGroups(documented)).resolves.toBeUndefined();
      expectOne('POST', `${BASE}/customizations`, ruleV2.request('createCustomizations', 'docs'));
    },
  );

  it('leaves type out when not given (Rule defaults to text)', async () => {
    answer('createCustomizations');
    await rule.fields.createGroups([{ key: 'Profile.Nickname' }]);
    expect(seen[0]!.body).toEqual({ fields: [{ key: 'Profile.Nickname' }] });
  });

  it.each<[string, unknown]>([
    ['a reserved character', [{ key: 'Group.Fi@ld' }]],
    ['a key without a dot', [{ key: 'NoDot' }]],
    ['a key ending in a dot', [{ key: 'Group.' }]],
    ['a key starting with its only dot', [{ key: '.Field' }]],
    ['the reserved field name email', [{ key: 'Group.email' }]],
    ['the reserved field name phone_number', [{ key: 'Group.Phone_Number' }]],
    ['an unknown type', [{ key: 'Group.Field', type: 'number' }]],
    ['an unknown property', [{ key: 'Group.Field', value: 'x' }]],
    ['no fields at all', []],
  ])('refuses %s without sending', async (_, fields) => {
    answer('createCustomizations');
    await expect(rule.fields.createGroups(fields as NewField[])).rejects.toBeInstanceOf(
      RequestValidationError,
    );
    expect(seen).toHaveLength(0);
  });
});

describe('fields.list — GET /customizations', () => {
  it('returns the documented first page of groups', async () => {
    answer('listCustomizations');
    const page = await rule.fields.list({ limit: 3 });
    expect(page.data).toEqual(
      (ruleV2.response('listCustomizations', '200', 'docs') as { groups: unknown[] }).groups,
    );
    expect(page.hasNextPage()).toBe(true);
    expectOne('GET', `${BASE}/customizations?limit=3`);
  });

  it('follows meta.next over three pages, dropping the link apikey', async () => {
    const pages = [
      { groups: [group(1)], meta: { next: `${BASE}/customizations?page=2&limit=1&apikey=YOUR-API-KEY` } },
      { groups: [group(2)], meta: { next: `${BASE}/customizations?page=3&limit=1` } },
      { groups: [group(3)] },
    ];
    const requests: Request[] = [];
    server.use(
      http.get(`${BASE}/customizations`, ({ request }) => {
        requests.push(request);
        return HttpResponse.json(pages[requests.length - 1]);
      }),
    );
    await expect(rule.fields.list({ limit: 1 }).toArray({ max: 10 })).resolves.toEqual(
      pages.flatMap((p) => p.groups),
    );
    expect(requests.map((r) => r.url)).toEqual([
      `${BASE}/customizations?limit=1`,
      `${BASE}/customizations?page=2&limit=1`,
      `${BASE}/customizations?page=3&limit=1`,
    ]);
    for (const r of requests) expect(r.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
  });

  it('refuses limit 101 without sending', async () => {
    answer('listCustomizations');
    await expect(rule.fields.list({ limit: 101 })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});

describe('fields.get — GET /customizations/{identifier}', () => {
  it.each([
    [1, `${BASE}/customizations/1`],
    ['Address', `${BASE}/customizations/Address`],
    ['Order info/2024 å', `${BASE}/customizations/Order%20info%2F2024%20%C3%A5`],
  ])('asks for %s and returns the documented bare group', async (identifier, href) => {
    answer('getCustomization');
    await expect(rule.fields.get(identifier)).resolves.toEqual(address);
    expectOne('GET', href);
  });

  it.each([0, -2, 1.5, ''])('refuses %j without sending', async (identifier) => {
    answer('getCustomization');
    await expect(rule.fields.get(identifier)).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
