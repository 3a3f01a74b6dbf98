import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ENTRY_POINTS } from './entry-points.ts';
import { listExports, nameOf } from './list-exports.ts';

const ROOT = resolve(import.meta.dirname, '../..');
/** The checked-in surface: every entry point's exports, `value Name` or `type Name`. Edit it with the README. */
const EXPECTED: Record<string, string[]> = JSON.parse(
  readFileSync(join(import.meta.dirname, 'exports.json'), 'utf8'),
);

let actual: Record<string, string[]>;
beforeAll(() => {
  actual = listExports();
}, 60_000);

it('checks every entry point package.json declares', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { exports: object };
  const declared = Object.keys(pkg.exports)
    .filter((key) => key !== './package.json')
    .map((key) => (key === '.' ? 'ruleseq' : `ruleseq/${key.slice(2)}`));
  expect(Object.keys(ENTRY_POINTS).sort()).toEqual(declared.sort());
  expect(Object.keys(EXPECTED).sort()).toEqual(declared.sort());
});

it('every entry point exports exactly the listed values and types', () => {
  const problems = Object.keys(ENTRY_POINTS).flatMap((entry) => {
    const listed = new Set(EXPECTED[entry]);
    const exported = new Set(actual[entry]);
    return [
      ...[...exported].filter((e) => !listed.has(e)).map((e) => `${entry}: unlisted export ${e}`),
      ...[...listed].filter((e) => !exported.has(e)).map((e) => `${entry}: listed but not exported ${e}`),
    ];
  });
  expect(problems, 'update test/surface/exports.json (and the README) deliberately').toEqual([]);
});

it('no entry point exports the transport plumbing', () => {
  const plumbing =
    /^(Transport|TransportConfig|Operation|BaseClient|sendOperation|createTransport|VendorProfile|APIResource|.*Profile|.*Resource)$/;
  const leaked = Object.entries(actual).flatMap(([entry, names]) =>
    names.filter((listed) => plumbing.test(nameOf(listed))).map((listed) => `${entry}: ${listed}`),
  );
  expect(leaked).toEqual([]);
});

it('every exported name is documented in README.md (in code, inline or a block)', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/^ *```[a-z]*\n([\s\S]*?)^ *```$/gm)].map((m) => m[1]!);
  const prose = readme.replace(/^ *```[a-z]*\n[\s\S]*?^ *```$/gm, '');
  const spans = [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
  const code = [...blocks, ...spans].join('\n');
  const undocumented = Object.entries(actual).flatMap(([entry, names]) =>
    names
      .map(nameOf)
      .filter((name) => !new RegExp(`\\b${name}\\b`).test(code))
      .map((name) => `${entry}: ${name}`),
  );
  expect(undocumented).toEqual([]);
});
