// TypeScript consumers: consumer.ts compiled to declarations only (as a library publishing types would) against the
// installed package's declarations, under node16 resolution (in an ESM and in a CommonJS package) and bundler
// resolution (module esnext and preserve).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../lib/processes.mjs';

const MODES = [
  // A Node service: Node's globals from @types/node, no DOM.
  { name: 'node16-esm', module: 'node16', moduleResolution: 'node16', type: 'module', node: true },
  { name: 'node16-cjs', module: 'node16', moduleResolution: 'node16', type: 'commonjs', node: true },
  // A browser app or worker built by a bundler: DOM globals, no Node types.
  { name: 'bundler-esnext', module: 'esnext', moduleResolution: 'bundler' },
  { name: 'bundler-preserve', module: 'preserve', moduleResolution: 'bundler' },
];

function tsconfig(root, mode) {
  return {
    compilerOptions: {
      module: mode.module,
      moduleResolution: mode.moduleResolution,
      target: 'es2022',
      lib: mode.node ? ['es2023'] : ['es2023', 'dom', 'dom.asynciterable'],
      types: mode.node ? ['node'] : [],
      ...(mode.node ? { typeRoots: [join(root, 'node_modules/@types')] } : {}),
      strict: true,
      declaration: true,
      emitDeclarationOnly: true,
      outDir: 'types',
      // The package's own declarations are checked too; only TypeScript's bundled lib files are skipped.
      skipLibCheck: false,
      skipDefaultLibCheck: true,
    },
    files: ['consumer.ts'],
  };
}

async function typecheck(root, tsc, mode, project) {
  const dir = join(project, 'ts', mode.name);
  mkdirSync(dir, { recursive: true });
  if (mode.type) writeFileSync(join(dir, 'package.json'), JSON.stringify({ type: mode.type }));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig(root, mode), null, 2));
  copyFileSync(join(project, 'consumer.ts'), join(dir, 'consumer.ts'));
  await runProcess(process.execPath, [tsc, '-p', dir], { cwd: project, name: 'tsc' });
}

/** One check per resolution mode, with the repository's TypeScript. */
export function typescriptChecks(root) {
  const tsc = join(root, 'node_modules/typescript/bin/tsc');
  const version = () =>
    JSON.parse(readFileSync(join(root, 'node_modules/typescript/package.json'), 'utf8')).version;
  return MODES.map((mode) => ({
    runtime: `TypeScript (${mode.name})`,
    binary: tsc,
    version,
    command: `tsc -p ts/${mode.name} (declarations)`,
    smoke: false,
    run: ({ project }) => typecheck(root, tsc, mode, project),
  }));
}
