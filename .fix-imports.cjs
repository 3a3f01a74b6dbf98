// Redirects named imports/re-exports to the file that declares each name, when the imported module does not export
// it (or is the core barrel, and the importer is not an entry point). Temporary tool; not committed.
const fs = require('node:fs'); const path = require('node:path'); const ts = require('typescript');
const root = process.cwd();
const walk = (d) => fs.readdirSync(d, { withFileTypes: true }).flatMap((e) => e.name === 'node_modules' || e.name.startsWith('.') ? [] : e.isDirectory() ? walk(path.join(d, e.name)) : /\.(ts|mts)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path.join(d, e.name)] : []);
const srcFiles = walk(path.join(root, 'src'));
const all = [...srcFiles, ...walk(path.join(root, 'test')), ...(fs.existsSync('examples') ? walk(path.join(root, 'examples')) : [])];
const parse = (f) => ts.createSourceFile(f, fs.readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, true);
const declared = new Map(); // name -> file (core/internal only)
const exportsOf = new Map();
function collect(f) {
  if (exportsOf.has(f)) return exportsOf.get(f);
  const names = new Set(); exportsOf.set(f, names);
  if (!fs.existsSync(f)) return names;
  const sf = parse(f);
  for (const st of sf.statements) {
    const isExp = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (isExp) {
      if (st.name) names.add(st.name.text);
      if (ts.isVariableStatement(st)) for (const d of st.declarationList.declarations) names.add(d.name.getText(sf));
    }
    if (ts.isExportDeclaration(st)) {
      if (st.exportClause && ts.isNamedExports(st.exportClause)) for (const e of st.exportClause.elements) names.add(e.name.text);
      else if (st.moduleSpecifier) for (const n of collect(resolveSpec(f, st.moduleSpecifier.text))) names.add(n);
    }
  }
  return names;
}
function resolveSpec(from, spec) { return path.resolve(path.dirname(from), spec).replace(/\.js$/, '.ts'); }
for (const f of srcFiles) if (/src\/(core|internal)\//.test(f)) {
  const sf = parse(f);
  for (const st of sf.statements) {
    const isExp = ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!isExp) continue;
    const names = st.name ? [st.name.text] : ts.isVariableStatement(st) ? st.declarationList.declarations.map((d) => d.name.getText(sf)) : [];
    for (const n of names) { if (declared.has(n) && declared.get(n) !== f) console.error('dup', n, f, declared.get(n)); declared.set(n, f); }
  }
}
const BARREL = path.join(root, 'src/core/index.ts');
const ENTRY = /src\/(index|rule\/index|sequence\/index|icloudready\/index|sequence-platform\/index|redis\/index|testing\/index)\.ts$/;
let changed = 0;
for (const f of all) {
  const text = fs.readFileSync(f, 'utf8'); const sf = parse(f); const edits = [];
  for (const st of sf.statements) {
    const isImp = ts.isImportDeclaration(st); const isExp = ts.isExportDeclaration(st);
    if (!(isImp || isExp) || !st.moduleSpecifier || !st.moduleSpecifier.text.startsWith('.')) continue;
    const target = resolveSpec(f, st.moduleSpecifier.text);
    if (!/src\/(core|internal)\//.test(target)) continue;
    const elements = isImp ? (st.importClause?.namedBindings && ts.isNamedImports(st.importClause.namedBindings) ? st.importClause.namedBindings.elements : null) : (st.exportClause && ts.isNamedExports(st.exportClause) ? st.exportClause.elements : null);
    if (!elements || (isImp && st.importClause.name)) continue;
    const stmtType = isImp ? st.importClause.isTypeOnly : st.isTypeOnly;
    const exported = collect(target);
    const groups = new Map();
    let moved = false;
    for (const el of elements) {
      const name = (el.propertyName ?? el.name).text;
      let dest = target;
      const forceRedirect = target === BARREL && !ENTRY.test(f);
      if ((!exported.has(name) || forceRedirect) && declared.has(name)) dest = declared.get(name);
      if (dest !== target) moved = true;
      if (!groups.has(dest)) groups.set(dest, []);
      groups.get(dest).push(el.getText(sf));
    }
    if (!moved) continue;
    const kw = isImp ? 'import' : 'export';
    const out = [...groups].map(([dest, els]) => {
      let rel = path.relative(path.dirname(f), dest).replace(/\.ts$/, '.js'); if (!rel.startsWith('.')) rel = './' + rel;
      return `${kw} ${stmtType ? 'type ' : ''}{ ${els.join(', ')} } from '${rel}';`;
    }).join('\n');
    edits.push([st.getStart(sf), st.getEnd(), out]);
  }
  if (!edits.length) continue;
  let t = text; for (const [s, e, o] of edits.reverse()) t = t.slice(0, s) + o + t.slice(e);
  fs.writeFileSync(f, t); changed++;
}
console.log('changed', changed);
