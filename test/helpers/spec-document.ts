import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = Record<string, unknown>;

/** One operation of a spec: its method, path (or webhook name) and raw operation object. */
export interface SpecOperation {
  method: string;
  path: string;
  op: Json;
}

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** An OpenAPI document under spec/, parsed. */
export function loadSpec(file: string): Json {
  return parse(readFileSync(new URL(`../../spec/${file}`, import.meta.url), 'utf8')) as Json;
}

/** Follows local `$ref`s ("#/components/...") until a non-reference object is reached; throws on bad refs. */
export function deref(doc: Json, value: unknown): Json {
  let current = value as Json;
  const seen = new Set<string>();
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref;
    if (!ref.startsWith('#/') || seen.has(ref)) throw new Error(`unresolvable $ref ${ref}`);
    seen.add(ref);
    current = ref
      .slice(2)
      .split('/')
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], doc) as Json;
    if (current === undefined) throw new Error(`dangling $ref ${ref}`);
  }
  return current;
}

/** Every operation under `paths` (or `webhooks`). */
export function operations(doc: Json, section: 'paths' | 'webhooks' = 'paths'): SpecOperation[] {
  const result: SpecOperation[] = [];
  for (const [path, item] of Object.entries((doc[section] ?? {}) as Record<string, Json>)) {
    for (const method of HTTP_METHODS) {
      const op = item[method] as Json | undefined;
      if (op) result.push({ method: method.toUpperCase(), path, op });
    }
  }
  return result;
}

/**
 * Every named example object (resolved) of a request body or response, by name. A single `example` (no name) is
 * named `example`.
 */
export function namedExamples(doc: Json, holder: unknown): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (!holder) return out;
  const content = (deref(doc, holder)?.content ?? {}) as Record<string, Json>;
  for (const media of Object.values(content)) {
    if ('example' in media) out.example = { value: media.example };
    for (const [name, example] of Object.entries((media.examples ?? {}) as Record<string, unknown>)) {
      out[name] = deref(doc, example);
    }
  }
  return out;
}

/** Every example value of a request body or response. */
export function examplesOf(doc: Json, holder: unknown): unknown[] {
  return Object.values(namedExamples(doc, holder)).map((example) => example.value);
}

/** An operation's responses by status code, resolved. */
export function responses(doc: Json, op: Json): [string, Json][] {
  return Object.entries((op.responses ?? {}) as Record<string, unknown>).map(([code, r]) => [
    code,
    deref(doc, r),
  ]);
}

/** An operation's parameters, resolved. */
export function parameters(doc: Json, op: Json): Json[] {
  return ((op.parameters ?? []) as unknown[]).map((p) => deref(doc, p));
}
