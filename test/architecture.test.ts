import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const VENDORS = ['rule', 'sequence', 'icloudready', 'sequence-platform'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level src/ folder each relative import of a file lands in. */
function importedAreas(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => relative(SRC, resolve(file, '..', s)).split('/')[0]!);
}

it('core imports no vendor folder', () => {
  const offenders = files(join(SRC, 'core')).filter((f) => importedAreas(f).some((a) => VENDORS.includes(a)));
  expect(offenders).toEqual([]);
});

/** Vendor-free code every vendor may use: the transport and the zod shims (src/zod). */
const SHARED = ['core', 'zod'];

it('a vendor folder imports only the shared folders and itself', () => {
  for (const vendor of VENDORS) {
    let dir: string;
    try {
      dir = join(SRC, vendor);
      statSync(dir);
    } catch {
      continue;
    }
    const offenders = files(dir).filter((f) =>
      importedAreas(f).some((a) => a !== vendor && !SHARED.includes(a)),
    );
    expect(offenders, vendor).toEqual([]);
  }
});

it('src/zod imports only core, and core does not import it', () => {
  const offenders = files(join(SRC, 'zod')).filter((f) =>
    importedAreas(f).some((a) => a !== 'zod' && a !== 'core'),
  );
  expect(offenders).toEqual([]);
  expect(files(join(SRC, 'core')).filter((f) => importedAreas(f).includes('zod'))).toEqual([]);
});

it('ruleseq/redis imports only core and itself, and nothing imports it', () => {
  const offenders = files(join(SRC, 'redis')).filter((f) =>
    importedAreas(f).some((a) => a !== 'redis' && a !== 'core'),
  );
  expect(offenders).toEqual([]);
  const importers = files(SRC).filter(
    (f) => !f.includes(`${SRC}/redis/`) && importedAreas(f).includes('redis'),
  );
  expect(importers).toEqual([]);
});
