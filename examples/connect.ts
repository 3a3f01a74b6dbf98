// Shared by the examples: clients for the real APIs when keys are set, otherwise for an embedded sandbox of
// seeded fakes on loopback (no key, no network).
import { RuleClient } from 'ruleseq/rule';
import { SequenceClient } from 'ruleseq/sequence';
import { createRuleFake, createSequenceFake, startSandbox } from 'ruleseq/testing';

export interface Connection {
  rule: RuleClient;
  seq: SequenceClient;
  /** `'sandbox'` or `'live'`. */
  mode: string;
  close(): Promise<void>;
}

export async function connect(): Promise<Connection> {
  if (process.env.RULE_API_KEY && process.env.SEQUENCE_API_KEY) {
    return { rule: new RuleClient(), seq: new SequenceClient(), mode: 'live', close: async () => {} };
  }
  const sandbox = await startSandbox({ fakes: [createRuleFake(), createSequenceFake()] });
  const rule = sandbox.endpoint('rule');
  const seq = sandbox.endpoint('sequence');
  return {
    rule: new RuleClient({ apiKey: rule.apiKey, baseUrl: rule.baseUrl }),
    seq: new SequenceClient({ apiKey: seq.apiKey, baseUrl: seq.baseUrl }),
    mode: 'sandbox',
    close: () => sandbox.close(),
  };
}
