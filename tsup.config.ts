import { defineConfig } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'rule/index': 'src/rule/index.ts',
  'sequence/index': 'src/sequence/index.ts',
  'icloudready/index': 'src/icloudready/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw-handlers.ts',
  'redis/index': 'src/redis/index.ts',
};

export default defineConfig([
  {
    entry,
    format: 'esm',
    dts: true,
    splitting: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    entry,
    format: 'cjs',
    dts: true,
    splitting: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'neutral',
  },
  {
    // The `ruleseq` command (`npx ruleseq sandbox`): Node only, ESM, no declarations.
    entry: { cli: 'src/cli.ts' },
    format: 'esm',
    splitting: true,
    sourcemap: true,
    target: 'es2022',
    platform: 'node',
  },
]);
