// CI gate: each client's browser bundle stays within its budget and carries no other vendor's code (nor Redis,
// Bottleneck, the testing kit or zod's compiler). Run after `npm run build`.
import { measureBundles } from './measure-bundles.mjs';

/** What no browser bundle may hold: the testing kit, the Redis and Bottleneck limiters, zod's schema compiler. */
const neverInBrowsers = [
  'src/testing/',
  'node_modules/bottleneck/',
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
const required = {
  'ruleseq/rule': 'src/rule/client.ts',
  'ruleseq/sequence': 'src/sequence/client.ts',
  'ruleseq/sequence-platform': 'src/sequence-platform/client.ts',
};

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = [];
console.log('entry                      minified   min+gzip   budget     result');
for (const row of await measureBundles()) {
  const leaks = row.origins.filter((origin) =>
    forbidden[row.entry].some((prefix) => origin.startsWith(prefix)),
  );
  const fits = row.gzipBytes <= row.budgetBytes;
  if (!fits) failures.push(`${row.entry}: ${kb(row.gzipBytes)} exceeds its ${kb(row.budgetBytes)} budget`);
  if (leaks.length > 0)
    failures.push(`${row.entry} bundles code it must not: ${leaks.slice(0, 5).join(', ')}`);
  if (!row.origins.includes(required[row.entry]))
    failures.push(`${row.entry}: ${required[row.entry]} not found`);
  console.log(
    `${row.entry.padEnd(26)} ${kb(row.minifiedBytes).padStart(9)}  ${kb(row.gzipBytes).padStart(9)}  ${kb(row.budgetBytes).padStart(8)}   ${fits && leaks.length === 0 ? 'ok' : 'FAIL'}`,
  );
}
if (failures.length > 0) {
  for (const failure of failures) console.error(`bundle: ${failure}`);
  process.exit(1);
}
