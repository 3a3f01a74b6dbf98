// Export every subscriber as NDJSON (one JSON object per line) to stdout or a file, streaming page by page.
// Usage: node examples/export-ndjson.ts [out.ndjson]
import { createWriteStream } from 'node:fs';
import { connect } from './connect.ts';

const out = process.argv[2] ? createWriteStream(process.argv[2]) : process.stdout;
const { rule, close } = await connect();
try {
  let count = 0;
  for await (const subscriber of rule.subscribers.list({ limit: 100 })) {
    out.write(`${JSON.stringify(subscriber)}\n`);
    count++;
  }
  console.error(`exported ${count} subscribers`);
} finally {
  if (out !== process.stdout) out.end();
  await close();
}
