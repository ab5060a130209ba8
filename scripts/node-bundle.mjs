// What every Node-side bundle (kura-admin, the Electron main and preload) shares, and the two checks
// that keep a bundle runnable as shipped (issue 12):
// - any esbuild warning fails the build: none is silenced, its cause is fixed;
// - a package that finds files relative to its own module (import.meta.url, __dirname, __filename)
//   cannot be bundled: inside one bundle file those point at dist/, not at the package's data. Such a
//   package stays external (RUNTIME_PACKAGES, resolved from node_modules or app.asar.unpacked), or is
//   listed in REVIEWED with the reason its use is harmless.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

/**
 * Required at run time from node_modules, never bundled. Each is a production dependency, and so is
 * packed by electron-builder (electron-builder.yml lists the native ones under asarUnpack).
 */
export const RUNTIME_PACKAGES = [
  // Native modules: rebuilt for Electron's ABI on the build machine.
  'better-sqlite3-multiple-ciphers',
  'argon2',
  // Reads its standard-font AFM files and the sRGB ICC profile next to its own module.
  'pdfkit',
];

/** Bundled packages whose self-locating code was read and found harmless. */
const REVIEWED = {
  // import.meta.url is only the base for its web-worker scripts; archive.ts sets useWebWorkers: false.
  '@zip.js/zip.js': 'web-worker base URL only; workers are off',
};

const SELF_LOCATING = /\bimport\.meta\.(?:url|dirname|filename)\b|\b__dirname\b|\b__filename\b/;

/**
 * Our own modules use import.meta.url (tsx and vitest run them as ES modules). In a CommonJS bundle
 * import.meta is empty, so it is defined as the bundle file's URL: for our code, "the file I am in"
 * is then the bundle, which is what resources.ts and the worker drivers look up from.
 */
const MODULE_URL = '__kuraModuleUrl';
const banner = `const ${MODULE_URL} = require("node:url").pathToFileURL(__filename).href;`;

function packageOf(input) {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  return m ? m[1] : null;
}

/** Bundles one Node entry point as CommonJS; exits the build on a warning or a self-locating package. */
export async function bundleNode({ entry, outfile, external = [], sandboxed = false }) {
  // A sandboxed preload may require only a few modules (not node:url), and has no use for its URL.
  const moduleUrl = sandboxed ? {} : { define: { 'import.meta.url': MODULE_URL }, banner: { js: banner } };
  const result = await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ['node20'],
    external: [...RUNTIME_PACKAGES, ...external],
    ...moduleUrl,
    legalComments: 'none',
    metafile: true,
    logLevel: 'silent',
  });
  const problems = result.warnings.map((w) => `${w.location?.file ?? entry}:${w.location?.line ?? 0}: ${w.text} [${w.id}]`);
  const flagged = new Set();
  for (const input of Object.keys(result.metafile.inputs)) {
    const pkg = packageOf(input);
    if (!pkg || REVIEWED[pkg] || flagged.has(pkg)) continue;
    if (SELF_LOCATING.test(readFileSync(input, 'utf8'))) {
      flagged.add(pkg);
      problems.push(`${input}: ${pkg} locates files relative to its own module; keep it external (scripts/node-bundle.mjs RUNTIME_PACKAGES) or review it`);
    }
  }
  if (problems.length > 0) {
    console.error(`build: ${outfile} refused:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  return result;
}
