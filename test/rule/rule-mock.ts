import { RuleClient, type RuleClientOptions } from '../../src/rule/client.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { useSpecMock } from '../helpers/spec-mock.js';
import { CANARY_KEY } from '../helpers/test-transport.js';

export const ruleV2 = new OpenApiExamples('rule-v2.yaml');
export const ruleV3 = new OpenApiExamples('rule-v3.yaml');

/** An msw server answering Rule's documented operations (v2 by default; pass `ruleV3` for v3 ones). */
export function useRuleMock() {
  return useSpecMock(ruleV2);
}

/** A client for tests: the canary key, no limiter, fast failure. */
export function testRuleClient(options: RuleClientOptions = {}): RuleClient {
  return new RuleClient({ apiKey: CANARY_KEY, rateLimit: false, maxRetries: 0, ...options });
}
