// Target 5: time to import `ruleseq/rule` (the built package, by its public name) in a fresh Node process, against
// importing ky + zod alone, the stack a hand-rolled client would start from. Processes alternate; medians.
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

/** ky left the dependencies when the transport moved to fetch; without it the baseline is zod alone (stricter). */
function baselineSpecifiers() {
  try {
    createRequire(`${root}/package.json`).resolve('ky');
    return ['ky', 'zod'];
  } catch {
    return ['zod'];
  }
}

export default async function importTime() {
  const baseline = baselineSpecifiers();
  const samples = { sdk: [], baseline: [] };
  importMs(['ruleseq/rule']); // warm the file cache
  for (let i = 0; i < ROUNDS; i++) {
    samples.sdk.push(importMs(['ruleseq/rule']));
    samples.baseline.push(importMs(baseline));
  }
  const sdk = median(samples.sdk);
  const base = median(samples.baseline);
  return [
    resultRow({
      id: '5',
      metric: 'Import time of `ruleseq/rule` in a fresh process',
      sdk: `${sdk.toFixed(1)} ms`,
      baseline: `${base.toFixed(1)} ms ${baseline.join(' + ')} alone`,
      ratio: sdk / base,
      target: `≤ ${baseline.join(' + ')} + 10 ms`,
      pass: sdk <= base + 10,
      data: { rounds: ROUNDS, baseline, sdkMs: round(sdk), baselineMs: round(base), samples },
    }),
  ];
}
