// One sync run: push the queue, ship the operation log with a signed checkpoint, pull. Runs in the
// background on a timer; network waits are asynchronous and each local transaction is one page, so a
// clerk's work is never blocked by sync. A failed run leaves everything to be retried next time.
import type { Db } from '../store';
import { reportResolutions } from './conflicts';
import { SyncFailure } from './failure';
import { loadIdentity, type SyncIdentity } from './identity';
import { pushLog } from './log-sync';
import { syncDirectory, type DirectoryRunResult } from './directory-sync';
import { pullChanges, type PullProgress, type PullResult } from './pull';
import { pushOutbox, type PushResult } from './push';
import { STATE_KEYS, clearState, writeState } from './state';
import { HttpsTransport, type SyncTransport } from './transport';
import { wipeReplica } from './wipe';

export type SyncRun = { ok: true; push: PushResult; pull: PullResult; logThrough: number; directory: DirectoryRunResult } | { ok: false; failure: SyncFailure };

export type SyncEngineOptions = {
  now?: () => Date;
  /** Defaults to HTTPS to the configured server; tests pass the same transport pointed through a fault proxy. */
  transport?: (identity: SyncIdentity) => SyncTransport;
  pushBatch?: number;
  pullPage?: number;
  timeoutMs?: number;
  onProgress?: (p: PullProgress) => void;
};

function asFailure(e: unknown): SyncFailure {
  if (e instanceof SyncFailure) return e;
  const code = (e as NodeJS.ErrnoException | null)?.code;
  // Anything below HTTP (refused, reset, timeout, TLS) is the link, and is retried.
  if (typeof code === 'string' || (e instanceof Error && /data center within|socket|ECONN|TLS|SSL/i.test(e.message))) return new SyncFailure('link_down', String(code ?? ''));
  return new SyncFailure('bad_response', e instanceof Error ? e.message.slice(0, 200) : String(e));
}

export class SyncEngine {
  private transport: SyncTransport | null = null;
  private running: Promise<SyncRun> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly db: Db,
    private readonly options: SyncEngineOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** Runs one sync, or joins the one already running. */
  syncOnce(): Promise<SyncRun> {
    this.running ??= this.run().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async run(): Promise<SyncRun> {
    const identity = loadIdentity(this.db);
    if (!identity) return { ok: false, failure: new SyncFailure('bad_response', 'sync is not configured on this terminal') };
    this.transport ??= this.options.transport?.(identity) ?? new HttpsTransport(identity, this.options.timeoutMs);
    const transport = this.transport;
    writeState(this.db, STATE_KEYS.lastAttemptAt, this.now().toISOString());
    try {
      const push = await pushOutbox(this.db, transport, this.now, this.options.pushBatch);
      // After the push: a 'local' resolution's new write is already in; then the data center marks them resolved.
      await reportResolutions(this.db, transport, this.now);
      const logThrough = await pushLog(this.db, transport, identity);
      const pull = await pullChanges(this.db, transport, { pageSize: this.options.pullPage, onProgress: this.options.onProgress });
      // AC-4: users, grants and the media ledger; the run (and lastSyncAt) only counts once they are current.
      const directory = await syncDirectory(this.db, transport, { now: this.now, pushBatch: this.options.pushBatch, pullPage: this.options.pullPage });
      this.db.transaction(() => {
        writeState(this.db, STATE_KEYS.lastSyncAt, this.now().toISOString());
        writeState(this.db, STATE_KEYS.link, 'online');
        clearState(this.db, STATE_KEYS.lastError);
      }).immediate();
      return { ok: true, push, pull, logThrough, directory };
    } catch (e) {
      const failure = asFailure(e);
      if (failure.code === 'terminal_revoked') {
        wipeReplica(this.db, this.now());
        this.stop();
      } else {
        writeState(this.db, STATE_KEYS.link, failure.code === 'link_down' ? 'offline' : 'error');
      }
      writeState(this.db, STATE_KEYS.lastError, failure.code);
      return { ok: false, failure };
    }
  }

  /** Background sync every intervalMs (and once now). */
  start(intervalMs = 60_000): void {
    if (this.timer) return;
    void this.syncOnce();
    this.timer = setInterval(() => void this.syncOnce(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Waits for a run in progress, then closes the connection. */
  async close(): Promise<void> {
    this.stop();
    await this.running?.catch(() => undefined);
    this.transport?.close();
    this.transport = null;
  }
}
