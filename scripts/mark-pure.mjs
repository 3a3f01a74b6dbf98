// A generator step (openapi-ts.config.ts `postProcess`): marks every zod call in a generated `zod.gen.ts`
// `/* @__PURE__ */`. A bundler cannot know that building a schema has no side effect, so without the mark every
// schema of a spec ships, used or not; with it, an app (and the SDK's own build) keeps only the schemas its code
// reaches. Usage: node scripts/mark-pure.mjs <generated folder>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Comments and string literals, matched first so that they are left as they are; otherwise a call on the `z`
 * namespace (`z.looseObject(`, `z.iso.datetime(`) that is not a property of something else, nor marked already
 * (the generator may run this step more than once on a folder).
 */
const TOKENS =
  /\/\*[\s\S]*?\*\/|\/\/[^\n]*|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|(?<![\w$.])(?<!@__PURE__ \*\/ )(z\.(?:\w+\.)?\w+\()/g;

const file = join(process.argv[2] ?? '.', 'zod.gen.ts');
const source = readFileSync(file, 'utf8');
writeFileSync(
  file,
  source.replace(TOKENS, (token, call) => (call ? `/* @__PURE__ */ ${call}` : token)),
);
