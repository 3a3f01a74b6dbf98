// Proves the packed tarball in every supported runtime: Node 22 and 24 (import, require), Bun, Deno, workerd and
// Chromium each run the same smoke scenario (scenario.mjs) against their own sandbox, and TypeScript type-checks a
// consumer under node16 and bundler resolution. Prints one table; exits non-zero if any check fails or any runtime
// is missing. Builds nothing: run `npm run build` first (it stops when dist/ is missing).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importInstalled, root } from '../package/pack.mjs';
import { nodeBinary } from './lib/node-binary.mjs';
import { runProcess } from './lib/processes.mjs';
import { prepareProject } from './lib/project.mjs';
import { startSmokeSandbox } from './lib/smoke-sandbox.mjs';
import { printReport } from './lib/table.mjs';
import { chromiumCheck } from './runtimes/chromium.mjs';
import { commandLineChecks } from './runtimes/command-line.mjs';
import { typescriptChecks } from './runtimes/typescript.mjs';
import { workerdCheck } from './runtimes/workerd.mjs';

// Checks at once: each is mostly waiting on a child process, and CI machines have 2 cores.
const CONCURRENCY = 3;
const CHECK_TIMEOUT_MS = 120_000;

async function versionOf(binary) {
  const { stdout } = await runProcess(binary, ['--version'], { timeoutMs: 15_000 });
  return stdout.match(/\d+(?:[.-]\d+)+/)?.[0] ?? stdout.trim();
}

function withTimeout(promise, ms) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function runCheck(check, { project, testing }) {
  const started = performance.now();
  const row = { runtime: check.runtime, command: check.command, version: '-' };
  try {
    if (!existsSync(check.binary)) throw new Error(`not installed: ${check.binary}`);
    row.version = await (check.version ?? versionOf)(check.binary);
    if (check.smoke) {
      const sandbox = await startSmokeSandbox(testing, check.runtime);
      try {
        sandbox.verify(await withTimeout(check.run({ project, input: sandbox.input }), CHECK_TIMEOUT_MS));
      } finally {
        await sandbox.close();
      }
    } else {
      await withTimeout(check.run({ project }), CHECK_TIMEOUT_MS);
    }
    row.ok = true;
  } catch (error) {
    row.ok = false;
    row.error = error;
  }
  row.ms = performance.now() - started;
  return row;
}

/** Runs `task` over `items` with at most `limit` at once; results in input order. */
async function mapPool(items, limit, task) {
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

const started = performance.now();
const work = mkdtempSync(join(tmpdir(), 'ruleseq-runtimes-'));
let failed = 1;
try {
  const nodes = { 22: nodeBinary(22), 24: nodeBinary(24) };
  const project = prepareProject(work);
  // The host serves the sandbox from the installed tarball too.
  const testing = await importInstalled(project, './testing');
  const checks = [
    ...commandLineChecks(root, nodes),
    workerdCheck(root),
    chromiumCheck(),
    ...typescriptChecks(root),
  ];
  failed = printReport(await mapPool(checks, CONCURRENCY, (check) => runCheck(check, { project, testing })));
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`test:runtimes took ${((performance.now() - started) / 1000).toFixed(1)} s`);
// Exit now: a runtime that hung past its timeout may still hold a child process or socket.
process.exit(failed ? 1 : 0);
