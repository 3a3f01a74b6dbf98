import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import * as icloudready from '../../src/icloudready/generated/v2/zod.gen.js';
import * as rule2 from '../../src/rule/generated/v2/zod.gen.js';
import * as rule3 from '../../src/rule/generated/v3/zod.gen.js';
import * as sequence from '../../src/sequence/generated/v1/zod.gen.js';
import { compileSchema } from '../../src/zod/compile-schema.js';
import * as nodeBuild from '../../src/zod/node.js';
import * as portable from '../../src/zod/portable.js';
import fc from '../helpers/fast-check.js';
import { OpenApiExamples } from '../helpers/openapi-examples.js';
import { applyMutation, hostileString, mutationOf } from '../property/hostile.js';

type Schema = z.ZodMiniType;

/** Every documented 2xx example beside the generated schema of its operation (`z<OperationId>Response`). */
function documentedResponses(): Array<{ name: string; schema: Schema; body: unknown }> {
  const specs: Array<[string, Record<string, unknown>]> = [
    ['rule-v2.yaml', rule2],
    ['rule-v3.yaml', rule3],
    ['sequence-v1.yaml', sequence],
    ['icloudready-v2.yaml', icloudready],
  ];
  return specs.flatMap(([file, generated]) =>
    new OpenApiExamples(file).operations().flatMap((op) => {
      const name = `z${op.operationId[0]!.toUpperCase()}${op.operationId.slice(1)}Response`;
      const schema = generated[name];
      if (!(schema instanceof z.ZodMiniType)) return [];
      return Object.entries(op.responseExamples)
        .filter(([status]) => status.startsWith('2'))
        .flatMap(([, examples]) => Object.values(examples).map((body) => ({ name, schema, body })));
    }),
  );
}

const RESPONSES = documentedResponses();

/** What a caller can observe of a validation: the value, or the issues (code, path, message, …). */
function outcome(schema: Schema, body: unknown) {
  const result = schema['~standard'].validate(body);
  if (result instanceof Promise) throw new Error('response schemas are synchronous');
  return result.issues ? { issues: result.issues } : { value: result.value };
}

const jsonValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(null, '', 0, -1, '1', [], {}, true),
);
const bodyMutation = mutationOf(
  jsonValue,
  fc.oneof(hostileString, fc.constantFrom('__proto__', 'id', 'meta')),
);

describe('compileSchema', () => {
  it('finds documented responses of every API to compare on', () => {
    const names = new Set(RESPONSES.map((r) => r.name));
    expect(names.size).toBeGreaterThan(40);
    expect(names).toContain('zListSubscribersResponse');
  });

  it('compiles each zod schema once, and leaves anything else as it is', () => {
    const schema = rule2.zListSubscribersResponse;
    const compiled = compileSchema(schema);
    expect(compiled).not.toBe(schema);
    expect(compileSchema(schema)).toBe(compiled);
    const plain = { '~standard': { validate: (value: unknown) => ({ value }) } };
    expect(compileSchema(plain)).toBe(plain);
  });

  it('gives the same value as the plain parser for every documented response', () => {
    for (const { name, schema, body } of RESPONSES) {
      expect(outcome(compileSchema(schema) as Schema, body), name).toEqual(outcome(schema, body));
    }
  });

  it('gives the same value or the same issues for documented responses with one place changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RESPONSES), bodyMutation, ({ schema, body }, m) => {
        const [changed] = applyMutation([body], m);
        expect(outcome(compileSchema(schema) as Schema, changed)).toEqual(outcome(schema, changed));
      }),
      { numRuns: 2_000 },
    );
  });
});

describe('the portable zod build', () => {
  it('keeps every zod/mini export, with compile returning the schema itself', () => {
    const schema = z.looseObject({ id: z.int() });
    expect(portable.compile(schema)).toBe(schema);
    expect(Object.keys(portable).sort()).toEqual(Object.keys(z).sort());
    expect(portable.looseObject).toBe(z.looseObject);
  });
});

describe('the Node zod build', () => {
  it('compiles, unless the app turned zod code generation off', () => {
    const schema = z.looseObject({ id: z.int() });
    expect(nodeBuild.compile(schema)).not.toBe(schema);
    z.config({ jitless: true });
    try {
      expect(nodeBuild.compile(schema)).toBe(schema);
    } finally {
      z.config({ jitless: false });
    }
  });
});
