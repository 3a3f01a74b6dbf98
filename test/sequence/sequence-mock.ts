import { SequenceClient, type SequenceClientOptions } from '../../src/sequence/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

export const sequenceV1 = new OpenApiExamples('sequence-v1.yaml');

/** An msw server answering Sequence's documented operations with their documented examples. */
export function useSequenceMock() {
  return useSpecMock(sequenceV1);
}

/** A client for tests: the canary key, no limiter, fast failure. */
export function testSequenceClient(options: SequenceClientOptions = {}): SequenceClient {
  return new SequenceClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, ...options });
}
