// esbuild bundles of a consumer entry file, resolved from the project's node_modules like a user's build would.
import { join } from 'node:path';
import { build } from 'esbuild';

/** Bundles `entry` of the project into one ES module at `outfile`, resolving packages with `conditions`. */
export async function bundle(project, entry, outfile, conditions = []) {
  await build({
    entryPoints: [join(project, entry)],
    absWorkingDir: project,
    outfile: join(project, outfile),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    conditions,
    logLevel: 'error',
  });
  return join(project, outfile);
}
