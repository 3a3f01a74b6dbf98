// Packs the package as npm would publish it and installs the tarball into throwaway consumer projects. Shared by
// the packaging checks and the runtime proofs, so both test the artefact users get, not the source tree.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = resolve(import.meta.dirname, '../..');
export const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs a command and returns its stdout; stderr goes to ours; throws on a non-zero exit. */
export const run = (cmd, args, cwd) =>
  execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

/** Packs the built package into `destination`: the tarball's path and the files it holds. */
export function packTarball(destination) {
  if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first');
  const packed = JSON.parse(run(npm, ['pack', '--json', '--pack-destination', destination], root))[0];
  return { tarball: join(destination, packed.filename), files: packed.files.map((f) => f.path) };
}

/** A throwaway project in `dir` (package.json `type`) with the tarball and `extra` packages installed. */
export function installConsumer(dir, { tarball, type = 'module', extra = [] }) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: `consumer-${type}`, private: true, type }));
  run(npm, ['install', '--no-audit', '--no-fund', '--prefer-offline', '--silent', tarball, ...extra], dir);
  return dir;
}

/** Imports `subpath` (e.g. `'./testing'`) of the package installed in `dir`, through its `exports` map. */
export function importInstalled(dir, subpath) {
  const installed = join(dir, 'node_modules', pkg.name);
  const { exports } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  return import(pathToFileURL(join(installed, exports[subpath].import.default)).href);
}
