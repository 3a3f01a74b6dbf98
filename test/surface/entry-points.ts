import { join, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(import.meta.dirname, '../..');

/** Every entry point of the package (package.json `exports`) and the source file it is built from (tsup.config.ts). */
export const ENTRY_POINTS: Record<string, string> = {
  ruleseq: 'index',
  'ruleseq/rule': 'rule/index',
  'ruleseq/sequence': 'sequence/index',
  'ruleseq/icloudready': 'icloudready/index',
  'ruleseq/sequence-platform': 'sequence-platform/index',
  'ruleseq/testing': 'testing/index',
  'ruleseq/testing/msw': 'testing/msw-handlers',
  'ruleseq/redis': 'redis/index',
};

/** The source file of an entry point's `ENTRY_POINTS` value. */
export const entryFile = (entry: string): string => join(ROOT, 'src', `${entry}.ts`);

/** The project's compiler options, read from tsconfig.json as `tsc` reads them. */
export function projectOptions(): ts.CompilerOptions {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(ROOT, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
  )!;
  return config.options;
}
