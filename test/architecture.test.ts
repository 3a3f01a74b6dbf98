import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../src');
const VENDORS = ['rule', 'sequence', 'icloudready', 'sequence-platform'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The files a file imports with a relative specifier, as absolute `.ts` paths. */
function importedFiles(file: string): string[] {
  const specifiers = [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'(\.[^']+)'/g)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => resolve(dirname(file), s).replace(/\.js$/, '.ts'));
}

/** The top-level src/ folder each relative import of a file lands in. */
function importedAreas(file: string): string[] {
  return importedFiles(file).map((f) => relative(SRC, f).split('/')[0]!);
}

/** The files of `area` that import anything outside `allowed` (the area itself is always allowed). */
function offenders(area: string, allowed: readonly string[]): string[] {
  return files(join(SRC, area)).filter((f) =>
    importedAreas(f).some((a) => a !== area && !allowed.includes(a)),
  );
}

it('core (the public primitives) and internal (the plumbing) know no vendor, nor any optional part', () => {
  // Each may use the other: errors redact with internal's redaction, the transport throws core's errors.
  expect(offenders('core', ['internal'])).toEqual([]);
  expect(offenders('internal', ['core'])).toEqual([]);
});

it('a vendor folder imports only core, internal, the zod shims and itself', () => {
  for (const vendor of VENDORS) expect(offenders(vendor, ['core', 'internal', 'zod']), vendor).toEqual([]);
});

it('src/zod (the #zod builds) imports only core and internal, and neither of them imports it', () => {
  expect(offenders('zod', ['core', 'internal'])).toEqual([]);
  const importers = [...files(join(SRC, 'core')), ...files(join(SRC, 'internal'))].filter((f) =>
    importedAreas(f).includes('zod'),
  );
  expect(importers).toEqual([]);
});

it('ruleseq/redis imports only core, internal (the limiter plumbing) and itself, and nothing imports it', () => {
  expect(offenders('redis', ['core', 'internal'])).toEqual([]);
  const importers = files(SRC).filter(
    (f) => !f.startsWith(join(SRC, 'redis')) && importedAreas(f).includes('redis'),
  );
  expect(importers).toEqual([]);
});

it('no import circle between the files of src/', () => {
  const graph = new Map(files(SRC).map((f) => [f, importedFiles(f)]));
  const circles: string[] = [];
  // Depth-first search; a file met again while still on the path closes a circle.
  const state = new Map<string, 'open' | 'done'>();
  const visit = (file: string, path: string[]) => {
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') {
        const circle = path.slice(path.indexOf(next));
        circles.push([...circle, next].map((f) => relative(SRC, f)).join(' → '));
      } else if (!state.has(next) && graph.has(next)) visit(next, [...path, next]);
    }
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file, [file]);
  expect(circles).toEqual([]);
});
