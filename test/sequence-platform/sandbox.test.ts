import { expect, it } from 'vitest';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { startSandbox } from '../../src/testing/sandbox/start-sandbox.js';
import { createSequencePlatformFake } from '../../src/testing/sequence-platform-fake/index.js';
import { MANUAL_RULE } from './platform-mock.js';

it('is served over HTTP by the sandbox (`npx ruleseq sandbox`)', async () => {
  const sandbox = await startSandbox({ fakes: [createSequencePlatformFake()] });
  try {
    const endpoint = sandbox.endpoint('sequence-platform');
    expect(endpoint.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/platform\/v1$/);
    const client = new SequencePlatformClient({ apiKey: endpoint.apiKey, baseUrl: endpoint.baseUrl });
    const rules = await client.rules.list().toArray({ max: 10 });
    expect(rules.map((r) => r.id)).toContain(MANUAL_RULE);
    const { executionId } = await client.rules.trigger(MANUAL_RULE, { simulation: true });
    const execution = await client.rules.executions.waitForExecution(MANUAL_RULE, executionId, {
      intervalMs: 50,
    });
    expect(execution).toMatchObject({ status: 'EXECUTED', executionMode: 'SIMULATION' });
  } finally {
    await sandbox.close();
  }
});
