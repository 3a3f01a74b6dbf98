import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { ENTRY_POINTS, entryFile, projectOptions } from '../surface/entry-points.ts';

// Run by `npm run typecheck`, after tsc and before the unit tests (alone, so its ~20 s of compiling does not slow
// anyone's timing). A consumer with the strictest settings users turn on (exactOptionalPropertyTypes, noUncheckedIndexedAccess,
// verbatimModuleSyntax, and skipLibCheck off) compiles every TypeScript example in the README against the package's
// declarations, as an installed package would give them: the declarations are emitted from src/ in memory, with the
// project's own settings, and the examples see only them.

const ROOT = resolve(import.meta.dirname, '../..');
/** Where the emitted declarations and the examples live, in memory only; inside the repo so node_modules resolve. */
const VIRTUAL = join(ROOT, '.readme-types');

/**
 * What the examples leave to the reader's own code, or take from an earlier example on the same page (a snippet
 * that goes on from the one before it). Each is declared only in an example that uses it without binding it.
 */
const AMBIENT: Record<string, string> = {
  rows: `declare const rows: import('ruleseq/rule').SubscriberInput[];`,
  bar: 'declare const bar: { update(done: number): void };',
  orderId: 'declare const orderId: string;',
  ruleId: 'declare const ruleId: string;',
  sourceAccountId: 'declare const sourceAccountId: string;',
  destinationAccountId: 'declare const destinationAccountId: string;',
  signUp: `declare function signUp(rule: import('ruleseq/rule').RuleClient, email: string): Promise<void>;`,
  payRent: `declare function payRent(client: import('ruleseq/sequence-platform').SequencePlatformClient): Promise<void>;`,
  expect: 'declare function expect(value: unknown): { toHaveLength(length: number): void };',
  platform: `declare const platform: import('ruleseq/sequence-platform').SequencePlatformClient;`,
  SequencePlatformClient: `declare const SequencePlatformClient: typeof import('ruleseq/sequence-platform').SequencePlatformClient;`,
  createRuleFake: `declare const createRuleFake: typeof import('ruleseq/testing').createRuleFake;`,
  createSequenceFake: `declare const createSequenceFake: typeof import('ruleseq/testing').createSequenceFake;`,
  RuleClient: `declare const RuleClient: typeof import('ruleseq/rule').RuleClient;`,
  Span: 'interface Span { setAttributes(attributes: Record<string, string | number>): void; end(): void }',
  tracer: 'declare const tracer: { startSpan(name: string): Span };',
};

/** Whether an example binds `name` itself: imports it, or declares it as a variable, function or class. */
function binds(code: string, name: string): boolean {
  const word = `\\b${name}\\b`;
  return (
    new RegExp(`import[^;]*${word}[^;]*from`).test(code) ||
    new RegExp(`\\b(const|let|var|function|class|interface|type)\\s+${name}\\b`).test(code) ||
    new RegExp(`\\b(const|let|var)\\s*\\{[^}]*${word}[^}]*\\}\\s*=`).test(code)
  );
}

/** An example as a module of its own, with the declarations it needs. */
function asModule(code: string): string {
  const needed = Object.entries(AMBIENT).filter(
    ([name]) => new RegExp(`\\b${name}\\b`).test(code) && !binds(code, name),
  );
  return [code, ...needed.map(([, declaration]) => declaration), 'export {};'].join('\n');
}

/** Every ```ts block, list items' indented ones included (their indentation removed). */
function readmeExamples(): string[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^( *)```ts\n([\s\S]*?)^\1```$/gm)].map(([, indent, code]) =>
    code!.replace(new RegExp(`^${indent}`, 'gm'), ''),
  );
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
  const examples = readmeExamples();
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
