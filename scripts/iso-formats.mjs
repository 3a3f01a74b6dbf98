// A generator step after mark-pure (openapi-ts.config.ts `postProcess`): a generated `zod.gen.ts` calls
// `isoDateTime()` and `isoDate()` from src/zod/iso.ts instead of `z.iso.datetime()` and `z.iso.date()`: the same
// schemas, but `z.iso` is a namespace object, which a bundler keeps whole (zod's ISO time and duration formats with
// it). Usage: node scripts/iso-formats.mjs <generated folder, src/<api>/generated/vN>
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const helpers = { datetime: 'isoDateTime', date: 'isoDate' };
const ZOD_IMPORT = "import * as z from 'zod/mini';\n";

const file = join(process.argv[2] ?? '.', 'zod.gen.ts');
let source = readFileSync(file, 'utf8').replace(
  /\bz\.iso\.(datetime|date)\(/g,
  (_, format) => `${helpers[format]}(`,
);
const used = Object.values(helpers).filter((name) => new RegExp(`\\b${name}\\(`).test(source));
// The step may run more than once on a folder: the import is added once.
if (used.length > 0 && !source.includes("/zod/iso.js'")) {
  source = source.replace(
    ZOD_IMPORT,
    `${ZOD_IMPORT}import { ${used.join(', ')} } from '../../../zod/iso.js';\n`,
  );
}
writeFileSync(file, source);
