import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Json = Record<string, unknown>;

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

/** The operations and examples of an OpenAPI document under spec/, `$ref`s resolved: the tests' fixtures. */
export class OpenApiExamples {
  readonly doc: Json;
  readonly serverUrl: string;
  readonly #byId = new Map<string, DocumentedOperation>();

  constructor(file: string) {
    this.doc = parse(readFileSync(new URL(`../../spec/${file}`, import.meta.url), 'utf8')) as Json;
    this.serverUrl = ((this.doc.servers as Json[] | undefined)?.[0]?.url as string) ?? '';
    for (const [path, item] of Object.entries((this.doc.paths ?? {}) as Record<string, Json>)) {
      for (const method of ['get', 'put', 'post', 'delete', 'patch']) {
        const op = item[method] as Json | undefined;
        if (!op) continue;
        const responses: DocumentedOperation['responseExamples'] = {};
        for (const [status, response] of Object.entries((op.responses ?? {}) as Json)) {
          responses[status] = this.#examples(response);
        }
        this.#byId.set(op.operationId as string, {
          operationId: op.operationId as string,
          method: method.toUpperCase(),
          path,
          requestExamples: this.#examples(op.requestBody),
          responseExamples: responses,
        });
      }
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
    let current = value as Json;
    while (current && typeof current.$ref === 'string') {
      current = (current.$ref as string)
        .slice(2)
        .split('/')
        .reduce<unknown>((node, key) => (node as Json)[key], this.doc) as Json;
    }
    return current;
  }

  #examples(holder: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    if (!holder) return out;
    const content = (this.deref(holder).content ?? {}) as Record<string, Json>;
    for (const media of Object.values(content)) {
      for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, unknown>)) {
        out[name] = this.deref(example).value;
      }
    }
    return out;
  }
}
