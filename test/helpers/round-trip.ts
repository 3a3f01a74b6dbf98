import { expect } from 'vitest';
import type { ResponseSchema } from '../../src/internal/standard-schema.js';
import type { OpenApiExamples } from './openapi-examples.js';

type Schemas = Record<string, unknown>;

function generated(
  schemas: Schemas,
  operationId: string,
  part: 'Body' | 'Response',
): ResponseSchema<unknown> {
  const name = `z${operationId[0]!.toUpperCase()}${operationId.slice(1)}${part}`;
  const schema = schemas[name] as ResponseSchema<unknown> | undefined;
  if (!schema) throw new Error(`no generated ${name}`);
  return schema;
}

/** Every documented request example passes the operation's generated (exact) body schema unchanged. */
export function expectRequestExamplesPass(spec: OpenApiExamples, schemas: Schemas): number {
  let count = 0;
  for (const { operationId, requestExamples } of spec.operations()) {
    for (const [name, value] of Object.entries(requestExamples)) {
      const result = generated(schemas, operationId, 'Body')['~standard'].validate(value);
      expect(result, `${operationId} ${name}`).not.toHaveProperty('issues');
      count++;
    }
  }
  return count;
}

/** Every documented 2xx example with a body passes the operation's generated response schema, every field kept. */
export function expectAnswerExamplesPass(spec: OpenApiExamples, schemas: Schemas): number {
  let count = 0;
  for (const { operationId, responseExamples } of spec.operations()) {
    for (const [status, examples] of Object.entries(responseExamples)) {
      if (!status.startsWith('2')) continue;
      for (const [name, value] of Object.entries(examples)) {
        const result = generated(schemas, operationId, 'Response')['~standard'].validate(value);
        expect(result, `${operationId} ${status} ${name}`).toEqual({ value });
        count++;
      }
    }
  }
  return count;
}
