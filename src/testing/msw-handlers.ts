/**
 * `ruleseq/testing/msw`: msw request handlers answered by the fakes, for `server.use(...)` in vitest or jest.
 * Requires msw (an optional peer dependency).
 *
 * The fakes answer their own key only (`fake.apiKey`, `'rule-sandbox-key'` by default; others get the API's 401),
 * on the vendors' production URLs (leave `RULE_BASE_URL` and the like unset).
 *
 * @example
 * const fake = createRuleFake();
 * server.use(...ruleHandlers(fake));
 * const rule = new RuleClient({ apiKey: fake.apiKey });
 */
import { HttpResponse, http, type RequestHandler } from 'msw';
import type { FakeApi } from './fake-api.js';
import { createICloudReadyFake } from './icloudready-fake/index.js';
import { createRuleFake } from './rule-fake/index.js';
import { createSequenceFake } from './sequence-fake/index.js';
import { createSequencePlatformFake } from './sequence-platform-fake/index.js';

/**
 * msw request handlers that answer with a fake, for `server.use(...)` in vitest or jest: every request to one of
 * the fake's path prefixes on `origin` goes to the fake.
 */
export function fakeHandlers(fake: FakeApi, origin: string): RequestHandler[] {
  return fake.pathPrefixes.map((prefix) =>
    http.all(`${origin}${prefix}/*`, async ({ request }) => {
      // A fake that drops the connection (a `network` fault) is a network error to the caller too.
      const response = await fake.fetch(request).catch(() => undefined);
      if (!response) return HttpResponse.error();
      // msw wants its own Response subclass to keep headers such as Set-Cookie; the body is passed through as is.
      return new HttpResponse(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    }),
  );
}

/**
 * Handlers for `https://app.rule.io/api/v2` and `/api/v3`, answered by `fake` (a fresh seeded one by default, whose
 * key is `'rule-sandbox-key'`: pass your own fake to use its `apiKey` and `state`).
 */
export function ruleHandlers(fake: FakeApi = createRuleFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://app.rule.io');
}

/** Handlers for `https://api.getsequence.io/api/v1`, answered by `fake` (default key `'sequence-sandbox-key'`). */
export function sequenceHandlers(fake: FakeApi = createSequenceFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.getsequence.io');
}

/** Handlers for `https://api.getsequence.io/platform/v1`, answered by `fake` (default key `'sequence-sandbox-key'`). */
export function sequencePlatformHandlers(fake: FakeApi = createSequencePlatformFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.getsequence.io');
}

/** Handlers for `https://api.icloud-ready.com/api/v2`, answered by `fake` (default key `'icloudready-sandbox-key'`). */
export function icloudReadyHandlers(fake: FakeApi = createICloudReadyFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.icloud-ready.com');
}
