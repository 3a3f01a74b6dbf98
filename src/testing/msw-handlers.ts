/**
 * `ruleseq/testing/msw`: msw request handlers answered by the fakes, for `server.use(...)` in vitest or jest.
 * Requires msw (an optional peer dependency).
 *
 * @example
 * const rule = createRuleFake();
 * server.use(...ruleHandlers(rule));
 */
import type { RequestHandler } from 'msw';
import type { FakeApi } from './fake-api.js';
import { createICloudReadyFake } from './icloudready-fake/index.js';
import { fakeHandlers } from './msw.js';
import { createRuleFake } from './rule-fake/index.js';
import { createSequenceFake } from './sequence-fake/index.js';
import { createSequencePlatformFake } from './sequence-platform-fake/index.js';

export { fakeHandlers } from './msw.js';

/** Handlers for `https://app.rule.io/api/v2` and `/api/v3`, answered by `fake` (a fresh seeded one by default). */
export function ruleHandlers(fake: FakeApi = createRuleFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://app.rule.io');
}

/** Handlers for `https://api.getsequence.io/api/v1`, answered by `fake`. */
export function sequenceHandlers(fake: FakeApi = createSequenceFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.getsequence.io');
}

/** Handlers for `https://api.getsequence.io/platform/v1`, answered by `fake`. */
export function sequencePlatformHandlers(fake: FakeApi = createSequencePlatformFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.getsequence.io');
}

/** Handlers for `https://api.icloud-ready.com/api/v2`, answered by `fake`. */
export function icloudReadyHandlers(fake: FakeApi = createICloudReadyFake()): RequestHandler[] {
  return fakeHandlers(fake, 'https://api.icloud-ready.com');
}
