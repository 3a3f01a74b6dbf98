import { describe, expect, it } from 'vitest';
import {
  zCreateSequenceActivityBody,
  zCreateSequenceActivityResponse,
  zCreateSequenceBody,
  zCreateSequenceResponse,
  zDeleteSequenceResponse,
  zGetSequenceResponse,
  zListSequencesResponse,
  zPatchSequenceBody,
  zPatchSequenceResponse,
  zUpdateSequenceBody,
  zUpdateSequenceResponse,
} from '../../src/icloudready/generated/v2/zod.gen.js';
import type { ResponseSchema } from '../../src/internal/standard-schema.js';
import { icloudreadyV2 as spec } from './icloudready-mock.js';

// Structural completeness of spec/icloudready-v2.yaml against the seed seeds/004_2e15207995dc7ad6.txt: the seven
// operations at their documented methods and paths, the list query parameters, the sixteen body fields with their
// documented types, the docs' curl example as JSON, lenient response schemas, and a labelled example everywhere.
// Every example is also validated against the generated zod schemas.

type Json = Record<string, unknown>;

/** The seed's operations: operationId, method, path below /api/v2. */
const TABLE: [string, string, string][] = [
  ['listSequences', 'GET', '/sequences'],
  ['createSequence', 'POST', '/sequences'],
  ['getSequence', 'GET', '/sequences/{id}'],
  ['updateSequence', 'PUT', '/sequences/{id}'],
  ['patchSequence', 'PATCH', '/sequences/{id}'],
  ['deleteSequence', 'DELETE', '/sequences/deleted/{id}'],
  ['createSequenceActivity', 'POST', '/sequences/activity'],
];

/** The request body fields of create and update, with the type the docs give each. */
const BODY_FIELDS: Record<string, string> = {
  name: 'string',
  code: 'string',
  schedule: 'object',
  priority: 'string',
  owner: 'object',
  type: 'string',
  emailFrom: 'object',
  maxContacts: 'integer',
  tags: 'array',
  status: 'string',
  steps: 'array',
  contacts: 'array',
  template: 'string',
  startDate: 'string',
  endDate: 'string',
  deleted: 'string',
};

/** The list query parameters, with their documented types. */
const LIST_PARAMS: Record<string, string> = {
  limit: 'integer',
  page: 'integer',
  order: 'string',
  sortBy: 'string',
  fields: 'string',
  p: 'string',
  q: 'string',
};

const MODELLED_RESPONSE = 'modelled, the docs show no response';
const MODELLED_REQUEST = 'modelled, the docs show no request body';
const DOCS_EXAMPLE = 'iCloudReady docs curl example, as JSON';

const doc = spec.doc;
const schemas = (doc.components as Json).schemas as Record<string, Json>;
const pathItem = (path: string) => (doc.paths as Record<string, Json>)[path]!;
const rawOp = (id: string) => {
  const { method, path } = spec.operation(id);
  return pathItem(path)[method.toLowerCase()] as Json;
};

/** Path-level and operation-level parameters, resolved. */
function parameters(id: string): Json[] {
  const { path } = spec.operation(id);
  return [
    ...((pathItem(path).parameters ?? []) as unknown[]),
    ...((rawOp(id).parameters ?? []) as unknown[]),
  ].map((p) => spec.deref(p));
}

/** Every named example object (summary, value) of a request body or response, resolved. */
function namedExamples(holder: unknown): Json[] {
  const content = (spec.deref(holder)?.content ?? {}) as Record<string, Json>;
  return Object.values(content).flatMap((media) =>
    Object.values((media.examples ?? {}) as Record<string, unknown>).map((example) => spec.deref(example)),
  );
}

const responses = (id: string) => Object.entries(rawOp(id).responses as Json);

/** The generated zod schemas of each operation's body and 2xx response. */
const GENERATED: Record<string, { Body?: ResponseSchema<unknown>; Response: ResponseSchema<unknown> }> = {
  listSequences: { Response: zListSequencesResponse },
  createSequence: { Body: zCreateSequenceBody, Response: zCreateSequenceResponse },
  getSequence: { Response: zGetSequenceResponse },
  updateSequence: { Body: zUpdateSequenceBody, Response: zUpdateSequenceResponse },
  patchSequence: { Body: zPatchSequenceBody, Response: zPatchSequenceResponse },
  deleteSequence: { Response: zDeleteSequenceResponse },
  createSequenceActivity: { Body: zCreateSequenceActivityBody, Response: zCreateSequenceActivityResponse },
};

function generatedSchema(id: string, part: 'Body' | 'Response'): ResponseSchema<unknown> {
  const schema = GENERATED[id]?.[part];
  if (!schema) throw new Error(`no generated ${part} schema for ${id}`);
  return schema;
}

/** The JSON type of a value, in OpenAPI's words. */
const jsonType = (value: unknown) =>
  Array.isArray(value)
    ? 'array'
    : Number.isInteger(value)
      ? 'integer'
      : value === null
        ? 'null'
        : typeof value;

describe('spec/icloudready-v2.yaml', () => {
  it('is OpenAPI 3.1 against the documented base URL with a bearer key', () => {
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.servers).toEqual([{ url: 'https://api.icloud-ready.com/api/v2' }]);
    const scheme = ((doc.components as Json).securitySchemes as Record<string, Json>).BearerAuth;
    expect(scheme).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.security).toEqual([{ BearerAuth: [] }]);
  });

  it('has exactly the seven documented operations, each at its documented method and path', () => {
    expect(
      spec
        .operations()
        .map((o) => [o.operationId, o.method, o.path])
        .sort(),
    ).toEqual([...TABLE].sort());
  });

  it('takes the required string path id wherever the path has one, and nowhere else', () => {
    for (const [id, , path] of TABLE) {
      const pathParams = parameters(id).filter((p) => p.in === 'path');
      if (!path.includes('{id}')) {
        expect(pathParams, id).toEqual([]);
        continue;
      }
      expect(pathParams, id).toHaveLength(1);
      expect(pathParams[0], id).toMatchObject({ name: 'id', required: true, schema: { type: 'string' } });
    }
  });

  it('documents the seven list query parameters, none required, with the inferred bounds marked', () => {
    const query = parameters('listSequences').filter((p) => p.in === 'query');
    expect(Object.fromEntries(query.map((p) => [p.name, (p.schema as Json).type]))).toEqual(LIST_PARAMS);
    for (const p of query) expect(p.required ?? false, p.name as string).toBe(false);
    const byName = new Map(query.map((p) => [p.name, p]));
    expect(byName.get('limit')).toMatchObject({ 'x-inferred': true, schema: { minimum: 1, maximum: 100 } });
    expect(byName.get('page')).toMatchObject({ 'x-inferred': true, schema: { minimum: 1 } });
    for (const id of TABLE.map(([i]) => i).filter((i) => i !== 'listSequences'))
      expect(
        parameters(id).filter((p) => p.in === 'query'),
        id,
      ).toEqual([]);
  });

  it('types the sixteen body fields as documented, none required, with maxContacts bounded below by 0', () => {
    const input = schemas.SequenceInput!;
    expect(input.required).toBeUndefined();
    const properties = input.properties as Record<string, Json>;
    expect(Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, p.type]))).toEqual(
      BODY_FIELDS,
    );
    expect(properties.maxContacts).toMatchObject({ minimum: 0, 'x-inferred': true });
  });

  it('takes a JSON body exactly on create, update, patch and activity, each with a named example', () => {
    const withBody = TABLE.map(([id]) => id).filter((id) => rawOp(id).requestBody);
    expect(withBody.sort()).toEqual(
      ['createSequence', 'updateSequence', 'patchSequence', 'createSequenceActivity'].sort(),
    );
    for (const id of withBody) {
      const content = spec.deref(rawOp(id).requestBody).content as Json;
      expect(Object.keys(content), id).toEqual(['application/json']);
      expect(Object.keys(spec.operation(id).requestExamples).length, id).toBeGreaterThan(0);
    }
  });

  it("carries the docs' curl example on create and update: every field, its placeholder as a value of its type", () => {
    for (const id of ['createSequence', 'updateSequence']) {
      const body = spec.request(id, 'docs') as Json;
      expect(Object.keys(body).sort(), id).toEqual(Object.keys(BODY_FIELDS).sort());
      for (const [field, type] of Object.entries(BODY_FIELDS)) {
        expect(jsonType(body[field]), `${id} ${field}`).toBe(type);
        if (type === 'string') expect(body[field], `${id} ${field}`).toBe('string');
      }
    }
  });

  it('labels every example: the docs curl example, or modelled', () => {
    for (const [id] of TABLE) {
      for (const example of namedExamples(rawOp(id).requestBody)) {
        expect([DOCS_EXAMPLE, MODELLED_REQUEST], id).toContain(example.summary);
      }
      for (const [status, response] of responses(id)) {
        const examples = namedExamples(response);
        expect(examples.length, `${id} ${status}`).toBeGreaterThan(0);
        for (const example of examples) expect(example.summary, `${id} ${status}`).toBe(MODELLED_RESPONSE);
      }
    }
  });

  it('answers one 2xx and a default error on every operation', () => {
    for (const [id] of TABLE) {
      const codes = responses(id).map(([code]) => code);
      expect(
        codes.filter((code) => code.startsWith('2')),
        id,
      ).toHaveLength(1);
      expect(codes, id).toContain('default');
    }
  });

  it('keeps every response schema open: no required fields, no closed objects, every documented field nullable', () => {
    const sequence = schemas.Sequence!;
    expect(sequence.required).toBeUndefined();
    const properties = sequence.properties as Record<string, Json>;
    for (const [field, type] of Object.entries(BODY_FIELDS))
      expect(properties[field]?.type, field).toEqual([type, 'null']);
    for (const [name, schema] of Object.entries(schemas))
      expect(schema.additionalProperties === false, name).toBe(false);
  });

  it('accepts a bare array and the data, items and results envelopes for the list, with an example of each', () => {
    const shapes = (schemas.SequenceList!.oneOf as Json[]).map((s) =>
      s.type === 'array' ? 'array' : s.required,
    );
    expect(shapes).toEqual(['array', ['data'], ['items'], ['results']]);
    const examples = Object.values(spec.operation('listSequences').responseExamples['200']!);
    expect(examples.map((e) => (Array.isArray(e) ? 'array' : Object.keys(e as Json)[0]))).toEqual([
      'array',
      'data',
      'items',
      'results',
    ]);
  });

  it('shows fields the docs do not name in the response examples, to prove they are kept', () => {
    expect(spec.response('getSequence', '200')).toMatchObject({ createdAt: expect.any(String), __v: 0 });
    expect(spec.response('listSequences', '200', 'resultsEnvelope')).toMatchObject({ count: 1 });
  });

  it('every request example passes the generated body schema', () => {
    for (const { operationId, requestExamples } of spec.operations()) {
      for (const [name, value] of Object.entries(requestExamples)) {
        const result = generatedSchema(operationId, 'Body')['~standard'].validate(value);
        expect(result, `${operationId} ${name}`).not.toHaveProperty('issues');
      }
    }
  });

  it('every 2xx example passes the generated response schema, and keeps its unknown fields', () => {
    for (const { operationId, responseExamples } of spec.operations()) {
      for (const [status, examples] of Object.entries(responseExamples)) {
        if (!status.startsWith('2')) continue;
        for (const [name, value] of Object.entries(examples)) {
          const result = generatedSchema(operationId, 'Response')['~standard'].validate(value);
          expect(result, `${operationId} ${name}`).toEqual({ value });
        }
      }
    }
  });
});
