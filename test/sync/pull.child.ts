// A terminal process that only pulls (test/sync/kill-mid-pull.test.ts kills it with SIGKILL at a
// random point). Prints "page <cursor>" after each applied page, "done" at the end.
import { KeyFileKeystore, openStore } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';
import { HttpsTransport, loadIdentity, pullChanges } from '../../main/core/sync';

const [dataDir, pageSize] = process.argv.slice(2) as [string, string];
const store = openStore({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false, migrations: kuraMigrations });
const transport = new HttpsTransport(loadIdentity(store.db)!, 60_000);
await pullChanges(store.db, transport, { pageSize: Number(pageSize), onProgress: (p) => console.log(`page ${p.cursor}`) });
transport.close();
store.close();
console.log('done');
