import { setupServer } from 'msw/node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AuthenticationError } from '../../src/core/errors/index.js';
import { ICloudReadyClient } from '../../src/icloudready/client.js';
import { RuleClient } from '../../src/rule/client.js';
import { SequenceClient } from '../../src/sequence/client.js';
import { SequencePlatformClient } from '../../src/sequence-platform/client.js';
import { createICloudReadyFake, createRuleFake, createSequenceFake } from '../../src/testing/index.js';
import {
  fakeHandlers,
  icloudReadyHandlers,
  ruleHandlers,
  sequenceHandlers,
  sequencePlatformHandlers,
} from '../../src/testing/msw-handlers.js';

// The way a user's suite would do it: the clients keep their real base URLs and msw routes the traffic to the fakes.
const rule = createRuleFake();
const sequence = createSequenceFake();
const icloudready = createICloudReadyFake();
const server = setupServer(
  ...ruleHandlers(rule),
  ...sequenceHandlers(sequence),
  ...icloudReadyHandlers(icloudready),
);
beforeAll(() => server.listen({ onUnhandledFrame: 'error' }));
afterAll(() => server.close());

it('answers Rule v2 and v3 calls from the fake, state included', async () => {
  const client = new RuleClient({ apiKey: rule.apiKey, rateLimit: false });
  const before = rule.state.subscribers.length;
  await client.subscribers.create({ subscriber: { email: 'msw@example.com' }, tags: ['Test'] });
  expect(rule.state.subscribers.length).toBe(before + 1);
  const emails: string[] = [];
  for await (const s of client.subscribers.list({ limit: 100 })) emails.push(s.email ?? '');
  expect(emails).toContain('msw@example.com');
  await expect(client.suppressions.create([{ email: 'msw@example.com' }])).resolves.toBeUndefined();
});

it('answers Sequence calls, idempotency included', async () => {
  const client = new SequenceClient({ apiKey: sequence.apiKey, rateLimit: false });
  const rules = await client.rules.list();
  const target = rules.find((r) => r.status === 'enabled')!;
  const first = await client.rules.trigger(target.id, {}, { idempotencyKey: 'msw-1' });
  const again = await client.rules.trigger(target.id, {}, { idempotencyKey: 'msw-1' });
  expect(again.execution_id).toBe(first.execution_id);
});

it('answers iCloudReady calls', async () => {
  const client = new ICloudReadyClient({ apiKey: icloudready.apiKey, rateLimit: false });
  const created = await client.sequences.create({ name: 'From msw' });
  const fetched = await client.sequences.retrieve(String(created.id));
  expect(fetched.name).toBe('From msw');
});

it('turns a fake’s dropped connection into a network error', async () => {
  const faulty = createICloudReadyFake({ faults: [{ network: true }] });
  server.use(...fakeHandlers(faulty, 'https://faulty.example'));
  const request = fetch('https://faulty.example/api/v2/sequences', {
    headers: { authorization: `Bearer ${faulty.apiKey}` },
  });
  await expect(request).rejects.toThrow(TypeError);
});

it('answers the keys the README names for the default fakes, and a 401 to any other key', async () => {
  server.use(
    ...ruleHandlers(),
    ...sequenceHandlers(),
    ...sequencePlatformHandlers(),
    ...icloudReadyHandlers(),
  );
  try {
    const calls = (key: (documented: string) => string) => [
      new RuleClient({ apiKey: key('rule-sandbox-key'), rateLimit: false }).templates.list().safe(),
      new SequenceClient({ apiKey: key('sequence-sandbox-key'), rateLimit: false }).accounts.list().safe(),
      new SequencePlatformClient({ apiKey: key('sequence-sandbox-key'), rateLimit: false }).accounts
        .list()
        .safe(),
      new ICloudReadyClient({ apiKey: key('icloudready-sandbox-key'), rateLimit: false }).sequences
        .list()
        .safe(),
    ];
    for (const result of await Promise.all(calls((documented) => documented))) expect(result.ok).toBe(true);
    for (const result of await Promise.all(calls(() => 'some-other-key'))) {
      expect(!result.ok && result.error).toBeInstanceOf(AuthenticationError);
    }
  } finally {
    server.resetHandlers();
  }
});
