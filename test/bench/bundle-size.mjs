// Target 6: what a browser app ships (esbuild, ESM, minified, every dependency), measured by the bundle-budget
// script, beside peers bundled the same way in the same run: openai-node, and the card's libraries on their own.
import { gzipSync } from 'node:zlib';
import { bundleModule, measureBundles } from '../bundle/measure-bundles.mjs';
import { resultRow } from './stats.mjs';

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Peers bundled the same way: openai-node with everything it exports (as the SDK's entries are measured), and the
 * floor any client on the card's stack pays: its libraries, each used once, with zod classic and Bottleneck's
 * full build, then with zod/mini and Bottleneck's light build as the SDK uses them.
 */
const cardStack = (zod, bottleneck) =>
  `import ky from 'ky'; import * as z from '${zod}'; import pRetry from 'p-retry'; import Bottleneck from '${bottleneck}';
   export const client = [ky.create({ retry: 0 }), pRetry, new Bottleneck({ reservoir: 1 })];
   export const parse = (body) => z.object({ id: z.number(), email: z.string() }).parse(body);`;
const PEERS = {
  'openai-node': `export * from 'openai';`,
  'ky+zod+p-retry+bottleneck': cardStack('zod', 'bottleneck'),
  'with zod/mini and bottleneck/light': cardStack('zod/mini', 'bottleneck/light.js'),
};

async function gzipSize(contents) {
  const { code } = await bundleModule(contents);
  return gzipSync(code, { level: 9 }).byteLength;
}

export default async function bundleSize() {
  const peers = [];
  for (const [name, contents] of Object.entries(PEERS)) peers.push(`${name} ${kb(await gzipSize(contents))}`);
  const baseline = peers.join('; ');
  return (await measureBundles()).map(({ entry, minifiedBytes, gzipBytes, budgetBytes }) =>
    resultRow({
      id: '6',
      metric: `Bundle size of \`${entry}\` (browser, min+gzip)`,
      sdk: `${kb(gzipBytes)} (${kb(minifiedBytes)} minified)`,
      baseline,
      target: `≤ ${kb(budgetBytes)}`,
      pass: gzipBytes <= budgetBytes,
      data: { entry, minifiedBytes, gzipBytes, budgetBytes, peers },
    }),
  );
}
