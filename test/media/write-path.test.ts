// DP-3 (and MD-4): no code path in the main process writes a file outside the store and the export
// gate. This scans every main/ source file with the TypeScript parser for file-writing calls and
// fails on any outside the allowlist, printing file:line. The OS policy covers other programs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'vitest';
import ts from 'typescript';

/** Calls that create, change or remove files (node:fs, sync, callback and promise forms). */
const WRITE_CALLS = new Set([
  'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync', 'createWriteStream', 'copyFile', 'copyFileSync', 'cp', 'cpSync',
  'rename', 'renameSync', 'rm', 'rmSync', 'rmdir', 'rmdirSync', 'unlink', 'unlinkSync', 'mkdir', 'mkdirSync', 'mkdtemp', 'mkdtempSync',
  'truncate', 'truncateSync', 'ftruncate', 'ftruncateSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'write', 'writeSync', 'writev', 'writevSync',
]);
const OPEN_CALLS = new Set(['open', 'openSync']);
const FS_MODULES = new Set(['fs', 'node:fs', 'fs/promises', 'node:fs/promises']);

/** Where writing is the job, and why. Everything else in main/ must not write files. */
const ALLOWED: Record<string, string> = {
  'main/core/store/': 'the store: database, wrapped master key (DP-1)',
  'main/core/media/gate.ts': 'the export gate: token, encrypted archive, wipe (MD-4, MD-7, MD-10)',
  'main/core/imports/service.ts': 'imports: receipts and error lists inside the data folder (MD-6)',
  'main/core/imports/source-file.ts': 'imports: overwrite-then-delete of an imported source file (DP-5)',
  'main/core/reports/files.ts': 'DP-4: sealed creator-only reports and their deletion inside the data folder',
};

type WriteSite = { file: string; line: number; call: string };

/** Finds file-writing calls in one source text: named imports, namespace/default imports, fs.promises, require('fs'). */
function findWrites(file: string, text: string): WriteSite[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const named = new Map<string, string>();
  const namespaces = new Set<string>();
  const sites: WriteSite[] = [];
  const at = (node: ts.Node, call: string): void => {
    sites.push({ file, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1, call });
  };
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || !FS_MODULES.has(statement.moduleSpecifier.text)) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    if (clause.name) namespaces.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) namespaces.add(bindings.name.text);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) {
        const original = (el.propertyName ?? el.name).text;
        if (original === 'promises') namespaces.add(el.name.text);
        else named.set(el.name.text, original);
      }
    }
  }
  const writesByFlags = (call: ts.CallExpression): boolean => {
    const flags = call.arguments[1];
    if (!flags) return false;
    if (ts.isStringLiteral(flags)) return /[wa+]/.test(flags.text);
    return true; // numeric or computed flags: treated as a write
  };
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      let name: string | null = null;
      if (ts.isIdentifier(callee) && named.has(callee.text)) name = named.get(callee.text)!;
      if (ts.isPropertyAccessExpression(callee)) {
        const target = callee.expression;
        const viaNamespace = ts.isIdentifier(target) && namespaces.has(target.text);
        const viaPromises = ts.isPropertyAccessExpression(target) && target.name.text === 'promises' && ts.isIdentifier(target.expression) && namespaces.has(target.expression.text);
        if (viaNamespace || viaPromises) name = callee.name.text;
      }
      if (ts.isIdentifier(callee) && callee.text === 'require' && node.arguments[0] && ts.isStringLiteral(node.arguments[0]) && FS_MODULES.has(node.arguments[0].text)) at(node, 'require(fs)');
      if (name && (WRITE_CALLS.has(name) || (OPEN_CALLS.has(name) && writesByFlags(node)))) at(node, name);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return sites;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('single write path (DP-3, MD-4)', () => {
  it('DP-3: the scanner finds every form of a file write (so the check below can fail)', () => {
    const sample = [
      "import { writeFileSync as put, openSync, readFileSync } from 'node:fs';",
      "import * as fs from 'fs';",
      "import fsp from 'node:fs/promises';",
      "import { promises } from 'node:fs';",
      "put('a', 'b');",
      "fs.createWriteStream('x');",
      "fsp.writeFile('x', 'y');",
      "fs.promises.rm('x');",
      "promises.appendFile('x', 'y');",
      "openSync('x', 'w');",
      "openSync('x', 'r');",
      "readFileSync('x');",
      "const f = require('fs');",
    ].join('\n');
    const found = findWrites('sample.ts', sample).map((s) => `${s.line}:${s.call}`);
    assert.deepEqual(found, ['5:writeFileSync', '6:createWriteStream', '7:writeFile', '8:rm', '9:appendFile', '10:openSync', '13:require(fs)']);
  });

  it('DP-3: no file write in main/ outside the store, the export gate and the imports data folder', () => {
    const root = process.cwd();
    const offending: string[] = [];
    let allowedSites = 0;
    for (const path of sourceFiles(join(root, 'main'))) {
      const file = relative(root, path).split('\\').join('/');
      const sites = findWrites(file, readFileSync(path, 'utf8'));
      if (Object.keys(ALLOWED).some((prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix)))) {
        allowedSites += sites.length;
        continue;
      }
      for (const s of sites) offending.push(`${s.file}:${s.line} ${s.call}`);
    }
    assert.deepEqual(offending, [], `file writes outside the allowlist:\n${offending.join('\n')}`);
    // The allowlisted places really are where the writes are (the scan is looking at real code).
    assert.ok(allowedSites >= 5, `expected the gate and the store to be found writing (found ${allowedSites})`);
  });
});
