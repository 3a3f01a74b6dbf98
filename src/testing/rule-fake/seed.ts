import { openWindow } from '../kernel/middleware/rate-limit.js';
import { deliver, emptyStatistics } from './campaigns.js';
import { addTags, resolveTags } from './lookups.js';
import { type FakeSubscriber, nextId, type RuleFakeState, ruleTime } from './state.js';
import { type FieldWrite, writeFields } from './subscriber-input.js';

/** Demo data: deterministic, and matching the names the docs' examples use (john@example.com, "Newsletter", …). */

const SEEDED_AT = Date.UTC(2024, 0, 15, 8, 0, 0);
const HOUR = 3_600_000;
const FIRST = [
  'Anna',
  'Erik',
  'Maria',
  'Lars',
  'Karin',
  'Johan',
  'Sara',
  'Nils',
  'Elin',
  'Oskar',
  'Ida',
  'Hugo',
];
const LAST = [
  'Andersson',
  'Johansson',
  'Karlsson',
  'Nilsson',
  'Eriksson',
  'Larsson',
  'Olsson',
  'Persson',
  'Svensson',
];
const CITIES = ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Lund', 'Umeå'];
const LANGUAGES = ['sv', 'sv', 'en', 'no', 'da', 'fi'];
const SUBSCRIBER_COUNT = 250;

function seedSubscriber(state: RuleFakeState, n: number): FakeSubscriber {
  const first = n === 1 ? 'John' : n === 2 ? 'Jane' : FIRST[n % FIRST.length]!;
  const last = n <= 2 ? 'Doe' : LAST[(n * 7) % LAST.length]!;
  const email =
    n <= 2 ? `${first.toLowerCase()}@example.com` : `${first}.${last}${n}@example.com`.toLowerCase();
  const phone =
    n === 1
      ? '+46123456789'
      : n === 2
        ? '+46123456987'
        : `+4670${String(1_000_000 + ((n * 7919) % 8_999_999))}`;
  const at = ruleTime(SEEDED_AT + n * 7 * HOUR);
  const subscriber: FakeSubscriber = {
    id: nextId(state, 'subscriber'),
    email: n % 25 === 0 ? null : email,
    phone_number: n % 9 === 0 ? null : phone,
    custom_identifier: `crm-${n}`,
    language: n <= 2 ? 'sv' : LANGUAGES[n % LANGUAGES.length]!,
    opted_in: n % 17 !== 0,
    status: 'ACTIVE',
    created_at: at,
    updated_at: at,
    tags: [],
    fields: {},
    preferences: n <= 2 ? { 1: true, 2: true } : {},
  };
  state.subscribers.push(subscriber);
  const city = n <= 2 ? 'Stockholm' : CITIES[n % CITIES.length]!;
  const fields: FieldWrite[] = [
    { group: 'Profile', field: 'FirstName', value: first, type: 'text' },
    { group: 'Profile', field: 'LastName', value: last, type: 'text' },
    { group: 'Profile', field: 'City', value: city, type: 'text' },
  ];
  if (n % 3 === 0) {
    fields.push(
      { group: 'Order', field: 'Created', value: ruleTime(SEEDED_AT + n * 11 * HOUR), type: 'datetime' },
      { group: 'Order', field: 'Total', value: String((n * 37) % 2000), type: 'text' },
    );
  }
  writeFields(state, subscriber, fields, SEEDED_AT);
  const tags = ['Newsletter', 'VIP', 'Customers', 'Leads'].filter(
    (_, i) => [n % 2 === 0 || n <= 2, n % 7 === 0 || n === 2, n % 3 === 0, n % 5 === 0][i],
  );
  if (tags.length > 0) addTags(subscriber, resolveTags(state, tags, SEEDED_AT));
  return subscriber;
}

function seedCatalogue(state: RuleFakeState) {
  const at = ruleTime(SEEDED_AT);
  resolveTags(state, ['Newsletter', 'VIP', 'Customers', 'Leads', 'My tag'], SEEDED_AT);
  state.tags[0]!.description = 'Newsletter subscribers';
  state.tags[2]!.description = 'Customers who have ordered';
  state.templates.push(
    {
      id: nextId(state, 'template'),
      name: 'My template',
      blocks: ['one_column', 'two_columns'],
      content: { html: '<p>Html Content</p>', plain: 'Plain Content' },
    },
    {
      id: nextId(state, 'template'),
      name: 'Order confirmation',
      blocks: ['header', 'order_lines', 'footer'],
      content: { html: '<h1>Thank you for your order</h1>', plain: 'Thank you for your order' },
    },
  );
  state.preferenceGroups.push({
    id: nextId(state, 'preferenceGroup'),
    account_id: 1,
    name: 'Newsletter topics',
    link: null,
    preferences: [
      { id: nextId(state, 'preference'), name: 'News', fallback_opt_in: false },
      { id: nextId(state, 'preference'), name: 'Offers', fallback_opt_in: false },
    ],
  });
  state.journeys.push({
    id: nextId(state, 'journey'),
    name: 'Welcome journey',
    account_id: 1,
    journey_style_id: 1,
    sendout_time_minutes: null,
    created_at: '2024-01-15T08:00:00.000000Z',
    updated_at: '2024-01-15T08:00:00.000000Z',
    sendoutConfiguration: {
      id: 1,
      sendTimeConfiguration: { id: 1, time_offset_minutes: 780 },
      preferenceConfiguration: { id: 1, preferences: [1] },
    },
  });
  state.sender = {
    account_id: 1,
    name: 'Rule Sandbox',
    email: 'no-reply@example.com',
    company: 'Example AB',
    text_message_sender_name: 'Example',
    link_instead_of_stop_word: false,
  };
  return at;
}

function seedSegments(state: RuleFakeState, at: string) {
  const members = (test: (s: FakeSubscriber) => boolean) => state.subscribers.filter(test).map((s) => s.id);
  const segment = (name: string, description: string, sync_at: string, subscriber_ids: number[]) =>
    state.segments.push({
      id: nextId(state, 'segment'),
      name,
      description,
      created_at: at,
      updated_at: at,
      sync_at,
      subscriber_ids,
    });
  segment(
    'Customers',
    'Subscribers with at least one order',
    '12:00:00',
    members((s) => 'Order.Created' in s.fields),
  );
  segment(
    'Stockholm',
    'Subscribers living in Stockholm',
    '06:00:00',
    members((s) => s.fields['Profile.City'] === 'Stockholm'),
  );
  segment(
    'My segment',
    'VIP customers',
    '12:00:00',
    members((s) => s.tags.includes(2) && s.tags.includes(3)),
  );
}

function seedActivity(state: RuleFakeState) {
  const suppress = (
    subscriber_id: number,
    dispatcher_type: 'campaign' | 'transactional',
    message_type: 'email' | 'text_message',
    source: string,
  ) =>
    state.suppressions.push({
      id: nextId(state, 'suppression'),
      created_at: ruleTime(SEEDED_AT + 40 * 24 * HOUR),
      dispatcher_type,
      message_type,
      suppressed_source_type: source,
      subscriber_id,
    });
  suppress(3, 'campaign', 'email', 'bounce');
  suppress(4, 'transactional', 'email', 'user');
  suppress(5, 'campaign', 'text_message', 'user');

  const campaign = (name: string, type: 'email' | 'text_message', tagId: number, tagName: string) => {
    const c = {
      id: nextId(state, 'campaign'),
      name,
      subject: name,
      type,
      status: 'draft' as const,
      from: { name: 'Rule Sandbox', ...(type === 'email' ? { email: 'no-reply@example.com' } : {}) },
      language: 'sv',
      email_template_id: type === 'email' ? 1 : null,
      content: type === 'email' ? { html: `<h1>${name}</h1>`, plain: name } : `${name}: 20% off today`,
      created_at: ruleTime(SEEDED_AT + 30 * 24 * HOUR),
      send_at: null,
      sent_at: null,
      recipients: { tags: [{ id: tagId, name: tagName, negative: false }], segments: [] },
      sent_to: [],
      statistics: emptyStatistics(),
    };
    state.campaigns.push(c);
    return c;
  };
  const spring = campaign('Spring newsletter', 'email', 1, 'Newsletter');
  deliver(state, spring, SEEDED_AT + 31 * 24 * HOUR);
  spring.statistics = {
    open: { unique: 61, total: 88 },
    click: { unique: 17, total: 23 },
    browser: { unique: 4, total: 5 },
    bounced: { hard: 1, soft: 2 },
    unsubscribed: { user: 2, spam: 0 },
  };
  campaign('Flash sale', 'text_message', 2, 'VIP');
}

/** What the fake starts with: an empty account, or the demo account. */
export function initialState(seed: boolean): RuleFakeState {
  const state: RuleFakeState = {
    subscribers: [],
    tags: [],
    fieldGroups: [],
    segments: [],
    templates: [],
    suppressions: [],
    campaigns: [],
    transactions: [],
    preferenceGroups: [],
    journeys: [],
    sender: {},
    requestCount: 0,
    rateLimit: openWindow(),
    lastIds: {},
  };
  if (!seed) return state;
  const at = seedCatalogue(state);
  for (let n = 1; n <= SUBSCRIBER_COUNT; n++) seedSubscriber(state, n);
  seedSegments(state, at);
  seedActivity(state);
  return state;
}
