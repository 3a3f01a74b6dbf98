// Target 5: time to import `ruleseq/rule` (the built package, by its public name) in a fresh Node process, against
// importing ky + zod alone, the stack a hand-rolled client would start from, and zod alone. Processes alternate;
// medians.
import { execFileSync } from 'node:child_process';
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

export default async function importTime() {
  const contenders = {
    sdk: ['ruleseq/rule'],
    zod: ['zod'],
    kyZod: ['ky', 'zod'],
  };
  const samples = Object.fromEntries(Object.keys(contenders).map((name) => [name, []]));
  importMs(contenders.sdk); // warm the file cache
  for (let i = 0; i < ROUNDS; i++) {
    for (const [name, specifiers] of Object.entries(contenders)) samples[name].push(importMs(specifiers));
  }
  const ms = Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values)]));
  const data = { rounds: ROUNDS, medianMs: ms, samples };
  return [
    resultRow({
      id: '5',
      metric: 'Import time of `ruleseq/rule` in a fresh process',
      sdk: `${ms.sdk.toFixed(0)} ms`,
      baseline: `${ms.kyZod.toFixed(0)} ms ky + zod`,
      ratio: ms.sdk / ms.kyZod,
      target: '≤ ky + zod + 10 ms',
      pass: ms.sdk <= ms.kyZod + 10,
      data,
    }),
    resultRow({
      id: '5a',
      metric: 'Same, against zod alone',
      sdk: `+${(ms.sdk - ms.zod).toFixed(0)} ms`,
      baseline: `${ms.zod.toFixed(0)} ms zod alone`,
      ratio: ms.sdk / ms.zod,
      data: { addedMs: round(ms.sdk - ms.zod) },
    }),
  ];
}
