import { execFileSync } from 'node:child_process';
import { defineConfig } from 'vitest/config';

/** The property tests' seed: FC_SEED when given, else derived from the commit (see test/helpers/fast-check.ts). */
function propertySeed(): string | undefined {
  if (process.env.FC_SEED) return process.env.FC_SEED;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8', stdio: 'pipe' });
    return String(Number.parseInt(head.slice(0, 8), 16) | 0);
  } catch {
    return undefined; // Not a git checkout: fast-check picks a seed per run.
  }
}

const seed = propertySeed();

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/bench/**', 'test/runtimes/**', 'node_modules/**'],
    testTimeout: 20_000,
    pool: 'forks',
    ...(seed === undefined ? {} : { env: { FC_SEED: seed } }),
  },
});
