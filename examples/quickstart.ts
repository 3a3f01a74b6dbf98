// The ruleseq tour: bulk import with progress, streaming, a transactional email, an idempotent Sequence rule
// trigger, and typed error handling. `npm run demo` runs it against the embedded sandbox; set RULE_API_KEY and
// SEQUENCE_API_KEY to run it against the real APIs.
import { randomUUID } from 'node:crypto';
import { connect } from './connect.ts';

const { rule, seq, mode, where, close } = await connect();
console.log(`ruleseq quickstart (${mode})\n`);

try {
  // 1. Bulk import in calls of at most 1,000, under the rate limiter; the bar moves as each call ends. A real
  // account gets a tenth of the sandbox's 20,000 demo rows.
  const people = Array.from({ length: mode === 'sandbox' ? 20_000 : 2_000 }, (_, i) => ({
    email: `demo-${i}@example.com`,
    fields: { 'Profile.Source': 'quickstart', 'Profile.Joined': new Date() },
  }));
  const report = await rule.subscribers.createMany(people, {
    tags: ['Quickstart'],
    update_on_duplicate: true,
    onProgress: (p) => {
      const filled = Math.round((p.done / p.total) * 30);
      process.stdout.write(
        `\r  import [${'#'.repeat(filled)}${' '.repeat(30 - filled)}] ${p.done}/${p.total}`,
      );
    },
  });
  console.log(`\n  ${report.succeeded} imported in ${report.calls.length} calls, ${report.failed} failed\n`);

  // 2. Stream subscribers page by page (the next page is fetched while this one is processed).
  let streamed = 0;
  for await (const subscriber of rule.subscribers.list({ limit: 100 })) {
    if (streamed++ < 3) console.log(`  subscriber ${subscriber.id}: ${subscriber.email}`);
    if (streamed >= 500) break;
  }
  console.log(`  streamed ${streamed} subscribers\n`);

  // 3. A transactional email: the SDK base64-encodes the bodies (UTF-8 safe).
  const { transaction_id } = await rule.transactions.send({
    type: 'email',
    subject: 'Välkommen!',
    from: { name: 'Demo Shop', email: 'shop@example.com' },
    to: { email: 'demo-0@example.com' },
    content: { html: '<p>Hej och välkommen – å ä ö</p>', plain: 'Hej och välkommen – å ä ö' },
  });
  console.log(`  transactional email sent: transaction ${transaction_id}\n`);

  // 4. Trigger a Sequence rule. The idempotency key makes a repeated call a replay, never a second execution.
  const rules = await seq.rules.list();
  const manual = rules.find((r) => r.status === 'enabled') ?? rules[0];
  if (manual) {
    const idempotencyKey = randomUUID();
    const first = await seq.rules.trigger(manual.id, { manual_execute_amount: 5_000 }, { idempotencyKey });
    const again = await seq.rules.trigger(manual.id, { manual_execute_amount: 5_000 }, { idempotencyKey });
    console.log(
      `  rule ${manual.id} triggered: execution ${first.execution_id} (repeat → ${again.execution_id})\n`,
    );
  }

  // 5. Typed errors without try/catch.
  const missing = await rule.subscribers.get({ email: 'nobody@example.com' }).safe();
  if (!missing.ok)
    console.log(`  lookup of an unknown subscriber: ${missing.error.code} (${missing.error.name})`);
  const invalid = await rule.subscribers
    .create({ subscriber: { phone_number: '0701234567' }, tags: ['X'] })
    .safe();
  if (!invalid.ok) console.log(`  invalid input, nothing sent: ${invalid.error.message}`);
} finally {
  await close();
}

console.log(
  `\nDone. The tour ran against ${mode === 'sandbox' ? 'an embedded sandbox, now stopped' : 'these APIs'}:`,
);
for (const line of where) console.log(`  ${line}`);
console.log(`
Try next:
  npx ruleseq sandbox           keep a sandbox running (ports 4790-4793) for your app or a browser page
  node examples/import-csv.ts   another example; also export-ndjson, sync-tags, schedule-campaign, move-money,
                                platform-dry-run
  RULE_API_KEY=… SEQUENCE_API_KEY=… npm run demo
                                this tour against your own accounts (it adds 2,000 demo subscribers)`);
