// `npm run demo` and `npm test` on an old Node used to fail a minute in, deep inside a tool. The guard they start with
// says in one line which Node is needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeVersionProblem, satisfies } from '../../scripts/check-node.mjs';

const root = resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('the version check', () => {
  it.each([
    ['v20.20.2', false],
    ['v22.12.0', false],
    ['v22.17.9', false],
    ['v22.18.0', true],
    ['v22.23.1', true],
    ['v24.0.0', true],
    ['v26.1.0', true],
  ])('%s meets ">=22.18": %s', (version, ok) => {
    expect(satisfies(version, '>=22.18')).toBe(ok);
  });

  it('reads alternatives and caret ranges', () => {
    const range = '^22.18.0 || >=24.11';
    expect(['v22.18.0', 'v24.11.0', 'v25.0.0'].map((v) => satisfies(v, range))).toEqual([true, true, true]);
    expect(['v22.17.0', 'v23.6.0', 'v24.10.9'].map((v) => satisfies(v, range))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('says in one line what is needed and what it found', () => {
    const line = nodeVersionProblem('v20.20.2', '>=22.18', '/usr/bin/node');
    expect(line).toBe(
      'ruleseq needs Node.js 22.18 or newer (package.json engines: ">=22.18"), but /usr/bin/node is v20.20.2: ' +
        'install a newer Node.js (e.g. `nvm install 24`) and run again.',
    );
    expect(nodeVersionProblem('v24.21.0', '>=22.18')).toBeUndefined();
  });

  it('refuses an engines range it cannot read rather than guess', () => {
    expect(() => satisfies('v24.0.0', '22.x')).toThrow(/engines.node/);
  });

  it('runs first in the scripts that need a new Node', () => {
    for (const script of ['build', 'demo', 'test', 'examples']) {
      expect(pkg.scripts[script]?.startsWith('node scripts/check-node.mjs && ')).toBe(true);
    }
    expect(pkg.engines.node).toBe('>=22.18');
  });
});

/** The machine's own Node, when it is older than the floor (this suite itself runs on a newer one). */
function oldNode(): string | undefined {
  try {
    const version = execFileSync('/usr/bin/node', ['--version'], { encoding: 'utf8', timeout: 5_000 }).trim();
    return satisfies(version, pkg.engines.node) ? undefined : version;
  } catch {
    return undefined;
  }
}
const machineNode = oldNode();

describe.runIf(machineNode)(`with the machine's Node (${machineNode}) first on PATH`, () => {
  const env = { PATH: '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp' };

  it.each(['demo', 'test'])('npm run %s stops at once with one line naming the version needed', (script) => {
    const run = spawnSync('npm', ['run', '--silent', script], {
      cwd: root,
      env,
      encoding: 'utf8',
      timeout: 20_000,
    });

    expect(run.status).toBe(1);
    expect(`${run.stdout}${run.stderr}`.trim().split('\n')).toEqual([
      nodeVersionProblem(machineNode ?? '', pkg.engines.node, '/usr/bin/node'),
    ]);
  });
});
