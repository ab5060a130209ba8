// The composition root of the main process: one store, one policy, the services, one router.
import type { Designation } from '../../shared/codes';
import { loadPolicy, terminalDesignations, type Policy } from '../core/access';
import { AuditLog } from '../core/audit';
import { UserDirectory } from '../core/auth';
import { MemberRegistry } from '../core/members';
import { MyNumberVault } from '../core/mynumber';
import { loadIdentity, SyncEngine } from '../core/sync';
import { openStore, type Keystore, type Store } from '../core/store';
import { resourcePath } from './resources';
import { kuraMigrations } from './schema';
import type { Connection } from './session';

export type Kura = {
  store: Store;
  policy: Policy;
  audit: AuditLog;
  members: MemberRegistry;
  vault: MyNumberVault;
  users: UserDirectory;
  now: () => Date;
  /** AC-1: one active session per user: the connection that holds each user's session. */
  sessions: Map<string, Connection>;
  /** Background sync with the data center (issue 7); idle until the terminal is enrolled. */
  syncEngine: SyncEngine;
  /** Starts background sync if this terminal is enrolled (DP-6: only with its one configured server). */
  startSync(intervalMs?: number): void;
  terminalName(): string | null;
  /** AC-12: what this terminal is designated for. */
  designations(): Designation[];
  close(): void;
};

export type KuraOptions = {
  dataDir: string;
  keystore: Keystore;
  packaged: boolean;
  policyPath?: string;
  now?: () => Date;
};

export function openKura(options: KuraOptions): Kura {
  const now = options.now ?? (() => new Date());
  const policy = loadPolicy(options.policyPath ?? resourcePath('policy.json'));
  const store = openStore({ dataDir: options.dataDir, keystore: options.keystore, packaged: options.packaged, migrations: kuraMigrations, now });
  const terminalStmt = store.db.prepare("SELECT value FROM meta WHERE key = 'terminal.name'");
  const syncEngine = new SyncEngine(store.db, { now });
  return {
    store,
    policy,
    audit: new AuditLog(store.db, now),
    members: new MemberRegistry(store.db, now),
    vault: new MyNumberVault(store, now),
    users: new UserDirectory(store.db),
    now,
    sessions: new Map(),
    syncEngine,
    startSync: (intervalMs = 60_000) => {
      if (loadIdentity(store.db)) syncEngine.start(intervalMs);
    },
    terminalName: () => (terminalStmt.get() as { value: string } | undefined)?.value ?? null,
    designations: () => terminalDesignations(store.db),
    close: () => {
      syncEngine.stop();
      store.close();
    },
  };
}
