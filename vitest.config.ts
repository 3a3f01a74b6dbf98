import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'test/runtimes/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
