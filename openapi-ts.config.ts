import { defineConfig, type UserConfig } from '@hey-api/openapi-ts';

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

// Vendors add fields without notice: objects keep unknown keys instead of stripping or rejecting them, so
// responses validate and `.withResponse()` consumers still see everything the server sent.
const looseObjects = {
  // biome-ignore lint/suspicious/noExplicitAny: the resolver context type is internal to @hey-api/openapi-ts.
  object(ctx: any) {
    const z = ctx.symbols.z;
    const additional = ctx.nodes.additionalProperties(ctx);
    const hasProperties = ctx.schema.properties && Object.keys(ctx.schema.properties).length > 0;
    if (additional && !hasProperties) {
      return ctx.$(z).attr('record').call(ctx.$(z).attr('string').call(), additional);
    }
    return ctx.$(z).attr('looseObject').call(ctx.nodes.shape(ctx));
  },
};

// Open enums (`anyOf: [{enum: […]}, {type: string}]`) accept any string, so they validate as a plain string: the
// runtime union would reject nothing, and costs bundle bytes. The listed values stay in the spec and the types.
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
  // biome-ignore lint/suspicious/noExplicitAny: the resolver context type is internal to @hey-api/openapi-ts.
  union(ctx: any) {
    const members = ctx.schemas as IrSchema[];
    const open = members.some(isPlainString) && members.every((m) => isPlainString(m) || isStringEnum(m));
    return open ? ctx.$(ctx.symbols.z).attr('string').call() : undefined;
  },
};

/** One generator job per spec; `outRoot` lets the staleness test generate into a scratch folder. */
export function generatorJobs(outRoot = '.'): UserConfig[] {
  return generatedApis.map(({ spec, out }) => ({
    input: spec,
    output: { path: `${outRoot}/${out}` },
    logs: { level: 'silent' },
    plugins: [
      // zod/mini: about a quarter of classic zod's bundle cost, which keeps ruleseq/rule within its budget.
      { name: 'zod', compatibilityVersion: 'mini', '~resolvers': { ...looseObjects, ...openEnums } },
      '@hey-api/typescript',
    ],
  }));
}

export default defineConfig(generatorJobs());
