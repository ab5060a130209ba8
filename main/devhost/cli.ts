// `npm start` without Electron (scripts/start.mjs): the dev host on 127.0.0.1 with a development
// store in .kura-data/. Press Enter for a fresh one-time address (a reload uses up the old one).
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { FakeDrives } from '../core/media';
import { startDevHost } from './index';

const args = process.argv.slice(2);
const demo = args.includes('--demo');
const portArg = args.find((a) => a.startsWith('--port='));
const dataDir = resolve(process.env.KURA_DATA_DIR ?? '.kura-data');

// DEMO ONLY: no USB hardware here, so an existing folder beside the store plays an inserted stick for
// the media screens (register it on the ドライブ tab; exports land in it). The dev host creates no
// folder itself: outside the store only the export gate writes (DP-3, test/media/write-path.test.ts).
const stickDir = resolve(process.env.KURA_FAKE_STICK ?? `${dataDir}-stick`);
let media: { drives: FakeDrives } | undefined;
if (demo && existsSync(stickDir)) {
  const drives = new FakeDrives();
  drives.insert({ mountPoint: stickDir, label: 'DEMO-USB', serial: 'DEMO00000001', fsUuid: 'DEMO-0001' });
  media = { drives };
}
const host = await startDevHost({ dataDir, port: portArg ? Number(portArg.slice(7)) : 0, demo, media });
const show = (url: string): void => {
  console.log('');
  console.log('Kura 開発用ホスト（開発専用・鍵ファイル使用） / Kura dev host (development only, key-file keystore)');
  console.log(`データ / data: ${dataDir}`);
  if (media) console.log(`デモ用の仮想USBメモリ / demo stick folder: ${stickDir}`);
  else if (demo) console.log(`仮想USBメモリを使うには mkdir ${stickDir} を実行して再起動 / for a demo stick: mkdir ${stickDir}, then restart`);
  console.log('ブラウザで次のアドレスを開いてください（1回限り有効） / Open this address in a browser (valid once):');
  console.log(`  ${url}`);
  console.log('新しいアドレスは Enter キー、終了は Ctrl+C / Enter for a new address, Ctrl+C to stop.');
};
show(host.url);
process.stdin.on('data', () => show(host.issueUrl()));
const stop = (): void => {
  void host.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
