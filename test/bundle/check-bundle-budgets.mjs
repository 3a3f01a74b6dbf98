// CI gate: no client's browser bundle grows past its ceiling or carries another vendor's code (nor Redis,
// Bottleneck's full build, the testing kit or zod's compiler), and each carries the card's libraries (ky, p-retry,
// Bottleneck's light build). Each budget's result is printed, a miss as MISS. Run after `npm run build`.
import { measureBundles } from './measure-bundles.mjs';

/**
 * What no browser bundle may hold: the testing kit, the Redis limiter and Bottleneck's full (clustering) build,
 * ioredis, zod's schema compiler.
 */
const neverInBrowsers = [
  'src/testing/',
  'src/redis/',
  'node_modules/bottleneck/lib/',
  'node_modules/bottleneck/es5.js',
  'node_modules/ioredis/',
  'node_modules/zod/v4/core/compile.js',
];
/** Source prefixes an entry's bundle must not contain. */
const forbidden = {
  'ruleseq/rule': ['src/sequence/', 'src/sequence-platform/', 'src/icloudready/', ...neverInBrowsers],
  'ruleseq/sequence': ['src/rule/', 'src/sequence-platform/', 'src/icloudready/', ...neverInBrowsers],
  'ruleseq/sequence-platform': ['src/rule/', 'src/sequence/', 'src/icloudready/', ...neverInBrowsers],
};
/** Sources each bundle must contain, so an empty or broken map cannot pass the check above. */
const cardLibraries = ['node_modules/ky/', 'node_modules/p-retry/', 'node_modules/bottleneck/light.js'];
const required = {
  'ruleseq/rule': ['src/rule/client.ts', ...cardLibraries],
  'ruleseq/sequence': ['src/sequence/client.ts', ...cardLibraries],
  'ruleseq/sequence-platform': ['src/sequence-platform/client.ts', ...cardLibraries],
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];
console.log('entry                      minified   min+gzip   budget     ceiling    result');
for (const row of await measureBundles()) {
  const leaks = row.origins.filter((origin) =>
    forbidden[row.entry].some((prefix) => origin.startsWith(prefix)),
  );
  if (row.gzipBytes > row.ceilingBytes)
    failures.push(`${row.entry}: ${kb(row.gzipBytes)} grew past its ${kb(row.ceilingBytes)} ceiling`);
  if (leaks.length > 0)
    failures.push(`${row.entry} bundles code it must not: ${leaks.slice(0, 5).join(', ')}`);
  for (const needed of required[row.entry]) {
    if (!row.origins.some((origin) => origin.startsWith(needed)))
      failures.push(`${row.entry}: ${needed} not found`);
  }
  const budget =
    row.gzipBytes <= row.budgetBytes ? 'within budget' : `MISS by ${kb(row.gzipBytes - row.budgetBytes)}`;
  const sound = row.gzipBytes <= row.ceilingBytes && leaks.length === 0;
  console.log(
    `${row.entry.padEnd(26)} ${kb(row.minifiedBytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)}  ${kb(row.budgetBytes).padStart(8)}  ${kb(row.ceilingBytes).padStart(8)}   ${sound ? 'ok' : 'FAIL'}, ${budget}`,
  );
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`bundle: ${failure}`);
  process.exit(1);
}
