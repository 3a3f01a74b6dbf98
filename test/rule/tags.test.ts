import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import { ConflictError, NotFoundError } from '../../src/core/errors/status-errors.js';
import { CANARY_KEY } from '../helpers/test-transport.js';
import { ruleV2, testRuleClient, useRuleMock } from './rule-mock.js';

const { seen, answer } = useRuleMock();
const rule = testRuleClient();

describe('tags', () => {
  it('lists pages of tags and follows meta.next until it is null', async () => {
    answer('listTags');
    const page = await rule.tags.list({ limit: 2 });
    expect(seen[0]!.url.href).toBe('https://app.rule.io/api/v2/tags?limit=2');
    expect(seen[0]!.headers.get('authorization')).toBe(`Bearer ${CANARY_KEY}`);
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.data.every((t) => typeof t.id === 'number')).toBe(true);
    const last = ruleV2.response('listTags', '200', 'lastPage') as { meta: { next: null } };
    expect(last.meta.next).toBeNull();
  });

  it('gets a tag by name or id, always saying which, with the count when asked', async () => {
    answer('getTag', { example: 'countAsString' });
    const byName = await rule.tags.get('2024', { with_count: true });
    const byId = await rule.tags.get(7);
    expect(seen.map((r) => r.url.pathname + r.url.search)).toEqual([
      '/api/v2/tags/2024?identified_by=name&with_count=true',
      '/api/v2/tags/7?identified_by=id',
    ]);
    // The docs show recipient_count and id as strings here; ids come out as numbers.
    expect(typeof byName.id).toBe('number');
    expect(byId.name).toBe(byName.name);
  });

  it('updates with the documented body and returns the bare tag', async () => {
    answer('updateTag');
    const tag = await rule.tags.update('Newsletter', ruleV2.request('updateTag') as { name: string });
    expect(seen[0]!.method).toBe('PUT');
    expect(seen[0]!.url.pathname).toBe('/api/v2/tags/Newsletter');
    expect(seen[0]!.body).toEqual(ruleV2.request('updateTag'));
    expect(typeof tag.id).toBe('number');
  });

  it('maps DuplicateTag and TagNotFound', async () => {
    answer('updateTag', { status: 409 });
    const duplicate = await rule.tags.update(1, { name: 'Taken' }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConflictError);
    expect((duplicate as ConflictError).code).toBe('DuplicateTag');
    answer('getTag', { status: 404 });
    const missing = await rule.tags.get('nope').safe();
    expect(!missing.ok && missing.error).toBeInstanceOf(NotFoundError);
  });

  it('deletes and clears, URL-encoding names (a tag may be named "clear")', async () => {
    answer('deleteTag');
    answer('clearTag');
    await rule.tags.delete('VIP / Gold');
    await rule.tags.clear('clear');
    expect(seen.map((r) => `${r.method} ${r.url.pathname}${r.url.search}`)).toEqual([
      'DELETE /api/v2/tags/VIP%20%2F%20Gold?identified_by=name',
      'DELETE /api/v2/tags/clear/clear?identified_by=name',
    ]);
  });

  it('refuses an empty name, a non-positive id and an empty update without sending', async () => {
    answer('getTag');
    answer('updateTag');
    await expect(rule.tags.get('')).rejects.toBeInstanceOf(RequestValidationError);
    await expect(rule.tags.get(0)).rejects.toBeInstanceOf(RequestValidationError);
    await expect(rule.tags.update(1, { name: '' })).rejects.toBeInstanceOf(RequestValidationError);
    expect(seen).toHaveLength(0);
  });
});
