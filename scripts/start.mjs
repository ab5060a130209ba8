// npm start [-- --demo] [-- --devhost]
// With an Electron binary (require('electron') gives a path that exists): build and open the window.
// Without one (this workplace): build the renderer and start the dev host on 127.0.0.1 with a
// development store in .kura-data/ (key-file keystore: development only, never a real terminal).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const args = process.argv.slice(2);
const forceDevHost = args.includes('--devhost');

function electronBinary() {
  try {
    const path = createRequire(import.meta.url)('electron');
    return typeof path === 'string' && existsSync(path) ? path : null;
  } catch {
    // The electron package throws when its binary was never downloaded.
    return null;
  }
}

function run(script) {
  const r = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const electron = forceDevHost ? null : electronBinary();
run('scripts/build-renderer.mjs');
if (electron) {
  run('scripts/build-electron.mjs');
  console.log('Electron を起動します / Starting Electron.');
  if (args.includes('--demo')) console.log('--demo はデモ用ホスト専用です（npm start -- --devhost --demo） / --demo applies to the dev host only (npm start -- --devhost --demo).');
  const child = spawn(electron, ['.'], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  if (!forceDevHost) {
    console.log('Electron の実行ファイルがないため、開発用ホストを起動します。');
    console.log('No Electron binary here: starting the dev host instead.');
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'main/devhost/cli.ts', ...args.filter((a) => a !== '--devhost')], { stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
