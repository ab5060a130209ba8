// The measured half of the imports bench, in its own process so its peak RSS is the import's own
// (plus Node and tsx), not the seeding's: preview (scan, read, validate, store) and confirm through
// the real router, progress printed as the UI would poll it. Prints one JSON line at the end.

import { peakRssMb } from './peak-rss';
import { ClamAvScanner, type ImportProgress } from '../../main/core/imports';
import { KeyFileKeystore } from '../../main/core/store';
import { Connection, openKura, Router } from '../../main/rpc';
import { configureImports } from '../../main/rpc/handlers/imports';

const [dataDir, file, signatures] = process.argv.slice(2) as [string, string, string];

const kura = openKura({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false });
configureImports(kura, { scanner: new ClamAvScanner({ databasePath: signatures }) });
const router = new Router(kura);
const call = async (conn: Connection, channel: string, input: unknown): Promise<Record<string, unknown>> => {
  const r = await router.invoke(conn, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.en}`);
  return r.data as Record<string, unknown>;
};
const clerk = new Connection('test');
await call(clerk, 'auth.login', { userId: 'tekiyo.bench', password: 'Clerk-pass-2026x' });
await call(clerk, 'session.declareBusiness', { business: 'tekiyo' });

let quarter = -1;
const show = (p: ImportProgress | null): void => {
  if (!p || p.total === 0 || Math.floor((p.done / p.total) * 4) === quarter) return;
  quarter = Math.floor((p.done / p.total) * 4);
  console.log(`progress ${p.phase} ${p.done}/${p.total}`);
};
// The renderer polls imports.progress while the preview runs; the preview yields to let it in.
const poll = setInterval(() => void router.invoke(clerk, 'imports.progress', { requestId: 'bench-preview' }).then((r) => r.ok && show((r.data as { progress: ImportProgress | null }).progress)), 50);
const t0 = performance.now();
const preview = (await call(clerk, 'imports.preview', { path: file, kind: 'input', requestId: 'bench-preview' })) as { status: string; session: { importId: string; counts: Record<string, number> } };
const t1 = performance.now();
clearInterval(poll);
if (preview.status !== 'ready') throw new Error('refused');
quarter = -1;
// Confirm is one synchronous transaction: its progress reaches a listener in the same process
// (kura-admin, this bench), while the window shows "registering" until it returns.
const confirmed = (await call(clerk, 'imports.confirm', { importId: preview.session.importId, requestId: 'bench-confirm' })) as { registered: number; sourceDeleted: boolean };
const t2 = performance.now();
console.log(JSON.stringify({ previewS: (t1 - t0) / 1000, confirmS: (t2 - t1) / 1000, ok: preview.session.counts.ok, registered: confirmed.registered, sourceDeleted: confirmed.sourceDeleted, maxRssMb: peakRssMb(), rusageMaxRssMb: process.resourceUsage().maxRSS / 1024 }));
kura.close();

