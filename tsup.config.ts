import { defineConfig, type Options } from 'tsup';

const entry = {
  index: 'src/index.ts',
  'rule/index': 'src/rule/index.ts',
  'sequence/index': 'src/sequence/index.ts',
  'icloudready/index': 'src/icloudready/index.ts',
  'sequence-platform/index': 'src/sequence-platform/index.ts',
  'testing/index': 'src/testing/index.ts',
  'testing/msw': 'src/testing/msw-handlers.ts',
  'redis/index': 'src/redis/index.ts',
};

/** The two builds of zod/mini that package.json `imports` chooses between for `#zod` (see src/zod/node.ts). */
const zodEntry = { 'zod/node': 'src/zod/node.ts', 'zod/portable': 'src/zod/portable.ts' };

/** The SDK's `zod/mini` imports become `#zod`, resolved by the runtime or bundler that loads the package. */
const zodByRuntime: NonNullable<Options['esbuildPlugins']>[number] = {
  name: 'zod-by-runtime',
  setup(build) {
    build.onResolve({ filter: /^zod\/mini$/ }, () => ({ path: '#zod', external: true }));
  },
};

const library: Options = {
  splitting: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // tsup would keep `zod/mini` as a plain external dependency before the plugin could rename it.
  noExternal: [/^zod\/mini$/],
  esbuildPlugins: [zodByRuntime],
};

export default defineConfig([
  { ...library, entry, format: 'esm', dts: true },
  { ...library, entry, format: 'cjs', dts: true },
  // No declarations: nothing public imports `#zod`, and the SDK's own declarations keep naming `zod/mini`.
  // Unsplit: tsup's split CommonJS output defines `export *` names first, and then cannot override `object`.
  { ...library, entry: zodEntry, format: ['esm', 'cjs'], splitting: false },
  {
    // The `ruleseq` command (`npx ruleseq sandbox`): Node only, ESM, no declarations.
    ...library,
    entry: { cli: 'src/cli.ts' },
    format: 'esm',
    platform: 'node',
  },
]);
