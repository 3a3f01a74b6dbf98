// What a TypeScript consumer writes, type-checked against the installed package's declarations under each module
// resolution mode, as a library would: with declarations emitted, so every type the file infers from the package
// must be one a declaration can name (TS2883 otherwise). No top-level await, so the same file is valid as CommonJS.
import { NotFoundError, type Result } from 'ruleseq';
import { type Page, parseRuleWebhook, RuleClient, type RuleError, type Subscriber } from 'ruleseq/rule';
import { parseSequenceWebhook, SequenceClient, type TriggerRuleResult } from 'ruleseq/sequence';
import { SequencePlatformClient, type SequencePlatformError, type Transfer } from 'ruleseq/sequence-platform';
import { createRuleFake, createSequencePlatformFake, fakeFetch } from 'ruleseq/testing';

export async function usage(): Promise<string[]> {
  const fake = createRuleFake();
  const rule = new RuleClient({ apiKey: fake.apiKey, fetch: fakeFetch(fake) });
  const sequence = new SequenceClient({ apiKey: 'key', baseUrl: 'http://127.0.0.1:4010/api/v1' });

  const created: Subscriber = await rule.subscribers.create({
    subscriber: { email: 'a@example.com' },
    tags: ['Runtime smoke'],
  });
  const emails: string[] = [created.email ?? ''];
  for await (const page of rule.subscribers.list({ limit: 100 }).iterPages()) {
    const typed: Page<Subscriber> = page;
    emails.push(...typed.data.map((s) => s.email ?? ''));
  }
  const triggered: TriggerRuleResult = await sequence.rules.trigger('rule_demo_manual', {
    manual_execute_amount: 1234,
  });
  emails.push(triggered.execution_id);

  const missing: Result<Subscriber, RuleError> = await rule.subscribers
    .get({ email: 'x@example.com' })
    .safe();
  if (!missing.ok && missing.error instanceof NotFoundError && missing.error.code === 'NotFound') {
    const status: number = missing.error.status;
    emails.push(String(status));
  }

  const platformFake = createSequencePlatformFake();
  const platform = new SequencePlatformClient({
    apiKey: platformFake.apiKey,
    fetch: fakeFetch(platformFake),
  });
  const dryRun: Result<Transfer, SequencePlatformError> = await platform.transfers
    .create({ sourceAccountId: 'a', destinationAccountId: 'b', amountInCents: 1234, simulation: true })
    .safe();
  if (!dryRun.ok && dryRun.error.code === 'TRANSFER_SOURCE_NOT_FOUND') emails.push(dryRun.error.message);
  if (dryRun.ok && dryRun.data.status === 'COMPLETE') emails.push(dryRun.data.id);

  // @ts-expect-error: a page size is a number; this fails to compile if the declarations degrade to `any`.
  rule.subscribers.list({ limit: '100' });
  // @ts-expect-error: Platform v1 names fields in camelCase, as its document does.
  platform.transfers.create({ sourceAccountId: 'a', destinationAccountId: 'b', amount_in_cents: 1234 });
  return emails;
}

// Inferred, not annotated: what a library's own webhook handlers and helpers return.
export const ruleWebhookData = (body: unknown) => parseRuleWebhook(body, { tagDirection: 'added' }).data;
export const sequenceWebhookData = (body: unknown) => parseSequenceWebhook(body).data;
export const firstSubscribers = (rule: RuleClient) => rule.subscribers.list({ limit: 10 });
export const platformFake = () => createSequencePlatformFake();
