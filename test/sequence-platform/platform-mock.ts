import {
  SequencePlatformClient,
  type SequencePlatformClientOptions,
} from '../../src/sequence-platform/client.js';
import { fakeFetch } from '../../src/testing/fake-api.js';
import {
  createSequencePlatformFake,
  type SequencePlatformFakeOptions,
} from '../../src/testing/sequence-platform-fake/index.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

export const platformV1 = new OpenApiExamples('sequence-platform-v1.openapi.json');

/** An msw server answering the Platform API's operations with the document's own examples. */
export function usePlatformMock() {
  return useSpecMock(platformV1);
}

/** A client for tests: the canary key, no limiter, fast failure. */
export function testPlatformClient(options: SequencePlatformClientOptions = {}): SequencePlatformClient {
  return new SequencePlatformClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, ...options });
}

/** A seeded Platform fake accepting the canary key with every permission, and a client talking to it. */
export function platformWithFake(
  fakeOptions: SequencePlatformFakeOptions = {},
  clientOptions: SequencePlatformClientOptions = {},
) {
  const fake = createSequencePlatformFake({
    rateLimit: false,
    visibleAfterMs: 0,
    settleAfterMs: 0,
    ...fakeOptions,
  });
  const client = new SequencePlatformClient({
    apiKey: fake.apiKey,
    fetch: fakeFetch(fake),
    rateLimit: false,
    ...clientOptions,
  });
  return { fake, client, state: () => fake.state };
}

// The demo organization's ids (the document's own).
export {
  AMEX,
  AMEX_PAYMENT,
  AUTO_SAVE,
  CHASE,
  DISABLED_RULE,
  EMERGENCY,
  MANUAL_RULE,
  SAVINGS,
} from '../../src/testing/sequence-platform-fake/seed.js';
