import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();

function expectOneGet(href: string): void {
  expect(seen).toHaveLength(1);
  expect(seen[0]).toMatchObject({ method: 'GET', body: undefined });
  expect(seen[0]!.url.href).toBe(href);
  expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
}

describe('templates.list — GET /templates', () => {
  it('returns the documented templates, unwrapped (not paginated)', async () => {
    answer('listTemplates');
    await expect(rule.templates.list()).resolves.toEqual([
      { id: 1, name: 'My template' },
      { id: 2, name: 'My other template' },
    ]);
    expectOneGet('https://app.rule.io/api/v2/templates');
  });

  it('keeps the raw envelope reachable through withResponse()', async () => {
    answer('listTemplates');
    const { data, body } = await rule.templates.list().withResponse();
    expect(body).toEqual(ruleV2.response('listTemplates', '200', 'docs'));
    expect(data).toHaveLength(2);
  });

  it('coerces digit-string ids to numbers', async () => {
    answer('listTemplates', { body: { templates: [{ id: '7', name: 'Seven' }] } });
    await expect(rule.templates.list()).resolves.toEqual([{ id: 7, name: 'Seven' }]);
  });
});

describe('templates.get — GET /templates/{id}', () => {
  it('returns the documented bare template', async () => {
    answer('getTemplate');
    await expect(rule.templates.get(1)).resolves.toEqual({
      id: 1,
      name: 'My template',
      blocks: ['one_column', 'two_columns'],
      content: { html: '<p>Html Content</p>', plain: 'Plain Content' },
    });
    expectOneGet('https://app.rule.io/api/v2/templates/1');
  });

  it.each([0, -1, 1.5, Number.NaN])('refuses the id %s without sending', async (id) => {
    answer('getTemplate');
    await expect(rule.templates.get(id)).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
