// The measured half of the initial-pull bench, in its own process (as imports.child.ts), so that its
// peak memory (VmHWM) is the pulling terminal's own and the data center's Node process runs beside it,
// as it would on its own machine. Prints one JSON line at the end.
//   pull <dataDir> <pageSize>       pulls everything from the configured data center
//   baseline <dataDir> <rows>       the same row count written locally as bulk pages (no network):
//                                   how fast this store takes the rows at all (the baseline)
import { peakRssMb } from './peak-rss';
import { openStore, KeyFileKeystore } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';
import { HttpsTransport, loadIdentity, pullChanges } from '../../main/core/sync';
import { ReplicaWriter } from '../../main/core/sync/apply';
import type { ChangeWire } from '../../shared/sync/protocol';
import { benchMemberRow, benchNumberRow } from './sync-rows';

const [mode, dataDir, arg] = process.argv.slice(2) as ['pull' | 'baseline', string, string];


const store = openStore({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false, migrations: kuraMigrations });
/** [ms since start, rows received so far] after each page. */
const marks: [number, number][] = [];
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let rows = 0;
let pages = 0;
if (mode === 'pull') {
  const transport = new HttpsTransport(loadIdentity(store.db)!, 300_000);
  try {
    const r = await pullChanges(store.db, transport, { pageSize: Number(arg), onProgress: (p) => marks.push([performance.now() - t0, p.received]) });
    rows = r.applied;
    pages = r.pages;
  } finally {
    transport.close();
  }
} else {
  // Members then numbers (every second member), in pages of the pull's size, each page one transaction.
  const total = Number(arg);
  const members = Math.round((total * 2) / 3);
  const writer = new ReplicaWriter(store.db);
  let page: ChangeWire[] = [];
  const flush = (): void => {
    store.db.transaction(() => writer.applyPage(page)).immediate();
    rows += page.length;
    pages++;
    page = [];
    marks.push([performance.now() - t0, rows]);
  };
  for (let i = 1; i <= members; i++) {
    page.push({ seq: i, entity: 'member', row: benchMemberRow(i) });
    if (page.length === 20_000) flush();
  }
  for (let i = 1; i <= members; i += 2) {
    page.push({ seq: members + i, entity: 'mynumber', row: benchNumberRow(i) });
    if (page.length === 20_000) flush();
  }
  if (page.length) flush();
}
const ms = performance.now() - t0;
const cpu = process.cpuUsage(cpu0);
const peak = peakRssMb();
store.close();
console.log(JSON.stringify({ rows, pages, ms, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peak, marks }));
