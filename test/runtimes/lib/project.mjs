// The throwaway consumer project every runtime runs in: the packed tarball installed from npm's cache, plus the
// scenario and the per-runtime entry files (test/runtimes/consumer).
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { installConsumer, packTarball } from '../../package/pack.mjs';

const here = join(import.meta.dirname, '..');

/** Packs the package, installs it into `work/app` and copies the consumer files there; returns the project dir. */
export function prepareProject(work) {
  const { tarball } = packTarball(work);
  const project = installConsumer(join(work, 'app'), { tarball });
  cpSync(join(here, 'consumer'), project, { recursive: true });
  cpSync(join(here, 'scenario.mjs'), join(project, 'scenario.mjs'));
  return project;
}
