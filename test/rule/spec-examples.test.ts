import { describe, expect, it } from 'vitest';
import * as ruleV2Zod from '../../src/rule/generated/v2/zod.gen.js';
import * as ruleV3Zod from '../../src/rule/generated/v3/zod.gen.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { expectAnswerExamplesPass, expectRequestExamplesPass } from '../helpers/round-trip.js';
import {
  deref,
  examplesOf,
  type Json,
  loadSpec,
  type SpecOperation as Operation,
  operations,
  responses,
} from '../helpers/spec-document.js';

// Structural completeness of the Rule OpenAPI sources (spec/rule-v2.yaml, spec/rule-v3.yaml) against
// api/rule.md: every operation, every documented error code, and an example for every operation. Whether the
// examples validate is checked against the generated zod schemas elsewhere.

/** Normalises `{identifier}`/`{id}` names so the table's placeholder names need not match the spec's. */
const shape = (method: string, path: string) => `${method} ${path.replace(/\{[^}]+\}/g, '{}')}`;

const v2 = loadSpec('rule-v2.yaml');
const v3 = loadSpec('rule-v3.yaml');
const v2Ops = operations(v2);
const v3Ops = operations(v3);
const byId = (ops: Operation[]) => new Map(ops.map((o) => [o.op.operationId as string, o]));

/** rule.md §1, rows #1–#39 (#1 and #2 share one operation; #40 POST /import is out of scope). */
const V2_TABLE: [number, string, string, string][] = [
  [1, 'POST', '/subscribers', 'createSubscribers'],
  [2, 'POST', '/subscribers', 'createSubscribers'],
  [3, 'GET', '/subscribers', 'listSubscribers'],
  [4, 'GET', '/subscribers/{identifier}', 'getSubscriber'],
  [5, 'GET', '/subscriber/{identifier}/fields', 'getSubscriberFields'],
  [6, 'PUT', '/subscribers/{id}', 'updateSubscriber'],
  [7, 'DELETE', '/subscribers/{identifier}', 'deleteSubscriber'],
  [8, 'DELETE', '/subscribers', 'deleteSubscribers'],
  [9, 'POST', '/subscribers/{identifier}/tags', 'addSubscriberTags'],
  [10, 'GET', '/subscribers/{identifier}/tags', 'listSubscriberTags'],
  [11, 'DELETE', '/subscribers/{identifier}/tags/clear', 'clearSubscriberTags'],
  [12, 'DELETE', '/subscribers/{identifier}/tags/{tag_identifier}', 'removeSubscriberTag'],
  [13, 'GET', '/tags', 'listTags'],
  [14, 'GET', '/tags/{identifier}', 'getTag'],
  [15, 'PUT', '/tags/{identifier}', 'updateTag'],
  [16, 'DELETE', '/tags/{identifier}', 'deleteTag'],
  [17, 'DELETE', '/tags/{identifier}/clear', 'clearTag'],
  [18, 'POST', '/transactionals', 'sendTransaction'],
  [19, 'GET', '/templates', 'listTemplates'],
  [20, 'GET', '/templates/{id}', 'getTemplate'],
  [21, 'GET', '/segments', 'listSegments'],
  [22, 'POST', '/customizations', 'createCustomizations'],
  [23, 'GET', '/customizations', 'listCustomizations'],
  [24, 'GET', '/customizations/{identifier}', 'getCustomization'],
  [25, 'POST', '/suppressions', 'createSuppressions'],
  [26, 'GET', '/suppressions', 'listSuppressions'],
  [27, 'DELETE', '/suppressions/{identifier}', 'deleteSuppression'],
  [28, 'GET', '/campaigns', 'listCampaigns'],
  [29, 'POST', '/campaigns', 'createCampaign'],
  [30, 'GET', '/campaigns/{id}', 'getCampaign'],
  [31, 'GET', '/campaigns/{id}/statistics', 'getCampaignStatistics'],
  [32, 'POST', '/campaigns/send', 'sendCampaign'],
  [33, 'DELETE', '/campaign/{id}', 'deleteCampaign'],
  [34, 'POST', '/campaigns/schedule', 'scheduleCampaign'],
  [35, 'GET', '/preference-groups', 'listPreferenceGroups'],
  [36, 'GET', '/subscriber/{identifier}/preference_group/{preference_group_id}', 'getSubscriberPreferences'],
  [
    37,
    'PATCH',
    '/subscriber/{identifier}/preference_group/{preference_group_id}',
    'updateSubscriberPreferences',
  ],
  [38, 'GET', '/journey', 'listJourneys'],
  [39, 'GET', '/sender/details', 'getSenderDetails'],
];

const V3_TABLE: [string, string, string][] = [
  ['POST', '/suppressions/', 'createSuppressionsV3'],
  ['DELETE', '/suppressions/', 'deleteSuppressionsV3'],
  ['POST', '/subscribers/block', 'blockSubscribers'],
  ['POST', '/subscribers/unblock', 'unblockSubscribers'],
];

/** rule.md §2.14: every known v2 `error` code. */
const ERROR_CODES = [
  'NotAuthorized',
  'LimitExceed',
  'UnexpectedError',
  'BadRequest',
  'InvalidFieldName',
  'InvalidFieldType',
  'ReservedKeyword',
  'InvalidIdentifier',
  'InvalidDispatcherType',
  'InvalidMessageType',
  'BadTransactionType',
  'ValidationError',
  'SuppressedSubscriber',
  'InactiveSubscriber',
  'NotFound',
  'SubscriberNotFound',
  'TagNotFound',
  'TemplateNotFound',
  'CampaignNotFound',
  'DuplicateSubscriber',
  'DuplicateTag',
  'RequestEntityTooLarge',
];

describe('spec/rule-v2.yaml', () => {
  it('is OpenAPI 3.1 against the v2 base URL', () => {
    expect(v2.openapi).toMatch(/^3\.1\./);
    expect(v2.servers).toEqual([{ url: 'https://app.rule.io/api/v2' }]);
  });

  it('offers bearer, query and body API-key auth as alternatives', () => {
    const schemes = (v2.components as Json).securitySchemes as Record<string, Json>;
    expect(schemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(schemes.apikeyQuery).toMatchObject({ type: 'apiKey', in: 'query', name: 'apikey' });
    expect(schemes.apikeyBody).toMatchObject({ 'x-rule-apikey-in': 'body' });
    expect(v2.security).toEqual([{ bearer: [] }, { apikeyQuery: [] }, { apikeyBody: [] }]);
  });

  it('has exactly the 38 operations of rule.md §1 #1–#39, each at its documented path', () => {
    const ops = byId(v2Ops);
    const expectedIds = [...new Set(V2_TABLE.map(([, , , id]) => id))];
    expect(expectedIds).toHaveLength(38);
    expect([...ops.keys()].sort()).toEqual([...expectedIds].sort());
    for (const [row, method, path, id] of V2_TABLE) {
      const found = ops.get(id);
      expect(found, `#${row} ${id}`).toBeDefined();
      expect(shape(found!.method, found!.path), `#${row} ${id}`).toBe(shape(method, path));
    }
  });

  it('lists every method/path pair of the table', () => {
    const present = new Set(v2Ops.map((o) => shape(o.method, o.path)));
    for (const [row, method, path] of V2_TABLE)
      expect(present.has(shape(method, path)), `#${row}`).toBe(true);
    expect(present.has(shape('POST', '/import'))).toBe(false);
  });

  it('has unique operationIds across operations and webhooks', () => {
    const ids = [...v2Ops, ...operations(v2, 'webhooks')].map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('marks exactly the two v2 suppression writes deprecated', () => {
    const deprecated = v2Ops.filter((o) => o.op.deprecated === true).map((o) => o.op.operationId);
    expect(deprecated.sort()).toEqual(['createSuppressions', 'deleteSuppression']);
  });

  it('accepts one subscriber or an array of at most 1000 on POST /subscribers', () => {
    const create = byId(v2Ops).get('createSubscribers')!.op;
    const body = deref(
      v2,
      (deref(v2, create.requestBody).content as Record<string, Json>)['application/json']!.schema,
    );
    const subscribers = (body.properties as Record<string, Json>).subscribers!;
    const variants = (subscribers.oneOf as Json[]).map((variant) => deref(v2, variant));
    expect(variants.find((v) => v.type === 'array')).toMatchObject({ maxItems: 1000 });
    expect(variants.some((v) => v.type === 'object')).toBe(true);
  });

  it('caps limit at 100 and starts pages at 1', () => {
    const params = (v2.components as Json).parameters as Record<string, Json>;
    expect(params.Limit!.schema).toMatchObject({ type: 'integer', maximum: 100 });
    expect(params.Page!.schema).toMatchObject({ type: 'integer', minimum: 1 });
  });

  it('has a 2xx response example for every operation', () => {
    for (const { op } of v2Ops) {
      const ok = responses(v2, op).filter(([code]) => code.startsWith('2'));
      const examples = ok.flatMap(([, r]) => examplesOf(v2, r));
      expect(examples.length, op.operationId as string).toBeGreaterThan(0);
    }
  });

  it('has a request example for every operation with a body', () => {
    for (const { op } of v2Ops.filter((o) => o.op.requestBody)) {
      expect(examplesOf(v2, op.requestBody).length, op.operationId as string).toBeGreaterThan(0);
    }
  });

  it('shows every documented error code of rule.md §2.14 in an error example', () => {
    const codes = new Set<string>();
    for (const { op } of v2Ops) {
      for (const [code, r] of responses(v2, op)) {
        if (!/^[45]/.test(code)) continue;
        for (const value of examplesOf(v2, r)) {
          if (value && typeof value === 'object' && 'error' in value) codes.add(String(value.error));
        }
      }
    }
    for (const code of ERROR_CODES) expect(codes.has(code), code).toBe(true);
  });

  it('answers 401, 429 and 500 on every operation, 429 as plain text', () => {
    for (const { op } of v2Ops) {
      const byCode = new Map(responses(v2, op));
      for (const code of ['401', '429', '500'])
        expect(byCode.has(code), `${op.operationId} ${code}`).toBe(true);
      expect(Object.keys(byCode.get('429')!.content as Json)).toEqual(['text/plain']);
    }
  });

  it('documents every webhook payload of rule.md §2.13 with an example', () => {
    const hooks = operations(v2, 'webhooks');
    expect(hooks).toHaveLength(16);
    for (const { path, op } of hooks) expect(examplesOf(v2, op.requestBody).length, path).toBeGreaterThan(0);
  });
});

describe('spec/rule-v3.yaml', () => {
  it('is OpenAPI 3.1 against the v3 base URL', () => {
    expect(v3.openapi).toMatch(/^3\.1\./);
    expect(v3.servers).toEqual([{ url: 'https://app.rule.io/api/v3' }]);
  });

  it('has the four v3 replacements at their documented paths (trailing slash included)', () => {
    const ops = byId(v3Ops);
    expect([...ops.keys()].sort()).toEqual(V3_TABLE.map(([, , id]) => id).sort());
    for (const [method, path, id] of V3_TABLE) {
      expect(ops.get(id), id).toMatchObject({ method, path });
    }
  });

  it('has examples for every operation: a 2xx body example, or a request example for a bodiless 204', () => {
    for (const { op } of v3Ops) {
      const ok = responses(v3, op).filter(([code]) => code.startsWith('2'));
      expect(ok.length, op.operationId as string).toBeGreaterThan(0);
      const responseExamples = ok.flatMap(([, r]) => examplesOf(v3, r));
      const bodiless = ok.every(([code, r]) => code === '204' && r.content === undefined);
      if (bodiless)
        expect(examplesOf(v3, op.requestBody).length, op.operationId as string).toBeGreaterThan(0);
      else expect(responseExamples.length, op.operationId as string).toBeGreaterThan(0);
    }
  });
});

describe('the Rule examples round-trip through the generated schemas', () => {
  const v2Examples = new OpenApiExamples('rule-v2.yaml');
  const v3Examples = new OpenApiExamples('rule-v3.yaml');

  it('every request example passes its exact generated body schema', () => {
    expect(expectRequestExamplesPass(v2Examples, ruleV2Zod)).toBeGreaterThanOrEqual(18);
    expect(expectRequestExamplesPass(v3Examples, ruleV3Zod)).toBeGreaterThan(3);
  });

  it('every 2xx example passes its generated answer schema, every field kept', () => {
    expect(expectAnswerExamplesPass(v2Examples, ruleV2Zod)).toBeGreaterThan(38);
  });
});
