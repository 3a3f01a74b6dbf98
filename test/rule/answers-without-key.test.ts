import { describe, expect, it } from 'vitest';
import { RuleClient } from '../../src/rule/client.js';
import { createRuleFake } from '../../src/testing/rule-fake/index.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

// Under query auth Rule's `meta.next` links embed the key (rule.md §4.3): the pages handed over must not.

/** The Rule fake (its next links carry `apikey` when the request did), recording the URL of every request. */
function ruleWithFake(auth: 'header' | 'query' | 'body') {
  const fake = createRuleFake({ apiKey: CANARY_KEY, rateLimit: false });
  const urls: URL[] = [];
  const rule = new RuleClient({
    apiKey: CANARY_KEY,
    auth,
    rateLimit: false,
    maxRetries: 0,
    fetch: (input, init) => {
      const request = new Request(input, init);
      urls.push(new URL(request.url));
      return fake.fetch(request);
    },
  });
  return { fake, rule, urls };
}

describe('a Rule listing whose next links carry the key', () => {
  it.each(['query', 'body', 'header'] as const)(
    'is walked to the end with for await, no page body or Response text holding the key (auth %s)',
    async (auth) => {
      const { fake, rule, urls } = ruleWithFake(auth);
      const ids: number[] = [];
      const links: unknown[] = [];

      for await (const page of rule.subscribers.list({ limit: 100 }).iterPages()) {
        ids.push(...page.data.map((s) => s.id));
        links.push((page.body as { meta: { next: unknown } }).meta.next);
        expect(JSON.stringify(page.body)).not.toContain(CANARY_KEY);
        expect(await page.response.text()).not.toContain(CANARY_KEY);
      }

      expect(ids).toEqual(fake.state.subscribers.map((s) => s.id));
      expect(urls.map((url) => url.searchParams.get('page'))).toEqual([null, '2', '3']);
      // The key travelled once per request, the client's own way; the links handed over show it masked.
      const inQuery = auth === 'header' ? [] : [CANARY_KEY];
      for (const url of urls) expect(url.searchParams.getAll('apikey')).toEqual(inQuery);
      const masked = auth === 'header' ? '' : '&apikey=***';
      expect(links).toEqual([
        `https://app.rule.io/api/v2/subscribers?page=2&limit=100${masked}`,
        `https://app.rule.io/api/v2/subscribers?page=3&limit=100${masked}`,
        null,
      ]);
    },
  );

  it('hands over no key through .withResponse(), .safe() or a page fetched with getNextPage()', async () => {
    const { rule } = ruleWithFake('query');

    const first = await rule.subscribers.list({ limit: 100 }).withResponse();
    const second = await first.data.getNextPage();
    const safe = await rule.subscribers.list({ limit: 100 }).safe();

    expect(JSON.stringify(first.body)).toContain('apikey=***');
    expect(JSON.stringify(first)).not.toContain(CANARY_KEY);
    expect(await first.response.text()).not.toContain(CANARY_KEY);
    expect(JSON.stringify(second.body)).toContain('apikey=***');
    expect(await second.response.text()).not.toContain(CANARY_KEY);
    if (!safe.ok) throw safe.error;
    expect(JSON.stringify(safe.data.body)).toContain('apikey=***');
    expect(JSON.stringify(safe.data.body)).not.toContain(CANARY_KEY);
  });
});
