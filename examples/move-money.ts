// Move money with Sequence: trigger a rule and make a manual transfer, both idempotent, then wait until the
// transfer settles.
import { connect } from './connect.ts';

const { seq, close } = await connect();
try {
  const accounts = await seq.accounts.list();
  const source = accounts.find((a) => a.type === 'income_source');
  const pod = accounts.find((a) => a.type === 'pod');
  if (!source || !pod) throw new Error('need an income source and a pod');

  const orderId = 'order-1042';
  // The same key on every attempt and every run: this transfer can only ever happen once.
  const transfer = await seq.transfers.create(
    { source_account_id: source.id, destination_account_id: pod.id, amount_in_cents: 12_500 },
    { idempotencyKey: orderId },
  );
  console.log(`transfer ${transfer.id}: ${transfer.status}`);
  const settled = await seq.transfers.waitUntilSettled(transfer.id, { timeoutMs: 30_000, intervalMs: 200 });
  console.log(`transfer ${settled.id}: ${settled.status}`);

  const rules = await seq.rules.list({ source_id: source.id });
  const enabled = rules.find((r) => r.status === 'enabled');
  if (enabled) {
    const { execution_id } = await seq.rules.trigger(enabled.id);
    const execution = await seq.ruleExecutions.get(execution_id);
    console.log(`rule ${enabled.id}: execution ${execution.id} ${execution.status}`);
  }
} finally {
  await close();
}
