import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig } from '@hey-api/openapi-ts';
import { parse } from 'yaml';

/**
 * Every vendor spec under spec/ generates zod/mini schemas and types into its own folder under src/<api>/generated/.
 * Outputs are siblings, never nested: each job empties its folder first, and the jobs run in parallel.
 */
export const generatedApis = [
  { spec: './spec/rule-v2.yaml', out: 'src/rule/generated/v2' },
  { spec: './spec/rule-v3.yaml', out: 'src/rule/generated/v3' },
  { spec: './spec/sequence-v1.yaml', out: 'src/sequence/generated/v1' },
  { spec: './spec/icloudready-v2.yaml', out: 'src/icloudready/generated/v2' },
  { spec: './spec/sequence-platform-v1.openapi.json', out: 'src/sequence-platform/generated/v1' },
];

// biome-ignore lint/suspicious/noExplicitAny: the resolver context type is internal to @hey-api/openapi-ts.
type ResolverContext = any;
type Json = Record<string, unknown>;

/** An IR schema, as far as merging `allOf` parts reads it. */
interface IrObject {
  type?: string;
  $ref?: string;
  properties?: Record<string, unknown>;
}

/** The parts of an operation the caller sends; `responses` (and webhooks, which the vendor sends) are answers. */
const REQUEST_PARTS = new Set(['body', 'path', 'query', 'headers', 'cookies']);

/**
 * The component schemas only requests use (through a request body or a parameter, directly or nested). A schema
 * an answer or a webhook also uses stays open, since answers are read leniently.
 */
function requestOnlySchemas(specPath: string): Set<string> {
  const doc = parse(readFileSync(specPath, 'utf8')) as Json;
  const components = (doc.components ?? {}) as Record<string, Record<string, unknown>>;
  const reached = { request: new Set<string>(), answer: new Set<string>() };
  const visit = (node: unknown, side: Set<string>): void => {
    if (Array.isArray(node)) for (const item of node) visit(item, side);
    if (typeof node !== 'object' || node === null) return;
    const ref = (node as Json).$ref;
    const [, , kind, name] = typeof ref === 'string' ? ref.split('/') : [];
    if (kind && name && !side.has(`${kind}/${name}`)) {
      side.add(`${kind}/${name}`);
      visit(components[kind]?.[name], side);
    }
    for (const value of Object.values(node)) visit(value, side);
  };
  for (const item of Object.values((doc.paths ?? {}) as Record<string, Json>)) {
    for (const [key, op] of Object.entries(item)) {
      if (key === 'parameters') visit(op, reached.request);
      if (typeof op !== 'object' || op === null || key === 'parameters') continue;
      const { responses, ...request } = op as Json;
      visit(request, reached.request);
      visit(responses, reached.answer);
    }
  }
  visit(doc.webhooks, reached.answer);
  const only = [...reached.request].filter((key) => !reached.answer.has(key) && key.startsWith('schemas/'));
  return new Set(only.map((key) => key.slice('schemas/'.length)));
}

/**
 * Request schemas are exact: a key the spec does not define is refused, so a misspelt option fails before it is
 * sent, and the input types derived from them (`z.input`) make it a type error too. Answers keep unknown keys
 * (vendors add fields without notice; `.withResponse()` consumers still see everything the server sent). A schema
 * that says `additionalProperties` stays open either way.
 */
function objects(requestOnly: Set<string>) {
  const isRequest = (path: ReadonlyArray<string | number>) =>
    (path[0] === 'paths' && REQUEST_PARTS.has(String(path[3]))) ||
    (path[0] === 'components' && path[1] === 'schemas' && requestOnly.has(String(path[2])));
  /** The shape each inline object was given, so that a merge can pass it on as written (see `intersection`). */
  const shapes = new WeakMap<object, unknown>();
  return {
    object(ctx: ResolverContext) {
      const z = ctx.symbols.z;
      const additional = ctx.nodes.additionalProperties(ctx);
      const hasProperties = ctx.schema.properties && Object.keys(ctx.schema.properties).length > 0;
      if (additional && !hasProperties) {
        return ctx.$(z).attr('record').call(ctx.$(z).attr('string').call(), additional);
      }
      const exact = !additional && isRequest(ctx.path['~ref']);
      const shape = ctx.nodes.shape(ctx);
      shapes.set(ctx.schema, shape);
      return ctx
        .$(z)
        .attr(exact ? 'strictObject' : 'looseObject')
        .call(shape);
    },
    // `allOf` of objects becomes one object. A request must: exact objects reject each other's keys. An answer's
    // parts are open, and one open object holding every part's fields accepts and returns what their intersection
    // would, when no field is in two parts (z.intersection checks a shared field against both; one object only
    // against the last); it validates in one pass and spares bundles zod's intersection. An inline part's own shape
    // is passed as written rather than read back with `.shape`: a property read is no call a bundler may drop, and
    // would keep the schema (and all it uses) in every bundle.
    intersection(ctx: ResolverContext) {
      const parts = ctx.childResults as Array<{ chain: ResolverContext; meta: { hasLazy: boolean } }>;
      const resolve = (schema: IrObject): IrObject =>
        schema.$ref ? resolve(ctx.plugin.context.resolveIrRef(schema.$ref)) : schema;
      const schemas = (ctx.schemas as IrObject[]).map(resolve);
      const mergeable =
        parts.length > 1 && parts.every((part, i) => !part.meta.hasLazy && schemas[i]?.type === 'object');
      if (!mergeable) return undefined;
      if (!isRequest(ctx.path['~ref'])) {
        const keys = schemas.flatMap((schema) => Object.keys(schema.properties ?? {}));
        if (new Set(keys).size < keys.length) return undefined;
      }
      const extend = ctx.$(ctx.symbols.z).attr('extend');
      return parts
        .slice(1)
        .reduce(
          (merged, part, i) =>
            extend.call(merged, shapes.get(ctx.schemas[i + 1]) ?? part.chain.attr('shape')),
          parts[0]!.chain,
        );
    },
  };
}

// Open enums (`anyOf: [{enum: […]}, {type: string}]`) accept any string, so they validate as a plain string: the
// runtime union would reject nothing, and costs bundle bytes. The listed values stay in the type, as
// `Known | (string & {})`, which editors complete and which `string` does not swallow.
interface IrSchema {
  type?: string;
  items?: IrSchema[];
  const?: unknown;
  format?: string;
  pattern?: string;
}
const isPlainString = (s: IrSchema) =>
  s.type === 'string' && s.const === undefined && s.format === undefined && s.pattern === undefined;
const isStringEnum = (s: IrSchema) =>
  s.type === 'enum' && (s.items ?? []).every((item) => item.type === 'string');
const openEnums = {
  union(ctx: ResolverContext) {
    const members = ctx.schemas as IrSchema[];
    const open = members.some(isPlainString) && members.every((m) => isPlainString(m) || isStringEnum(m));
    if (!open) return undefined;
    const $ = ctx.$;
    const known = members.filter(isStringEnum).flatMap((m) => (m.items ?? []).map((item) => item.const));
    const type = $.type.or(
      ...known.map((value) => $.type.literal(value)),
      $.type.and($.type('string'), $.type.object()),
    );
    return $(ctx.symbols.z).attr('string').call().as($.type('z.ZodMiniType').generic(type).generic(type));
  },
};

const markPureScript = fileURLToPath(new URL('./scripts/mark-pure.mjs', import.meta.url));
const isoFormatsScript = fileURLToPath(new URL('./scripts/iso-formats.mjs', import.meta.url));

/** One generator job per spec; `outRoot` lets the staleness test generate into a scratch folder. */
export function generatorJobs(outRoot = '.'): UserConfig[] {
  return generatedApis.map(({ spec, out }) => ({
    input: spec,
    output: {
      path: `${outRoot}/${out}`,
      // Schemas marked pure, so a bundle keeps only those its code uses (see scripts/mark-pure.mjs); ISO formats
      // made without zod's `iso` namespace (scripts/iso-formats.mjs).
      postProcess: [
        { name: 'mark-pure', command: process.execPath, args: [markPureScript, '{{path}}'] },
        { name: 'iso-formats', command: process.execPath, args: [isoFormatsScript, '{{path}}'] },
      ],
    },
    logs: { level: 'silent' },
    plugins: [
      // zod/mini: about a quarter of classic zod's bundle cost, which keeps ruleseq/rule within its budget.
      {
        name: 'zod',
        compatibilityVersion: 'mini',
        '~resolvers': { ...objects(requestOnlySchemas(spec)), ...openEnums },
      },
      '@hey-api/typescript',
    ],
  }));
}

export default defineConfig(generatorJobs());
