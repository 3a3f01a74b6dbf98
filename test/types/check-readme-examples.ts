import { join, resolve } from 'node:path';
import ts from 'typescript';
import { AMBIENT, ambientNames, readmeExamples } from '../readme/readme-examples.ts';
import { ENTRY_POINTS, entryFile, projectOptions, ROOT } from '../surface/entry-points.ts';

// Run by `npm run typecheck`, after tsc and before the unit tests (alone, so its ~20 s of compiling does not slow
// anyone's timing). A consumer with the strictest settings users turn on (exactOptionalPropertyTypes, noUncheckedIndexedAccess,
// verbatimModuleSyntax, and skipLibCheck off) compiles every TypeScript example in the README against the package's
// declarations, as an installed package would give them: the declarations are emitted from src/ in memory, with the
// project's own settings, and the examples see only them.

/** Where the emitted declarations and the examples live, in memory only; inside the repo so node_modules resolve. */
const VIRTUAL = join(ROOT, '.readme-types');

/** An example as a module of its own, with the declarations it needs. */
function asModule(code: string): string {
  return [code, ...ambientNames(code).map((name) => AMBIENT[name]!.type), 'export {};'].join('\n');
}

function emitDeclarations(): Map<string, string> {
  const options: ts.CompilerOptions = {
    ...projectOptions(),
    noEmit: false,
    declaration: true,
    emitDeclarationOnly: true,
    rootDir: join(ROOT, 'src'),
    outDir: join(VIRTUAL, 'dts'),
  };
  const entries = Object.values(ENTRY_POINTS).map(entryFile);
  const files = new Map<string, string>();
  ts.createProgram(entries, options).emit(undefined, (name, text) => files.set(resolve(name), text));
  return files;
}

function compile(files: Map<string, string>, roots: string[]): string[] {
  const options: ts.CompilerOptions = {
    strict: true,
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    skipLibCheck: false,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    paths: Object.fromEntries(
      Object.entries(ENTRY_POINTS).map(([name, entry]) => [name, [join(VIRTUAL, 'dts', `${entry}.d.ts`)]]),
    ),
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, directoryExists } = host;
  host.fileExists = (name) => files.has(resolve(name)) || fileExists(name);
  host.readFile = (name) => files.get(resolve(name)) ?? readFile(name);
  host.directoryExists = (name) =>
    resolve(name).startsWith(VIRTUAL) ? true : (directoryExists?.(name) ?? ts.sys.directoryExists(name));
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, language, onError) => {
    const text = files.get(resolve(name));
    return text === undefined
      ? getSourceFile(name, language, onError)
      : ts.createSourceFile(name, text, language, true);
  };
  const program = ts.createProgram(roots, options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || resolve(d.file.fileName).startsWith(VIRTUAL))
    .map((d) => {
      const where = d.file
        ? `${d.file.fileName.slice(VIRTUAL.length + 1)}:${d.file.getLineAndCharacterOfPosition(d.start ?? 0).line + 1}`
        : 'options';
      return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
    });
}

/** The problems, one line each; none when every example compiles. */
function check(): string[] {
  const examples = readmeExamples().map((example) => example.code);
  if (examples.length < 8)
    return [`expected at least 8 TypeScript examples in README.md, found ${examples.length}`];
  const files = emitDeclarations();
  if (![...files.keys()].some((name) => name.endsWith(join('dts', 'rule', 'index.d.ts')))) {
    return ['no declarations were emitted for ruleseq/rule'];
  }
  const roots = examples.map((code, i) => {
    const name = join(VIRTUAL, `readme-example-${i + 1}.ts`);
    files.set(name, asModule(code));
    return name;
  });
  return compile(files, roots);
}

const problems = check();
if (problems.length > 0) {
  console.error(
    `README examples do not compile under the strictest consumer settings:\n${problems.join('\n')}`,
  );
  process.exit(1);
}
console.log(
  'README examples compile under exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax',
);
