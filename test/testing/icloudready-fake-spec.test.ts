import { expect, it } from 'vitest';
import * as generated from '../../src/icloudready/generated/v2/zod.gen.js';
import { createICloudReadyFake } from '../../src/testing/icloudready-fake/index.js';
import { icloudreadyV2 } from '../icloudready/icloudready-mock.js';
import { describeDocumentedRequests } from './sequence-fake-spec-requests.js';

describeDocumentedRequests(icloudreadyV2, {
  generated,
  operations: 7,
  newFake: createICloudReadyFake,
  authScheme: 'Bearer',
});

it('lists sequences as a bare array, the shape of the modelled example', async () => {
  const fake = createICloudReadyFake();
  const response = await fake.fetch(
    new Request(`${icloudreadyV2.serverUrl}/sequences`, {
      headers: { authorization: `Bearer ${fake.apiKey}` },
    }),
  );
  expect(Array.isArray(await response.json())).toBe(true);
});
