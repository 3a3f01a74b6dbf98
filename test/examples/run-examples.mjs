// Runs the quickstart and every example against the embedded sandbox (the built package, no key, no network) and
// fails if any exits non-zero. Run after `npm run build`.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const dir = resolve(import.meta.dirname, '../../examples');
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'connect.ts')
  .sort();
const env = { ...process.env };
// The examples use the real APIs only when keys are set; CI always proves them against the sandbox.
for (const name of ['RULE_API_KEY', 'SEQUENCE_API_KEY']) delete env[name];

let failed = 0;
for (const script of scripts) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(dir, script)], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  const ms = Math.round(performance.now() - started);
  if (result.status === 0) {
    console.log(`ok   ${script} (${ms} ms)`);
  } else {
    failed++;
    console.log(`FAIL ${script} (exit ${result.status})\n${result.stdout}${result.stderr}`);
  }
}
console.log(`${scripts.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
