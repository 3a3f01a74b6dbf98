import { describe, expect, it } from 'vitest';
import * as schemas from '../../src/rule/generated/v2/zod.gen.js';
import { type DocumentedOperation, OpenApiExamples } from '../helpers/openapi-examples.js';
import { BASE, ruleFake } from './rule-fake-helpers.js';

// The fake against the docs: every documented request example is answered with a body the SDK's generated
// response schema accepts (so fake and client cannot drift), and documented errors come back word for word.

const v2 = new OpenApiExamples('rule-v2.yaml');
const v3 = new OpenApiExamples('rule-v3.yaml');

type Json = Record<string, unknown>;
type Schema = { safeParse(value: unknown): { success: boolean; error?: unknown } };

/** The operation's path with its documented parameter examples (`page` and date filters left out, to get data). */
function exampleUrl(op: DocumentedOperation): string {
  const item = (v2.doc.paths as Record<string, Json>)[op.path]![op.method.toLowerCase()] as Json;
  let path = op.path;
  const query = new URLSearchParams();
  for (const raw of (item.parameters ?? []) as unknown[]) {
    const p = v2.deref(raw) as { name: string; in: string; example?: unknown };
    if (p.in === 'path') path = path.replace(`{${p.name}}`, encodeURIComponent(String(p.example)));
    else if (p.example !== undefined && p.name !== 'page' && !/_(from|to)$/.test(p.name)) {
      query.set(p.name, String(p.example));
    }
  }
  return `${BASE}/v2${path}${query.size > 0 ? `?${query}` : ''}`;
}

function cases(): Array<[string, DocumentedOperation, unknown]> {
  return v2.operations().flatMap((op) => {
    const bodies = Object.entries(op.requestExamples);
    return bodies.length === 0
      ? [[op.operationId, op, undefined] as [string, DocumentedOperation, unknown]]
      : bodies.map(
          ([name, body]) =>
            [`${op.operationId} (${name})`, op, body] as [string, DocumentedOperation, unknown],
        );
  });
}

const keysOf = (value: unknown) => (typeof value === 'object' && value !== null ? Object.keys(value) : []);

describe('every documented v2 request example', () => {
  it('covers the 38 operations of rule.md #1–#39 (#1 and #2 share one)', () => {
    expect(v2.operations()).toHaveLength(38);
  });

  it.each(cases())('%s', async (_name, op, body) => {
    const { call } = ruleFake();
    const response = await call(op.method, exampleUrl(op), body);
    expect(response.status, response.text).toBe(200);
    const schemaName = `z${op.operationId[0]!.toUpperCase()}${op.operationId.slice(1)}Response`;
    const schema = (schemas as unknown as Record<string, Schema>)[schemaName];
    expect(schema, schemaName).toBeDefined();
    const parsed = schema!.safeParse(response.json);
    expect(parsed.success, JSON.stringify(parsed.error)).toBe(true);
    // Same envelope as a documented example: a bare array where the docs show one, else their top-level keys.
    const documented = Object.values(op.responseExamples['200'] ?? {});
    if (documented.some(Array.isArray)) expect(Array.isArray(response.json)).toBe(true);
    else {
      const fits = documented.some((example) =>
        keysOf(example).every((k) => keysOf(response.json).includes(k)),
      );
      expect(fits, `keys ${keysOf(response.json)}`).toBe(true);
    }
  });
});

describe('every documented v3 request example', () => {
  const v3Cases = v3
    .operations()
    .flatMap((op) =>
      Object.entries(op.requestExamples).map(
        ([name, body]) => [`${op.operationId} (${name})`, op, body] as const,
      ),
    );
  it.each(v3Cases)('%s answers 204', async (_name, op, body) => {
    const { call } = ruleFake();
    const response = await call(op.method, `${BASE}/v3${op.path}`, body);
    expect(response.status, response.text).toBe(204);
    expect(response.text).toBe('');
  });
});

const john = { email: 'john@example.com', phone_number: '+46123456789' };
const emailTransaction = {
  transaction_type: 'email',
  subject: 'Hi',
  from: { name: 'Shop', email: 'shop@example.com' },
  to: { email: 'someone@example.com' },
  content: { html: btoa('<p>Hi</p>'), plain: btoa('Hi') },
};
const campaign = {
  subject: 'Sale',
  from: { name: 'Shop', email: 'shop@example.com' },
  message_type: 'email',
  recipients: { tags: [{ identifier: 'Newsletter' }] },
};

/** [operation, status, example name, request, placeholders the docs leave in the message] */
const errors: Array<[string, string, string, [string, string, unknown?], Record<string, string>?]> = [
  ['listSubscribers', '401', 'NotAuthorized', ['GET', 'subscribers', undefined]],
  ['listSubscribers', '400', 'LimitExceed', ['GET', 'subscribers?limit=101']],
  ['listTags', '400', 'LimitExceed', ['GET', 'tags?limit=500']],
  [
    'createSubscribers',
    '400',
    'BadRequest',
    ['POST', 'subscribers', { tags: ['A'], subscribers: { language: 'sv' } }],
  ],
  [
    'createSubscribers',
    '400',
    'InvalidFieldName',
    [
      'POST',
      'subscribers',
      { tags: ['A'], subscribers: { email: 'a@example.com', fields: [{ key: 'Group.email', value: 'x' }] } },
    ],
  ],
  [
    'createSubscribers',
    '400',
    'InvalidFieldType',
    [
      'POST',
      'subscribers',
      {
        tags: ['A'],
        subscribers: { email: 'a@example.com', fields: [{ key: 'G.F', value: 1, type: 'number' }] },
      },
    ],
  ],
  [
    'createSubscribers',
    '404',
    'TagNotFound',
    ['POST', 'subscribers', { tags: ['999'], subscribers: { email: 'a@example.com' } }],
  ],
  [
    'createSubscribers',
    '409',
    'DuplicateSubscriber',
    ['POST', 'subscribers', { tags: ['A'], subscribers: john }],
  ],
  [
    'createSubscribers',
    '413',
    'RequestEntityTooLarge',
    [
      'POST',
      'subscribers',
      { tags: ['A'], subscribers: Array.from({ length: 1001 }, (_, i) => ({ email: `n${i}@example.com` })) },
    ],
  ],
  ['getSubscriber', '404', 'NotFound', ['GET', 'subscribers/nobody%40example.com']],
  ['getSubscriberFields', '404', 'NotFound', ['GET', 'subscriber/nobody%40example.com/fields']],
  ['deleteSubscriber', '404', 'NotFound', ['DELETE', 'subscribers/999999?identified_by=id']],
  [
    'deleteSubscribers',
    '404',
    'NotFound',
    ['DELETE', 'subscribers', { subscribers: [{ identifier: 'x@example.com', identified_by: 'email' }] }],
  ],
  ['updateSubscriber', '400', 'BadRequestInvalidLanguage', ['PUT', 'subscribers/1', { language: 'swedish' }]],
  [
    'updateSubscriber',
    '400',
    'BadRequestInvalidPhoneNumber',
    ['PUT', 'subscribers/1', { phone_number: 'call me' }],
  ],
  [
    'updateSubscriber',
    '400',
    'InvalidFieldType',
    ['PUT', 'subscribers/1', { fields: [{ key: 'G.F', value: 'x', type: 'bool' }] }],
  ],
  ['updateSubscriber', '404', 'SubscriberNotFound', ['PUT', 'subscribers/999999', { language: 'sv' }]],
  ['updateSubscriber', '404', 'TagNotFound', ['PUT', 'subscribers/1', { tags: [4242] }]],
  ['updateSubscriber', '409', 'BadRequest', ['PUT', 'subscribers/1', { email: 'jane@example.com' }]],
  ['removeSubscriberTag', '404', 'TagNotFound', ['DELETE', 'subscribers/john%40example.com/tags/NoSuchTag']],
  ['removeSubscriberTag', '404', 'SubscriberNotFound', ['DELETE', 'subscribers/nobody%40example.com/tags/1']],
  ['getTag', '404', 'TagNotFound', ['GET', 'tags/NoSuchTag?identified_by=name']],
  ['updateTag', '409', 'DuplicateTag', ['PUT', 'tags/Newsletter?identified_by=name', { name: 'VIP' }]],
  ['clearTag', '404', 'TagNotFound', ['DELETE', 'tags/4242/clear?identified_by=id']],
  [
    'sendTransaction',
    '400',
    'BadTransactionType',
    ['POST', 'transactionals', { ...emailTransaction, transaction_type: 'fax' }],
  ],
  [
    'sendTransaction',
    '400',
    'ValidationError',
    ['POST', 'transactionals', { ...emailTransaction, from: { name: 'Shop' } }],
  ],
  [
    'sendTransaction',
    '400',
    'SuppressedSubscriber',
    ['POST', 'transactionals', { ...emailTransaction, to: { email: 'karin.johansson4@example.com' } }],
  ],
  [
    'sendTransaction',
    '400',
    'InactiveSubscriber',
    ['POST', 'transactionals', { ...emailTransaction, to: { email: 'johan.karlsson17@example.com' } }],
  ],
  ['getTemplate', '404', 'TemplateNotFound', ['GET', 'templates/99']],
  ['createCustomizations', '400', 'BadRequestFieldsMissing', ['POST', 'customizations', { fields: [] }]],
  [
    'createCustomizations',
    '400',
    'BadRequestFieldType',
    ['POST', 'customizations', { fields: [{ key: 'A.B', type: 'bool' }] }],
    { '{type}': 'bool' },
  ],
  [
    'createCustomizations',
    '400',
    'ReservedKeyword',
    ['POST', 'customizations', { fields: [{ key: 'A.email' }] }],
    { '{name}': 'email' },
  ],
  [
    'createCustomizations',
    '400',
    'BadRequestKeyFormat',
    ['POST', 'customizations', { fields: [{ key: 'NoDot' }] }],
    { '{key}': 'NoDot' },
  ],
  ['getCustomization', '404', 'NotFound', ['GET', 'customizations/NoSuchGroup']],
  ['createSuppressions', '400', 'BadRequest', ['POST', 'suppressions', { subscribers: [] }]],
  [
    'createSuppressions',
    '400',
    'InvalidIdentifier',
    ['POST', 'suppressions', { subscribers: [{ name: 'John' }] }],
    { ':identifier': 'name' },
  ],
  [
    'createSuppressions',
    '400',
    'InvalidDispatcherType',
    ['POST', 'suppressions', { subscribers: [{ id: 1 }], suppress_on: { push: ['email'] } }],
  ],
  [
    'createSuppressions',
    '400',
    'InvalidMessageType',
    ['POST', 'suppressions', { subscribers: [{ id: 1 }], suppress_on: { campaign: ['fax'] } }],
  ],
  [
    'createSuppressions',
    '404',
    'SubscriberNotFound',
    ['POST', 'suppressions', { subscribers: [{ email: 'nobody@example.com' }] }],
  ],
  ['deleteSuppression', '404', 'SubscriberNotFound', ['DELETE', 'suppressions/nobody%40example.com']],
  ['getCampaign', '404', 'CampaignNotFound', ['GET', 'campaigns/999']],
  ['getCampaignStatistics', '404', 'CampaignNotFound', ['GET', 'campaigns/999/statistics']],
  ['deleteCampaign', '404', 'CampaignNotFound', ['DELETE', 'campaign/999']],
  ['sendCampaign', '400', 'ValidationError', ['POST', 'campaigns/send', { ...campaign, subject: undefined }]],
  [
    'sendCampaign',
    '404',
    'TemplateNotFound',
    ['POST', 'campaigns/send', { ...campaign, email_template_id: 99 }],
  ],
  [
    'scheduleCampaign',
    '400',
    'ValidationError',
    ['POST', 'campaigns/schedule', { ...campaign, subject: '', send_at: '2030-01-01 12:00:00' }],
  ],
  [
    'scheduleCampaign',
    '404',
    'TemplateNotFound',
    ['POST', 'campaigns/schedule', { ...campaign, email_template_id: 99, send_at: '2030-01-01 12:00:00' }],
  ],
  [
    'getSubscriberPreferences',
    '404',
    'NotFound',
    ['GET', 'subscriber/john%40example.com/preference_group/99'],
  ],
  [
    'updateSubscriberPreferences',
    '404',
    'NotFound',
    [
      'PATCH',
      'subscriber/john%40example.com/preference_group/1',
      { preferences: [{ preference_id: 99, is_opted_in: true }] },
    ],
    { '{list of preferenceIds}': '99' },
  ],
];

describe('documented errors, word for word', () => {
  it.each(errors)('%s %s %s', async (opId, status, name, [method, path, body], placeholders = {}) => {
    const { call } = ruleFake();
    const headers: Record<string, string> = status === '401' ? { authorization: '' } : {};
    const response = await call(method, path, body, headers);
    let expected = JSON.stringify(v2.response(opId, status, name));
    for (const [placeholder, value] of Object.entries(placeholders))
      expected = expected.replaceAll(placeholder, value);
    expect(response.status).toBe(Number(status));
    expect(response.json).toEqual(JSON.parse(expected));
  });
});

describe('documented rules without a documented example body', () => {
  it.each(['NoDot', 'Group.', '.Field', 'Gr@up.Field', 'Group.Field[1]', 'Group/Sub.Field', 'Group.Fi~eld'])(
    'field key %s → 400 InvalidFieldName',
    async (key) => {
      const { call, fake } = ruleFake();
      const before = fake.state.subscribers.length;
      const response = await call('POST', 'subscribers', {
        tags: ['A'],
        subscribers: { email: 'new@example.com', fields: [{ key, value: 'x' }] },
      });
      expect(response.status).toBe(400);
      expect(response.json).toMatchObject({ error: 'InvalidFieldName' });
      expect(fake.state.subscribers).toHaveLength(before);
    },
  );

  it('a group may contain dots: the last one splits group from field', async () => {
    const { call, fake } = ruleFake();
    const fields = [{ key: 'Shop.se.Orders', value: '3' }];
    expect(
      (await call('POST', 'subscribers', { tags: ['A'], subscribers: { email: 'n@example.com', fields } }))
        .status,
    ).toBe(200);
    expect(fake.state.fieldGroups.find((g) => g.name === 'Shop.se')?.fields.map((f) => f.name)).toEqual([
      'Orders',
    ]);
  });

  it('an e-mail transaction without a subject → 400 ValidationError', async () => {
    const { call, fake } = ruleFake();
    const { subject: _, ...withoutSubject } = emailTransaction;
    const response = await call('POST', 'transactionals', withoutSubject);
    expect(response.status).toBe(400);
    expect(response.json).toEqual({
      error: 'ValidationError',
      message: [{ subject: ['Attribute is required.'] }],
    });
    expect(fake.state.transactions).toHaveLength(0);
  });

  it('all-digit tags are ids, unknown names are created, unknown ids are 404 and create nothing', async () => {
    const { call, fake } = ruleFake();
    const tagCount = fake.state.tags.length;
    const created = await call('POST', 'subscribers', {
      tags: ['1', 2, 'Fresh'],
      subscribers: { email: 'n@example.com' },
    });
    expect((created.json as { subscriber: { tags: unknown } }).subscriber.tags).toEqual([
      { id: 1, name: 'Newsletter' },
      { id: 2, name: 'VIP' },
      { id: tagCount + 1, name: 'Fresh' },
    ]);
    const refused = await call('POST', 'subscribers', {
      tags: ['Other', '9999'],
      subscribers: { email: 'm@example.com' },
    });
    expect(refused.status).toBe(404);
    expect(fake.state.tags.some((t) => t.name === 'Other')).toBe(false);
    expect(fake.state.subscribers.some((s) => s.email === 'm@example.com')).toBe(false);
  });

  it.each([
    ['empty', { tags: [] }],
    ['repeated', { tags: ['A', 'A'] }],
  ])('a tag list that is %s → 400 BadRequest', async (_case, tags) => {
    const { call } = ruleFake();
    const response = await call('POST', 'subscribers', { ...tags, subscribers: { email: 'n@example.com' } });
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: 'BadRequest', fields: { tags: [expect.any(String)] } });
  });

  it('sync_subscribers: true with more than 100 subscribers → 400, with 100 → 200', async () => {
    const { call } = ruleFake();
    const people = (n: number) => Array.from({ length: n }, (_, i) => ({ email: `s${n}-${i}@example.com` }));
    const over = await call('POST', 'subscribers', {
      tags: ['A'],
      sync_subscribers: true,
      subscribers: people(101),
    });
    expect(over.status).toBe(400);
    expect(over.json).toMatchObject({ error: 'BadRequest' });
    const at = await call('POST', 'subscribers', {
      tags: ['A'],
      sync_subscribers: true,
      subscribers: people(100),
    });
    expect(at.status).toBe(200);
  });
});
