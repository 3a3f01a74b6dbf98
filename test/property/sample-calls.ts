import { icloudreadyV2 } from '../icloudready/icloudready-mock.js';
import { sequenceV1 } from '../sequence/sequence-mock.js';

// One valid argument list for every public method of the three clients, keyed `client.resource.method`: the seeds
// the property tests mutate, so that hostile values also reach the deep parts of each input. Each list names every
// parameter before the per-call options, so options can be appended.

const who = { email: 'ada@example.com' };
const campaign = {
  subject: 'Hi',
  from: { name: 'Shop', email: 'shop@example.com' },
  message_type: 'email',
  recipients: { tags: [{ identifier: 'Newsletter' }] },
  content: { html: '<p>Hi</p>', plain: 'Hi' },
};
const { status: _status, ...sequenceRule } = sequenceV1.request('createRule', 'autoSave') as {
  status: string;
};

export const SAMPLE_CALLS: Record<string, unknown[]> = {
  'rule.request': [{ method: 'GET', path: 'subscribers', query: { limit: 10 } }],
  'rule.subscribers.create': [
    {
      subscriber: { ...who, fields: { 'Profile.FirstName': 'Ada', 'Order.Created': new Date(0) } },
      tags: ['News'],
    },
  ],
  'rule.subscribers.createMany': [[{ ...who, fields: { 'Profile.City': 'Lund' } }], { tags: ['Import'] }],
  'rule.subscribers.list': [{ limit: 10, page: 2 }],
  'rule.subscribers.get': [who],
  'rule.subscribers.fields': [{ id: 1 }],
  'rule.subscribers.update': [1, { language: 'sv', tags: ['VIP'] }],
  'rule.subscribers.delete': [{ phone_number: '+46701234567' }],
  'rule.subscribers.deleteMany': [[who]],
  'rule.subscribers.block': [[who], { callback_url: 'https://example.com/hook' }],
  'rule.subscribers.unblock': [[{ custom_identifier: 'crm-1' }], {}],
  'rule.subscribers.tags.add': [who, ['VIP', 7]],
  'rule.subscribers.tags.list': [who],
  'rule.subscribers.tags.remove': [who, 'VIP'],
  'rule.subscribers.tags.clear': [who],
  'rule.tags.list': [{ limit: 5 }],
  'rule.tags.get': ['VIP'],
  'rule.tags.update': ['VIP', { name: 'Gold', description: 'Best' }],
  'rule.tags.delete': [3],
  'rule.tags.clear': ['VIP'],
  'rule.transactions.send': [
    {
      type: 'email',
      subject: 'Hi',
      from: campaign.from,
      to: who,
      content: { html: '<p>Hej</p>', plain: 'Hej' },
    },
  ],
  'rule.templates.list': [],
  'rule.templates.get': [1],
  'rule.segments.list': [{ limit: 5 }],
  'rule.fields.createGroups': [[{ key: 'Group.Field', type: 'text' }]],
  'rule.fields.list': [{ limit: 5 }],
  'rule.fields.get': ['Group'],
  'rule.suppressions.list': [{ limit: 5 }],
  'rule.suppressions.create': [[who], { message_types: ['email'] }],
  'rule.suppressions.delete': [[who], {}],
  'rule.campaigns.list': [{ limit: 5, page: 3, type: 'email', created_from: '2026-01-01' }],
  'rule.campaigns.create': [campaign],
  'rule.campaigns.get': [1],
  'rule.campaigns.statistics': [1],
  'rule.campaigns.send': [campaign],
  'rule.campaigns.schedule': [{ ...campaign, send_at: new Date('2030-01-15T11:00:00Z') }],
  'rule.campaigns.delete': [1],
  'rule.preferences.groups': [],
  'rule.preferences.get': [who, 1],
  'rule.preferences.update': [who, 1, [{ preference_id: 1, is_opted_in: true }]],
  'rule.journeys.list': [{}],
  'rule.account.senderDetails': [],
  'sequence.request': [{ method: 'GET', path: 'accounts' }],
  'sequence.accounts.list': [{ type: 'pod' }],
  'sequence.accounts.get': ['acc_01HGHI7890'],
  'sequence.accounts.createIncomeSource': [{ nickname: 'Freelance Income', icon: 'briefcase' }],
  'sequence.accounts.delete': ['acc_01HGHI7890'],
  'sequence.rules.list': [{ source_id: 'acc_01HABC4567' }],
  'sequence.rules.get': ['rule_01HXYZ1234'],
  'sequence.rules.create': [sequenceRule],
  'sequence.rules.update': ['rule_01HXYZ1234', sequenceRule],
  'sequence.rules.delete': ['rule_01HXYZ1234'],
  'sequence.rules.trigger': ['rule_01HXYZ1234', { manual_execute_amount: 5000 }],
  'sequence.ruleExecutions.list': [{ rule_id: 'rule_01HXYZ1234', first: 2 }],
  'sequence.ruleExecutions.get': ['rex_01HABC4567'],
  'sequence.transfers.list': [{ account_id: 'acc_01HABC4567', first: 2, after: 'Y3Vyc29yOjE=' }],
  'sequence.transfers.get': ['txr_01HABC1111'],
  'sequence.transfers.create': [
    {
      source_account_id: 'acc_01HDEF0123',
      destination_account_id: 'acc_01HGHI7890',
      amount_in_cents: 50_000,
    },
  ],
  'sequence.transfers.waitUntilSettled': ['txr_01HABC1111', { timeoutMs: 1_000, intervalMs: 10 }],
  'sequence.cards.list': [{ account_id: 'acc_01HDEF0123', status: 'active' }],
  'sequence.cards.get': ['card_01HABC4567'],
  'sequence.cards.transactions': ['card_01HABC4567', { direction: 'debit', first: 2 }],
  'icloudready.request': [{ method: 'GET', path: 'sequences' }],
  'icloudready.sequences.list': [{ limit: 2, q: 'x' }],
  'icloudready.sequences.create': [icloudreadyV2.request('createSequence')],
  'icloudready.sequences.retrieve': ['s1'],
  'icloudready.sequences.update': ['s1', icloudreadyV2.request('updateSequence')],
  'icloudready.sequences.patch': ['s1', { name: 'Renamed' }],
  'icloudready.sequences.delete': ['s1'],
  'icloudready.sequences.activity.create': [{ sequence: 's1', action: 'opened' }],
};
