// Child process for the background-checkpoint test: one bulk registration of the given rows, then
// killed (SIGKILL, no close, no cleanup) the given milliseconds after its commit, while the WAL checkpoint that the
// commit left to the other thread is asked for or under way.
import { AuditLog } from '../../main/core/audit';
import { demoMember, MemberRegistry, seededRandom } from '../../main/core/members';
import { demoMyNumber, MyNumberVault } from '../../main/core/mynumber';
import { KeyFileKeystore, openStore } from '../../main/core/store';
import { kuraMigrations } from '../../main/rpc';

const [dataDir, rows, killAfterMs] = process.argv.slice(2) as [string, string, string];
const store = openStore({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false, migrations: kuraMigrations });
const members = new MemberRegistry(store.db, () => new Date());
const vault = new MyNumberVault(store, () => new Date());
const audit = new AuditLog(store.db, () => new Date());
const n = Number(rows);
const random = seededRandom(3);
const id = (i: number): string => `Q${String(i).padStart(9, '0')}`;
store.transaction(() => {
  for (let i = 1; i <= n; i++) members.insert(demoMember(i, random));
});
store.transaction(() =>
  vault.bulk(() => {
    for (let i = 1; i <= n; i++) {
      const r = vault.register(id(i), demoMyNumber(i));
      audit.append({ operator: 'test', terminal: 'test', business: 'tekiyo', event: 'mynumber.register', target: id(i), outcome: 'ok', detail: { version: r.version } });
    }
  }, Array.from({ length: n }, (_, k) => ({ shikakuId: id(k + 1), myNumber: demoMyNumber(k + 1) }))),
);
console.log('committed');
setTimeout(() => process.kill(process.pid, 'SIGKILL'), Number(killAfterMs));
