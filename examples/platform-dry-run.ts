// Sequence Platform v1: rehearse a money flow with no money moved. Triggers a rule and makes a transfer as dry runs
// (`simulation: true`), follows both to their final status and lists what the rule would have moved. Safe to run
// against your real organization: with SEQUENCE_API_KEY set it does (every call is a simulation or a read);
// otherwise it runs against an embedded sandbox.
import { SequencePlatformClient } from 'ruleseq/sequence-platform';
import { createSequencePlatformFake, startSandbox } from 'ruleseq/testing';

const live = Boolean(process.env.SEQUENCE_API_KEY);
const sandbox = live ? undefined : await startSandbox({ fakes: [createSequencePlatformFake()] });
const endpoint = sandbox?.endpoint('sequence-platform');
const platform = new SequencePlatformClient({
  ...(endpoint ? { apiKey: endpoint.apiKey, baseUrl: endpoint.baseUrl } : {}),
  calledReason: 'ruleseq example: dry run of a money flow',
});

try {
  const pods = (await platform.accounts.list({ type: 'POD' })).data;
  const [from, to] = pods;
  if (!from || !to) throw new Error('need two pods');

  // A rule the API can trigger: enabled, and expressible in the API.
  const rule = (await platform.rules.list({ pageSize: 100 })).data.find(
    (r) => r.status === 'ENABLED' && r.isSupported,
  );
  if (rule) {
    const { executionId } = await platform.rules.trigger(rule.id, {
      simulation: true,
      executeAmount: 150_000,
    });
    const run = await platform.rules.executions.waitForExecution(rule.id, executionId, { intervalMs: 200 });
    console.log(
      `rule "${rule.name}": ${run.status} (${run.executionMode}), step ${run.stepIndexMatched ?? 'none'}`,
    );
    for await (const transfer of platform.transfers.list({
      accountIds: [from.id, to.id],
      rule_execution_id: executionId,
      executionMode: 'SIMULATION',
    })) {
      console.log(
        `  would move ${transfer.amountInCents} cents to ${transfer.destination?.name}: ${transfer.status}`,
      );
    }
  }

  const transfer = await platform.transfers.create({
    sourceAccountId: from.id,
    destinationAccountId: to.id,
    amountInCents: 12_500,
    description: 'Dry run',
    simulation: true,
  });
  const settled = await platform.transfers.waitForTransfer(transfer.id, { intervalMs: 200 });
  console.log(
    `transfer ${from.name} -> ${to.name}: ${settled.status} (${settled.executionMode}), no money moved`,
  );
} finally {
  await sandbox?.close();
}
