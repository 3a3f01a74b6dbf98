import { readFileSync } from 'node:fs';
import { build } from 'esbuild';
import { expect, it } from 'vitest';
import { generatedApis } from '../openapi-ts.config.js';

// Every generated schema is marked pure (scripts/mark-pure.mjs), so a bundle keeps only the schemas its code uses:
// a module that takes one plain schema from a generated file gets that one zod call and no other.
it.each(generatedApis.map(({ out }) => out))(
  '%s: schemas nobody uses are dropped by a bundler',
  async (out) => {
    const source = readFileSync(`${out}/zod.gen.ts`, 'utf8');
    const name = /^export const (z\w+) = (?:\/\* @__PURE__ \*\/ )?z\.\w+\(\)[ ;]/m.exec(source)?.[1];
    expect(name, 'a schema without arguments to import').toBeDefined();
    const result = await build({
      stdin: {
        contents: `export { ${name} } from './${out}/zod.gen.ts';`,
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'esm',
      external: ['zod/mini'],
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    expect(code.match(/\bz\.\w+(?:\.\w+)?\(/g)).toHaveLength(1);
  },
);
