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
  /** Where each client sends, one line per API (`Rule      http://127.0.0.1:…/api/v2`). */
  where: string[];
  close(): Promise<void>;
}

export async function connect(): Promise<Connection> {
  if (process.env.RULE_API_KEY && process.env.SEQUENCE_API_KEY) {
    return {
      // The clients read RULE_BASE_URL and SEQUENCE_BASE_URL too, e.g. to use a running `npx ruleseq sandbox`.
      rule: new RuleClient(),
      seq: new SequenceClient(),
      mode: 'live',
      where: [
        `Rule      ${process.env.RULE_BASE_URL || "Rule's API (app.rule.io)"}`,
        `Sequence  ${process.env.SEQUENCE_BASE_URL || "Sequence's API (api.getsequence.io)"}`,
      ],
      close: async () => {},
    };
  }
  const sandbox = await startSandbox({ fakes: [createRuleFake(), createSequenceFake()] });
  const rule = sandbox.endpoint('rule');
  const seq = sandbox.endpoint('sequence');
  return {
    rule: new RuleClient({ apiKey: rule.apiKey, baseUrl: rule.baseUrl }),
    seq: new SequenceClient({ apiKey: seq.apiKey, baseUrl: seq.baseUrl }),
    mode: 'sandbox',
    where: [`Rule      ${rule.baseUrl}`, `Sequence  ${seq.baseUrl}`],
    close: () => sandbox.close(),
  };
}
