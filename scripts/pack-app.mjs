// What electron-builder would pack into app.asar, made here with @electron/asar (issue 12).
// electron-builder itself is not installed in this workspace (it downloads Electron and tools), so this
// follows its rules from electron-builder.yml: the `files` patterns for the app's own files,
// production dependencies only (package-lock.json, dev !== true) for node_modules, electron-builder's
// default exclusions, and `asarUnpack` for what must stay a real file (native modules, pdfkit's data).
// It does not flip fuses, embed asar integrity or sign: only the build machine does that.
//
//   node scripts/pack-app.mjs OUT_DIR   → OUT_DIR/app.asar, OUT_DIR/app.asar.unpacked/, OUT_DIR/files.txt
import asar from '@electron/asar';
import yaml from 'js-yaml';
import { minimatch } from 'minimatch';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve, sep } from 'node:path';

/** electron-builder's documented default exclusions (its `files` documentation, "Default pattern"). */
const DEFAULT_EXCLUDES = [
  '**/node_modules/*/{CHANGELOG.md,README.md,README,readme.md,readme}',
  '**/node_modules/*/{test,__tests__,tests,powered-test,example,examples}/**',
  '**/node_modules/*.d.ts',
  '**/node_modules/.bin/**',
  '**/*.{iml,o,hprof,orig,pyc,pyo,rbc,swp,csproj,sln,xproj}',
  '.editorconfig',
  '**/._*',
  '**/{.DS_Store,.git,.hg,.svn,CVS,RCS,SCCS,.gitignore,.gitattributes}',
  '**/{__pycache__,thumbs.db,.flowconfig,.idea,.vs,.nyc_output}',
  '**/{appveyor.yml,.travis.yml,circle.yml}',
  '**/{npm-debug.log,yarn.lock,.yarn-integrity,.yarn-metadata.json}',
];

function walk(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = join(dir, d.name);
    if (d.isDirectory()) return walk(root, full);
    return d.isFile() ? [relative(root, full).split(sep).join('/')] : [];
  });
}

const match = (file, pattern) => minimatch(file, pattern, { dot: true });

/** The production packages' folders, from the lockfile (what `npm ci --omit=dev` installs). */
function productionPackages(root) {
  const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8'));
  return Object.entries(lock.packages)
    .filter(([path, meta]) => path.startsWith('node_modules/') && meta.dev !== true && meta.optional !== true)
    .map(([path]) => path);
}

/** Every file the packaged app holds, relative to the project root, sorted. */
export function appFiles(root) {
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const include = config.files.filter((p) => !p.startsWith('!'));
  const exclude = [...config.files.filter((p) => p.startsWith('!')).map((p) => p.slice(1)), ...DEFAULT_EXCLUDES];
  const own = walk(root)
    .filter((f) => !f.startsWith('node_modules/') && !f.startsWith('.git/'))
    .filter((f) => f === 'package.json' || include.some((p) => match(f, p)));
  const modules = productionPackages(root).flatMap((pkg) => {
    // A nested node_modules of a production package is listed as its own lockfile entry.
    return walk(join(root, pkg)).filter((f) => !f.includes('node_modules/')).map((f) => `${pkg}/${f}`);
  });
  return [...new Set([...own, ...modules])].filter((f) => !exclude.some((p) => match(f, p))).sort();
}

/** Packs the app into outDir (app.asar, app.asar.unpacked) and writes files.txt; returns the listing. */
export async function packApp(root, outDir) {
  const config = yaml.load(readFileSync(join(root, 'electron-builder.yml'), 'utf8'));
  const files = appFiles(root);
  const staging = mkdtempSync(join(tmpdir(), 'kura-app-staging-'));
  try {
    for (const f of files) {
      mkdirSync(join(staging, f, '..'), { recursive: true });
      cpSync(join(root, f), join(staging, f));
    }
    mkdirSync(outDir, { recursive: true });
    const unpack = config.asarUnpack.length === 1 ? config.asarUnpack[0] : `{${config.asarUnpack.join(',')}}`;
    await asar.createPackageWithOptions(staging, join(outDir, 'app.asar'), { unpack });
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  writeFileSync(join(outDir, 'files.txt'), `${files.join('\n')}\n`);
  return files;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const out = resolve(process.argv[2] ?? 'release/app-preview');
  const files = await packApp(process.cwd(), out);
  console.log(`pack-app: ${join(out, 'app.asar')} (${files.length} files; listing in files.txt)`);
}
