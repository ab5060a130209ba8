// Child process for the all-or-none test: opens the same store, starts confirming an import and is
// killed (SIGKILL, no cleanup, no rollback code runs) after 1,000 rows have been written.
import { ClamAvScanner, ImportService } from '../../main/core/imports';
import { KeyFileKeystore } from '../../main/core/store';
import { openKura } from '../../main/rpc';

const [dataDir, importId] = process.argv.slice(2) as [string, string];
const kura = openKura({ dataDir, keystore: new KeyFileKeystore(dataDir), packaged: false });
const service = new ImportService({ store: kura.store, vault: kura.vault, now: kura.now, scanner: new ClamAvScanner() });
kura.store.transaction(() =>
  service.confirm(importId, { userId: 'tekiyo.edit', business: 'tekiyo' }, {
    acceptWarnings: false,
    onProgress: (p) => {
      if (p.phase === 'register' && p.done >= 1_000) process.kill(process.pid, 'SIGKILL');
    },
  }),
);
console.log('confirm finished without being killed');
