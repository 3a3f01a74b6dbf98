import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient } from '@hey-api/openapi-ts';
import { afterAll, expect, it } from 'vitest';
import { generatedApis, generatorJobs } from '../openapi-ts.config.js';

const scratch = mkdtempSync(join(tmpdir(), 'ruleseq-generate-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

it('generated schemas match the specs (run `npm run generate` after editing spec/)', async () => {
  await createClient(generatorJobs(scratch));
  for (const { spec, out } of generatedApis) {
    const committed = readdirSync(out).sort();
    const fresh = readdirSync(join(scratch, out)).sort();
    expect(committed, `${out} files for ${spec}`).toEqual(fresh);
    for (const file of fresh) {
      expect(readFileSync(join(out, file), 'utf8'), `${out}/${file} is stale`).toBe(
        readFileSync(join(scratch, out, file), 'utf8'),
      );
    }
  }
}, 60_000);
