import { deref, type Json, loadSpec, namedExamples, operations } from './spec-document.js';

export interface DocumentedOperation {
  operationId: string;
  method: string;
  /** Path template as the spec writes it, e.g. `/subscribers/{identifier}`. */
  path: string;
  /** Named request body examples. */
  requestExamples: Record<string, unknown>;
  /** Named response examples by status code (`'200'`, `'404'`, …). */
  responseExamples: Record<string, Record<string, unknown>>;
}

function values(examples: Record<string, Json>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(examples).map(([name, example]) => [name, example.value]));
}

/** The operations and examples of an OpenAPI document under spec/, `$ref`s resolved: the tests' fixtures. */
export class OpenApiExamples {
  readonly doc: Json;
  readonly serverUrl: string;
  readonly #byId = new Map<string, DocumentedOperation>();

  constructor(file: string) {
    this.doc = loadSpec(file);
    this.serverUrl = ((this.doc.servers as Json[] | undefined)?.[0]?.url as string) ?? '';
    for (const { method, path, op } of operations(this.doc)) {
      const responseExamples: DocumentedOperation['responseExamples'] = {};
      for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
        responseExamples[status] = values(namedExamples(this.doc, response));
      }
      this.#byId.set(op.operationId as string, {
        operationId: op.operationId as string,
        method,
        path,
        requestExamples: values(namedExamples(this.doc, op.requestBody)),
        responseExamples,
      });
    }
  }

  operation(operationId: string): DocumentedOperation {
    const op = this.#byId.get(operationId);
    if (!op) throw new Error(`no operation ${operationId} in the spec`);
    return op;
  }

  operations(): DocumentedOperation[] {
    return [...this.#byId.values()];
  }

  /** The one response example for a status, or the named one. */
  response(operationId: string, status: string, name?: string): unknown {
    const examples = this.operation(operationId).responseExamples[status] ?? {};
    const key = name ?? Object.keys(examples)[0];
    if (key === undefined || !(key in examples))
      throw new Error(`no ${status} example ${name ?? ''} for ${operationId}`);
    return examples[key];
  }

  /** The one request example, or the named one. */
  request(operationId: string, name?: string): unknown {
    const examples = this.operation(operationId).requestExamples;
    const key = name ?? Object.keys(examples)[0];
    if (key === undefined || !(key in examples))
      throw new Error(`no request example ${name ?? ''} for ${operationId}`);
    return examples[key];
  }

  deref(value: unknown): Json {
    return deref(this.doc, value);
  }
}
