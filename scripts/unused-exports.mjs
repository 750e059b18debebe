#!/usr/bin/env node
// Lists the exports in src/ that no other file imports, with the TypeScript compiler's own
// resolution (re-exports followed to what they name).
//
// What counts as a use of an export:
// - an import of it (or a re-export that is itself used) from another file in src/;
// - an import from tests/, bench/ or scripts/: those import a module's public surface to test,
//   measure or build it, so what they import is kept. The names only they import are listed
//   apart (`--tests-only`) for review, as they may be public only for a test's sake;
// - `import * as ns`, `import("...")` and `require("...")` of a module count as using all its
//   exports (the script does not follow what is read from the namespace);
// - the exports of an entry point (the CLI bundle's main, the pages webpack builds) are used by
//   whatever loads the bundle.
// A name used only inside its own file is reported as "local": drop its `export`; a name used
// nowhere is "dead": delete it.
//
// Usage: node scripts/unused-exports.mjs [--json] [--tests-only]
// Exit code: 0 nothing unused, 1 some export is unused (the list says which).
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);
const ts = require("typescript");

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const entryPoints = [
  "src/cli/main.ts",
  "src/taskpane/index.tsx",
  "src/commands/commands.ts",
  "src/preview/index.tsx",
  "src/diagnostics/index.ts",
];

const rel = (f) => path.relative(root, f).split(path.sep).join("/");
const inSrc = (f) => rel(f).startsWith("src/");

export function unusedExports() {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
  );
  const extra = ts.sys
    .readDirectory(path.join(root, "bench"), [".ts"], undefined, ["**/*"])
    .concat(ts.sys.readDirectory(path.join(root, "scripts"), [".ts"], undefined, ["**/*"]));
  const program = ts.createProgram({
    rootNames: [...new Set([...config.fileNames, ...extra])],
    options: { ...config.options, noEmit: true },
  });
  const checker = program.getTypeChecker();
  const files = program
    .getSourceFiles()
    .filter((f) => !f.isDeclarationFile && !rel(f.fileName).startsWith(".."))
    .filter((f) => !f.fileName.includes("/node_modules/"));

  /** symbol -> "src" | "tests" (the strongest kind of user seen). */
  const used = new Map();
  const wholeModule = new Map();
  const mark = (map, key, kind) => {
    if (map.get(key) !== "src") map.set(key, kind);
  };
  const markChain = (symbol, kind) => {
    let s = symbol;
    for (let i = 0; s && i < 20; i++) {
      mark(used, s, kind);
      if (!(s.flags & ts.SymbolFlags.Alias)) break;
      const next = checker.getImmediateAliasedSymbol(s);
      if (!next || next === s) break;
      s = next;
    }
  };
  const moduleFile = (specifier, from) => {
    const r = ts.resolveModuleName(specifier, from.fileName, program.getCompilerOptions(), ts.sys);
    return r.resolvedModule?.resolvedFileName;
  };

  for (const file of files) {
    const kind = inSrc(file.fileName) ? "src" : "tests";
    const visit = (node) => {
      if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
        const spec = node.moduleSpecifier;
        if (spec && ts.isStringLiteral(spec)) {
          const target = moduleFile(spec.text, file);
          const clause = ts.isImportDeclaration(node) ? node.importClause : undefined;
          if (clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings) && target)
            mark(wholeModule, target, kind);
          if (ts.isExportDeclaration(node) && !node.exportClause && target && kind !== "src")
            mark(wholeModule, target, kind);
          if (clause?.namedBindings && ts.isNamedImports(clause.namedBindings))
            for (const el of clause.namedBindings.elements) {
              const s = checker.getSymbolAtLocation(el.name);
              if (s) markChain(s, kind);
            }
          if (clause?.name) {
            const s = checker.getSymbolAtLocation(clause.name);
            if (s) markChain(s, kind);
          }
          // `export { a } from "./x"` in src is a use only when the re-export is used (below);
          // elsewhere (a bench entry) it is a use.
          if (ts.isExportDeclaration(node) && node.exportClause && kind !== "src")
            for (const el of node.exportClause.elements) {
              const s = checker.getSymbolAtLocation(el.name);
              if (s) markChain(s, kind);
            }
        }
      }
      if (
        ts.isCallExpression(node) &&
        (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
          (ts.isIdentifier(node.expression) && node.expression.text === "require") ||
          (ts.isPropertyAccessExpression(node.expression) &&
            /^(mock|requireActual|doMock)$/.test(node.expression.name.text))) &&
        node.arguments[0] &&
        ts.isStringLiteral(node.arguments[0])
      ) {
        const target = moduleFile(node.arguments[0].text, file);
        if (target) mark(wholeModule, target, kind);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  const results = [];
  for (const file of files) {
    const name = rel(file.fileName);
    if (!name.startsWith("src/") || entryPoints.includes(name)) continue;
    const moduleSymbol = checker.getSymbolAtLocation(file);
    if (!moduleSymbol) continue;
    const whole = wholeModule.get(file.fileName);
    for (const exp of checker.getExportsOfModule(moduleSymbol)) {
      const declared = exp.declarations?.[0];
      if (!declared || declared.getSourceFile() !== file) continue;
      const user = used.get(exp) === "src" ? "src" : (whole ?? used.get(exp));
      if (user === "src") continue;
      const line = file.getLineAndCharacterOfPosition(declared.getStart()).line + 1;
      results.push({
        file: name,
        line,
        name: exp.name,
        usedBy: user === "tests" ? "tests" : localUse(file, exp) ? "local" : "dead",
      });
    }
  }
  return results;

  /** Whether the file itself refers to the exported name outside its declaration. */
  function localUse(file, exp) {
    const declNames = new Set((exp.declarations ?? []).map((d) => d.name).filter(Boolean));
    let found = false;
    const visit = (node) => {
      if (found) return;
      if (ts.isIdentifier(node) && node.text === exp.name && !declNames.has(node)) {
        const s = checker.getSymbolAtLocation(node);
        if (
          s === exp ||
          (s && s.flags & ts.SymbolFlags.Alias && checker.getAliasedSymbol(s) === exp)
        )
          if (!ts.isExportSpecifier(node.parent)) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
    return found;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const testsOnly = process.argv.includes("--tests-only");
  const all = unusedExports();
  const shown = all.filter((r) => (testsOnly ? r.usedBy === "tests" : r.usedBy !== "tests"));
  if (process.argv.includes("--json")) process.stdout.write(`${JSON.stringify(shown, null, 2)}\n`);
  else {
    for (const r of shown) process.stdout.write(`${r.file}:${r.line}  ${r.name}  (${r.usedBy})\n`);
    process.stdout.write(
      `${shown.length} ${testsOnly ? "exports only tests, bench or scripts import" : "unused exports"}\n`,
    );
  }
  process.exitCode = !testsOnly && shown.length > 0 ? 1 : 0;
}
