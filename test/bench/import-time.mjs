// Target 5: time to import `ruleseq/rule` (the built package, by its public name) in a fresh Node process, against
// importing ky + zod alone, the stack a hand-rolled client would start from, and zod alone. Processes alternate;
// medians. (Importing ky loads Node's fetch implementation, which the SDK leaves to its first request.)
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, resultRow, round } from './stats.mjs';

const ROUNDS = 15;
const root = fileURLToPath(new URL('../..', import.meta.url));

/** Milliseconds `import()` of `specifiers` takes in a fresh process started in the package root. */
function importMs(specifiers) {
  const script = `const t = performance.now(); await Promise.all(${JSON.stringify(specifiers)}.map((s) => import(s)));
process.stdout.write(String(performance.now() - t));`;
  return Number(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }),
  );
}

/** Whether ky is installed: a devDependency kept only as this baseline since the transport moved to fetch. */
function kyInstalled() {
  try {
    createRequire(`${root}/package.json`).resolve('ky');
    return true;
  } catch {
    return false;
  }
}

export default async function importTime() {
  const contenders = {
    sdk: ['ruleseq/rule'],
    zod: ['zod'],
    ...(kyInstalled() ? { kyZod: ['ky', 'zod'] } : {}),
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  importMs(contenders.sdk); // warm the file cache
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, specifiers] of Object.entries(contenders)) samples[name].push(importMs(specifiers));
  }
  const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  // The baseline is ky + zod; without ky installed, zod alone is the (stricter) stand-in.
  const [baseName, baseLabel] =
    ms.kyZod === undefined ? ['zod', 'zod alone (ky not installed)'] : ['kyZod', 'ky + zod'];
  const data = { rounds: ROUNDS, medianMs: ms, samples };
  return [
    resultRow({
      id: '5',
      metric: 'Import time of `ruleseq/rule` in a fresh process',
      sdk: `${ms.sdk.toFixed(0)} ms`,
      baseline: `${ms[baseName].toFixed(0)} ms ${baseLabel}`,
      ratio: ms.sdk / ms[baseName],
      target: '≤ ky + zod + 10 ms',
      pass: ms.sdk <= ms[baseName] + 10,
      data,
    }),
    ...(baseName === 'zod'
      ? []
      : [
          resultRow({
            id: '5a',
            metric: 'Same, against zod alone',
            sdk: `+${(ms.sdk - ms.zod).toFixed(0)} ms`,
            baseline: `${ms.zod.toFixed(0)} ms zod alone`,
            ratio: ms.sdk / ms.zod,
            data: { addedMs: round(ms.sdk - ms.zod) },
          }),
        ]),
  ];
}
