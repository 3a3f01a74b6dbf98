import { describe, expect, it } from 'vitest';
import type { ApiError } from '../../src/core/errors/api-error.js';
import {
  AuthenticationError,
  BadRequestError,
  ConflictError,
  InternalServerError,
  NotFoundError,
  PayloadTooLargeError,
  RateLimitError,
  UnprocessableEntityError,
} from '../../src/core/errors/status-errors.js';
import type { CampaignRequest } from '../../src/rule/index.js';
import type { OpenApiExamples } from '../helpers/openapi-examples.js';
import { ruleV2, ruleV3, testRuleClient, useRuleMock } from './rule-mock.js';

// Every error example the specs document, sent through the SDK method that calls that operation: each must come
// back as the error class of its status with the documented `error` code (plain-text 429s as TooManyAttempts).

const { answer } = useRuleMock();
const rule = testRuleClient();
const who = { email: 'john@example.com' };
const campaign: CampaignRequest = {
  subject: 'Hi',
  from: { name: 'Shop', email: 'shop@example.com' },
  message_type: 'email',
  recipients: { tags: [{ identifier: 'Newsletter' }] },
  content: { html: '<p>Hi</p>', plain: 'Hi' },
};

const calls: Record<string, () => PromiseLike<unknown>> = {
  createSubscribers: () => rule.subscribers.create({ subscriber: who, tags: ['T'] }),
  listSubscribers: () => rule.subscribers.list(),
  deleteSubscribers: () => rule.subscribers.deleteMany([who]),
  getSubscriber: () => rule.subscribers.get(who),
  updateSubscriber: () => rule.subscribers.update(1, { language: 'sv' }),
  deleteSubscriber: () => rule.subscribers.delete(who),
  getSubscriberFields: () => rule.subscribers.fields(who),
  addSubscriberTags: () => rule.subscribers.tags.add(who, ['VIP']),
  listSubscriberTags: () => rule.subscribers.tags.list(who),
  clearSubscriberTags: () => rule.subscribers.tags.clear(who),
  removeSubscriberTag: () => rule.subscribers.tags.remove(who, 'VIP'),
  listTags: () => rule.tags.list(),
  getTag: () => rule.tags.get('VIP'),
  updateTag: () => rule.tags.update('VIP', { name: 'Gold' }),
  deleteTag: () => rule.tags.delete('VIP'),
  clearTag: () => rule.tags.clear('VIP'),
  sendTransaction: () =>
    rule.transactions.send({
      type: 'email',
      subject: 'Hi',
      from: { name: 'Shop', email: 'shop@example.com' },
      to: who,
      content: { html: '<p>Hi</p>', plain: 'Hi' },
    }),
  listTemplates: () => rule.templates.list(),
  getTemplate: () => rule.templates.get(1),
  listSegments: () => rule.segments.list(),
  createCustomizations: () => rule.fields.createGroups([{ key: 'Group.Field' }]),
  listCustomizations: () => rule.fields.list(),
  getCustomization: () => rule.fields.get(1),
  listSuppressions: () => rule.suppressions.list(),
  createSuppressionsV3: () => rule.suppressions.create([who]),
  deleteSuppressionsV3: () => rule.suppressions.delete([who]),
  listCampaigns: () => rule.campaigns.list(),
  createCampaign: () => rule.campaigns.create(campaign),
  getCampaign: () => rule.campaigns.get(1),
  getCampaignStatistics: () => rule.campaigns.statistics(1),
  sendCampaign: () => rule.campaigns.send(campaign),
  deleteCampaign: () => rule.campaigns.delete(1),
  scheduleCampaign: () => rule.campaigns.schedule({ ...campaign, send_at: new Date('2030-01-15T11:00:00Z') }),
  listPreferenceGroups: () => rule.preferences.groups(),
  getSubscriberPreferences: () => rule.preferences.get(who, 1),
  updateSubscriberPreferences: () =>
    rule.preferences.update(who, 1, [{ preference_id: 1, is_opted_in: true }]),
  listJourneys: () => rule.journeys.list(),
  getSenderDetails: () => rule.account.senderDetails(),
  blockSubscribers: () => rule.subscribers.block([who]),
  unblockSubscribers: () => rule.subscribers.unblock([who]),
};

/** The v2 suppression writes Rule closed on 2026-03-17; the SDK calls their v3 replacements instead. */
const replacedByV3 = ['createSuppressions', 'deleteSuppression'];

const classByStatus: Record<number, typeof ApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  404: NotFoundError,
  409: ConflictError,
  413: PayloadTooLargeError,
  422: UnprocessableEntityError,
  429: RateLimitError,
  500: InternalServerError,
};

function documentedErrors(spec: OpenApiExamples) {
  return spec
    .operations()
    .filter((op) => !replacedByV3.includes(op.operationId))
    .flatMap((op) =>
      Object.entries(op.responseExamples)
        .filter(([status]) => Number(status) >= 400)
        .flatMap(([status, examples]) =>
          Object.entries(examples).map(([name, body]) => ({
            op: op.operationId,
            status: Number(status),
            name,
            body,
            spec,
          })),
        ),
    );
}

const cases = [...documentedErrors(ruleV2), ...documentedErrors(ruleV3)];

describe('documented Rule errors', () => {
  it('has an SDK method for every operation of the specs (v2 writes replaced by v3 aside)', () => {
    const operations = [...ruleV2.operations(), ...ruleV3.operations()]
      .map((op) => op.operationId)
      .filter((id) => !replacedByV3.includes(id));
    expect(Object.keys(calls).sort()).toEqual(operations.sort());
    expect(cases.length).toBeGreaterThan(100);
  });

  it.each(cases.map((c) => [c.op, c.status, c.name, c] as const))(
    '%s answers %i %s as a typed error',
    async (op, status, _name, { body, spec }) => {
      const plainText = typeof body === 'string';
      answer(op, plainText ? { status, text: body } : { status, body }, spec);
      const error = await Promise.resolve(calls[op]!()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(classByStatus[status]);
      const code = plainText ? 'TooManyAttempts' : ((body as { error?: string }).error ?? 'ValidationError');
      expect(error).toMatchObject({ status, code });
    },
  );
});
