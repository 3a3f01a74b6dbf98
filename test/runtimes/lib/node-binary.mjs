// A Node.js binary of a given major version: the one running this script when it matches, otherwise the `node`
// package from the npm registry installed once into a cache folder (as .ci/run bootstraps Node 24).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The path of a `node` binary of `major`; installs `node@<major>` into the cache when missing. When the install
 * fails the path is still returned: the check using it then fails as "not installed".
 */
export function nodeBinary(major) {
  if (Number(process.versions.node.split('.')[0]) === major) return process.execPath;
  const cache =
    process.env[`RULESEQ_NODE${major}_CACHE`] || join(homedir(), '.cache', `ruleseq-node${major}`);
  const binary = join(cache, 'node_modules/node/bin/node');
  if (!existsSync(binary)) {
    console.log(`installing node@${major} into ${cache}`);
    const args = ['install', '--no-save', '--no-audit', '--no-fund', '--loglevel=error', '--prefix', cache];
    try {
      mkdirSync(cache, { recursive: true });
      execFileSync('npm', [...args, `node@${major}`], {
        stdio: ['ignore', 'ignore', 'inherit'],
        timeout: 300_000,
      });
    } catch (error) {
      console.log(`could not install node@${major}: ${error.message}`);
    }
  }
  return binary;
}
