import ts from 'typescript';
import { ENTRY_POINTS, entryFile, projectOptions } from './entry-points.ts';

/**
 * Every name each entry point exports, as `value Name` (usable at run time: a class, function or constant) or
 * `type Name` (a type, or anything exported with `export type`), sorted by name. Read by the TypeScript compiler
 * from the entry files, so `export *` chains are followed as a consumer's compiler follows them.
 */
export function listExports(): Record<string, string[]> {
  const program = ts.createProgram(Object.values(ENTRY_POINTS).map(entryFile), projectOptions());
  const checker = program.getTypeChecker();
  const listed: Record<string, string[]> = {};
  for (const [name, entry] of Object.entries(ENTRY_POINTS)) {
    const module = checker.getSymbolAtLocation(program.getSourceFile(entryFile(entry))!)!;
    listed[name] = checker
      .getExportsOfModule(module)
      .map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const typeOnly = exportedAsType(checker, symbol);
        const isValue = !typeOnly && (target.flags & ts.SymbolFlags.Value) !== 0;
        return `${isValue ? 'value' : 'type'} ${symbol.name}`;
      })
      .sort((a, b) => nameOf(a).localeCompare(nameOf(b)) || a.localeCompare(b));
  }
  return listed;
}

/** Whether an export reaches its declaration through an `export type` (or `import type`) anywhere on the way. */
function exportedAsType(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  for (let link: ts.Symbol | undefined = symbol; link && link.flags & ts.SymbolFlags.Alias; ) {
    const typeOnly = (link.declarations ?? []).some(
      (d) =>
        (ts.isExportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly)) ||
        (ts.isImportSpecifier(d) && (d.isTypeOnly || d.parent.parent.isTypeOnly)) ||
        (ts.isImportClause(d) && d.isTypeOnly),
    );
    if (typeOnly) return true;
    link = checker.getImmediateAliasedSymbol(link);
  }
  return false;
}

/** `Name` of `value Name` or `type Name`. */
export function nameOf(listed: string): string {
  return listed.slice(listed.indexOf(' ') + 1);
}
