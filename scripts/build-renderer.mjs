// Bundles the renderer (React, browser only) into dist/renderer (or the folder given as the first
// argument, which the E2E tests use): index.html, app.js, app.css.
// BL-2: the bundle must hold no Node built-in and no require('electron'); this build fails if it does.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';

const out = process.argv[2] ?? 'dist/renderer';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

await build({
  entryPoints: { app: 'renderer/app/main.tsx' },
  bundle: true,
  outdir: out,
  platform: 'browser',
  format: 'iife',
  target: ['chrome120'],
  jsx: 'automatic',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
});
await build({ entryPoints: { app: 'renderer/app/app.css' }, bundle: true, outdir: out, minify: true, logLevel: 'warning' });
copyFileSync('renderer/index.html', `${out}/index.html`);

const js = readFileSync(`${out}/app.js`, 'utf8');
const builtins = builtinModules.filter((m) => !m.startsWith('_'));
const forbidden = [/require\(\s*["']electron["']\s*\)/, new RegExp(`require\\(\\s*["'](node:)?(${builtins.join('|')})["']\\s*\\)`)];
for (const pattern of forbidden) {
  const hit = pattern.exec(js);
  if (hit) {
    console.error(`build-renderer: the bundle must not contain ${hit[0]}`);
    process.exit(1);
  }
}
console.log(`build-renderer: ${out}/app.js ${(js.length / 1024).toFixed(0)} KiB`);
