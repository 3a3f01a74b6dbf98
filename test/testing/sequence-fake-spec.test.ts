import * as generated from '../../src/sequence/generated/v1/zod.gen.js';
import { createSequenceFake } from '../../src/testing/sequence-fake/index.js';
import { sequenceV1 } from '../sequence/sequence-mock.js';
import { describeDocumentedRequests } from './sequence-fake-spec-requests.js';

describeDocumentedRequests(sequenceV1, {
  generated,
  operations: 18,
  newFake: createSequenceFake,
  authScheme: 'ApiKey',
});
