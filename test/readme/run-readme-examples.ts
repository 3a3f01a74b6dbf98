// Runs every TypeScript example of the README against the sandbox, as a reader would paste it into a file of their
// own: the built package (imported by name), Node's type stripping, the sandbox's printed environment
// (`RULE_API_KEY`, `RULE_BASE_URL`, …), and a throwaway redis-server for the Scaling out example. An example that
// cannot run says why in a `<!-- readme: not run: … -->` line above its fence; it is still type-checked.
// Run after `npm run build` (`npm run test:readme`; `-- --verbose` shows what each example printed).
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../surface/entry-points.ts';
import { AMBIENT, ambientNames, readmeExamples } from './readme-examples.ts';

const testing = await import(join(ROOT, 'dist/testing/index.js'));
const { SequencePlatformClient } = await import(join(ROOT, 'dist/sequence-platform/index.js'));
const { startRedisServer } = await import(join(ROOT, 'test/scale/redis-server.mjs'));

/** Inside the package, so `import … from 'ruleseq/rule'` resolves to the build by the package's own name. */
const WORK = join(ROOT, '.readme-run');
const TIMEOUT_MS = 60_000;
/** `--verbose` prints what each example printed, not only what failed. */
const VERBOSE = process.argv.includes('--verbose');

const sandbox = await testing.startSandbox({
  fakes: [
    testing.createRuleFake(),
    testing.createSequenceFake(),
    testing.createICloudReadyFake(),
    testing.createSequencePlatformFake(),
  ],
});
const endpoint = (name: string) => sandbox.endpoint(name) as { baseUrl: string; apiKey: string };
const env: NodeJS.ProcessEnv = {
  PATH: process.env.PATH,
  HOME: process.env.HOME,
  RULE_API_KEY: endpoint('rule').apiKey,
  RULE_BASE_URL: endpoint('rule').baseUrl,
  SEQUENCE_API_KEY: endpoint('sequence').apiKey,
  SEQUENCE_BASE_URL: endpoint('sequence').baseUrl,
  SEQUENCE_PLATFORM_BASE_URL: endpoint('sequence-platform').baseUrl,
  ICLOUDREADY_API_KEY: endpoint('icloudready').apiKey,
  ICLOUDREADY_BASE_URL: endpoint('icloudready').baseUrl,
};
if (endpoint('sequence-platform').apiKey !== env.SEQUENCE_API_KEY) {
  throw new Error('the sandbox serves both Sequence APIs under one SEQUENCE_API_KEY, as its printout says');
}

/** Ids the examples name as the reader's own, taken from what the sandbox holds, through the SDK itself. */
async function sandboxIds(): Promise<Record<string, string>> {
  const platform = new SequencePlatformClient({
    apiKey: env.SEQUENCE_API_KEY,
    baseUrl: env.SEQUENCE_PLATFORM_BASE_URL,
  });
  let rule: { id: string } | undefined;
  for await (const summary of platform.rules.list()) {
    // Rules the API cannot express are listed but answer 403 INVALID_RULE.
    const detail = await platform.rules.get(summary.id).safe();
    if (detail.ok && detail.data.status === 'ENABLED' && detail.data.trigger.type === 'MANUAL')
      rule = summary;
  }
  const accounts = (await platform.accounts.list({ type: 'POD' })).data as { id: string }[];
  if (!rule || accounts.length < 2) throw new Error('the Platform sandbox has no manual rule or two pods');
  return {
    platformRuleId: rule.id,
    platformSourceAccountId: accounts[0]!.id,
    platformDestinationAccountId: accounts[1]!.id,
  };
}

function asModule(code: string, ids: Record<string, string>): string {
  const prelude = ambientNames(code).map((name) => AMBIENT[name]!.value);
  const filled = prelude.join('\n').replace(/\{\{(\w+)\}\}/g, (_, key: string) => ids[key] ?? `{{${key}}}`);
  return `${filled}\n${code}\nexport {};\n`;
}

function run(file: string, extraEnv: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--unhandled-rejections=strict', file], {
      cwd: WORK,
      env: { ...env, ...extraEnv },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    const timer = setTimeout(() => {
      output += `\n(killed after ${TIMEOUT_MS} ms)`;
      child.kill('SIGKILL');
    }, TIMEOUT_MS);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK);
const redis = await startRedisServer();
let failed = 0;
let ran = 0;
try {
  const ids = await sandboxIds();
  for (const [index, example] of readmeExamples().entries()) {
    const label = `README.md:${example.line}`;
    if (example.notRun) {
      console.log(`skip ${label} (${example.notRun})`);
      continue;
    }
    const file = join(WORK, `example-${index + 1}.ts`);
    writeFileSync(file, asModule(example.code, ids));
    const started = performance.now();
    const { code, output } = await run(file, { REDIS_URL: redis.url });
    const ms = Math.round(performance.now() - started);
    ran++;
    if (code === 0) {
      console.log(`ok   ${label} (${ms} ms)`);
      if (VERBOSE && output.trim()) console.log(output.trimEnd().replace(/^/gm, '     '));
    } else {
      failed++;
      console.log(`FAIL ${label} (exit ${code}, ${ms} ms)\n${output.trimEnd()}\n`);
    }
  }
} finally {
  redis.stop();
  await sandbox.close();
  rmSync(WORK, { recursive: true, force: true });
}
console.log(`${ran - failed} of ${ran} README examples ran against the sandbox`);
if (ran < 8) {
  console.log('expected at least 8 runnable README examples');
  failed++;
}
process.exitCode = failed ? 1 : 0;
