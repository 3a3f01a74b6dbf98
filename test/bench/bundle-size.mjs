// Target 6: what a browser app ships (esbuild, ESM, minified, every dependency), measured by the bundle-budget
// script, beside the peers' figures from the runtimes issue (min+gzip, measured by its author).
import { existsSync } from 'node:fs';
import { resultRow } from './stats.mjs';

const PEERS = 'openai-node 84 KB; ky+zod+p-retry+bottleneck 50 KB; with zod/mini and bottleneck/light 23 KB';
const measureScript = new URL('../bundle/measure-bundles.mjs', import.meta.url);

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

export default async function bundleSize() {
  if (!existsSync(measureScript)) {
    return [
      resultRow({
        id: '6',
        metric: 'Bundle size',
        sdk: 'bundle sizes: run after merging main',
        baseline: PEERS,
      }),
    ];
  }
  const { measureBundles } = await import(measureScript.href);
  return (await measureBundles()).map(({ entry, minifiedBytes, gzipBytes, budgetBytes }) =>
    resultRow({
      id: '6',
      metric: `Bundle size of \`${entry}\` (browser, min+gzip)`,
      sdk: `${kb(gzipBytes)} (${kb(minifiedBytes)} minified)`,
      baseline: PEERS,
      target: budgetBytes === undefined ? '—' : `≤ ${kb(budgetBytes)}`,
      pass: budgetBytes === undefined ? null : gzipBytes <= budgetBytes,
      data: { entry, minifiedBytes, gzipBytes, budgetBytes },
    }),
  );
}
