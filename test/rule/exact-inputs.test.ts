import { describe, expect, it } from 'vitest';
import { RequestValidationError } from '../../src/core/errors/request-validation-error.js';
import type { RuleClient } from '../../src/rule/client.js';
import { recordingFetch } from '../helpers/recording-fetch.js';
import { rejectionOf } from '../helpers/rejection.js';
import { testRuleClient } from './rule-mock.js';

// Inputs are exact: a key Rule's docs do not define is refused before anything is sent, naming the defined key it
// most likely meant. The calls go through `unknown` as a JavaScript caller's would (the types refuse them too; see
// test/types).

describe('Rule refuses undocumented keys before sending', () => {
  it.each<[string, (rule: RuleClient) => unknown, string]>([
    [
      'a createMany option (asynk)',
      (rule) =>
        rule.subscribers.createMany([{ email: 'a@example.com' }], { tags: ['T'], asynk: false } as never),
      'subscribers.createMany: asynk: unknown option; did you mean async?',
    ],
    [
      'a camelCase createMany option',
      (rule) =>
        rule.subscribers.createMany([{ email: 'a@example.com' }], {
          tags: ['T'],
          syncSubscribers: true,
        } as never),
      'subscribers.createMany: syncSubscribers: unknown option; did you mean sync_subscribers?',
    ],
    [
      'a list query parameter',
      (rule) => rule.subscribers.list({ limt: 10 } as never),
      'subscribers.list: limt: unknown option; did you mean limit?',
    ],
    [
      'a tag option',
      (rule) => rule.tags.get('VIP', { withCount: true } as never),
      'tags.get: withCount: unknown option; did you mean with_count?',
    ],
    [
      'a tag change',
      (rule) => rule.tags.update('VIP', { descripton: 'x' } as never),
      'tags.update: changes.descripton: unknown option; did you mean description?',
    ],
    [
      'a campaign filter',
      (rule) => rule.campaigns.list({ sent_form: '2026-01-01' } as never),
      'campaigns.list: sent_form: unknown option; did you mean sent_from?',
    ],
    [
      'a subscriber-tag option',
      (rule) =>
        rule.subscribers.tags.add({ email: 'a@example.com' }, ['VIP'], { automaton: 'force' } as never),
      'subscribers.tags.add: params.automaton: unknown option; did you mean automation?',
    ],
    [
      'a transactional field',
      (rule) =>
        rule.transactions.send({
          type: 'text_message',
          from: { name: 'Shop' },
          to: { phone_number: '+46701234567' },
          content: 'Hej',
          transaction_nam: 'welcome',
        } as never),
      'transactions.send: transaction_nam: unknown option; did you mean transaction_name?',
    ],
    [
      "rule.md's wire name transaction_type for the SDK's type",
      (rule) =>
        rule.transactions.send({
          transaction_type: 'text_message',
          transaction_name: 'Welcome',
          from: { name: 'Shop' },
          to: { phone_number: '+46701234567' },
          content: 'Hej',
        } as never),
      "transactions.send: type is required ('email' or 'text_message'); transaction_type: unknown option; did you mean type?",
    ],
    [
      'a nested recipient field',
      (rule) =>
        rule.campaigns.create({
          subject: 'Hi',
          message_type: 'text_message',
          from: { name: 'Shop' },
          recipients: { tag: [{ identifier: 'News' }] },
        } as never),
      'campaigns.create: recipients.tag: unknown option; did you mean tags?',
    ],
    [
      'a suppression option',
      (rule) => rule.suppressions.create([{ email: 'a@example.com' }], { message_type: ['email'] } as never),
      'suppressions.create: message_type: unknown option; did you mean message_types?',
    ],
    [
      'a field to create',
      (rule) => rule.fields.createGroups([{ key: 'Group.Field', typ: 'text' }] as never),
      'fields.createGroups: fields[0].typ: unknown option; did you mean type?',
    ],
    [
      'a custom_identifier where Rule takes none (subscribers.delete)',
      (rule) => rule.subscribers.delete({ custom_identifier: 'crm-1' } as never),
      'subscribers.delete: subscriber.custom_identifier: Rule does not pick a subscriber by custom_identifier for this call; use one of { email }, { id }, { phone_number }',
    ],
    [
      'a custom_identifier where Rule takes none (preferences.update)',
      (rule) =>
        rule.preferences.update({ custom_identifier: 'crm-1' } as never, 1, [
          { preference_id: 1, is_opted_in: true },
        ]),
      'preferences.update: subscriber.custom_identifier: Rule does not pick a subscriber by custom_identifier for this call; use one of { email }, { id }, { phone_number }',
    ],
    [
      'a misspelt selector',
      (rule) => rule.subscribers.get({ emial: 'a@example.com' } as never),
      'subscribers.get: subscriber.emial: unknown option; did you mean email?',
    ],
  ])('%s', async (_, call, message) => {
    const { fetch, sent } = recordingFetch({ message: 'Success' });
    const error = await rejectionOf(Promise.resolve().then(() => call(testRuleClient({ fetch }))));
    expect(error).toBeInstanceOf(RequestValidationError);
    expect((error as Error).message).toBe(message);
    expect(sent).toHaveLength(0);
  });
});
