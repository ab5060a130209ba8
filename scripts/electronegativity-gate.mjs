// BL-2: Electronegativity over the Electron shell, as a gate. The tool exits 0 even when it finds
// problems, so this reads the severity column of its CSV and fails (exit 1) on MEDIUM or above.
// Usage: node scripts/electronegativity-gate.mjs [inputDir]   (default main/electron)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const input = resolve(process.argv[2] ?? 'main/electron');
const FAILING = new Set(['MEDIUM', 'HIGH', 'CRITICAL']);

/**
 * Checks left out (by class name), each with the reason a reviewer accepted it. PreloadJSCheck (PRELOAD_JS_CHECK) fires on any
 * preload at all ("review the use of preload scripts"): Kura's preload is reviewed and its exact
 * surface (invoke, subscribe; never ipcRenderer) is asserted by test/unit/electron-preload.test.ts.
 */
const EXCLUDED = { PreloadJSCheck: 'preload reviewed; surface asserted by test/unit/electron-preload.test.ts' };

/** RFC 4180 enough for this tool's output: quoted fields with "" escapes, commas, CRLF or LF. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function electronVersion() {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  return String(pkg.devDependencies?.electron ?? pkg.dependencies?.electron ?? '').replace(/^[^\d]*/, '');
}

if (!existsSync(input)) {
  console.error(`electronegativity gate: input ${input} does not exist`);
  process.exit(1);
}
const dir = mkdtempSync(join(tmpdir(), 'kura-electronegativity-'));
const csv = join(dir, 'findings.csv');
const bin = createRequire(import.meta.url).resolve('@doyensec/electronegativity/dist/index.js');
const args = [bin, '-i', input, '-o', csv, '-x', Object.keys(EXCLUDED).join(',')];
const version = electronVersion();
if (version) args.push('-e', version);
const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
if (run.status !== 0 || !existsSync(csv)) {
  console.error(`electronegativity gate: the tool did not produce a report (exit ${run.status})\n${run.stderr ?? ''}`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(1);
}
const [header, ...rows] = parseCsv(readFileSync(csv, 'utf8'));
rmSync(dir, { recursive: true, force: true });
const col = Object.fromEntries((header ?? []).map((h, i) => [h.trim().toLowerCase(), i]));
if (col.severity === undefined || col.issue === undefined) {
  console.error('electronegativity gate: unexpected CSV header', header);
  process.exit(1);
}
const findings = rows.map((r) => ({
  issue: r[col.issue]?.trim(),
  severity: r[col.severity]?.trim().toUpperCase(),
  file: r[col.filename]?.trim(),
  location: r[col.location]?.trim(),
  description: r[col.description]?.trim(),
}));
for (const [check, why] of Object.entries(EXCLUDED)) console.log(`electronegativity gate: ${check} excluded (${why})`);
for (const f of findings) console.log(`  ${f.severity.padEnd(13)} ${f.issue} ${f.file}:${f.location} ${f.description}`);
const failing = findings.filter((f) => FAILING.has(f.severity));
if (failing.length > 0) {
  console.error(`electronegativity gate: FAILED, ${failing.length} finding(s) of MEDIUM or above in ${input}`);
  process.exit(1);
}
console.log(`electronegativity gate: ok (${findings.length} finding(s) below MEDIUM in ${input})`);
