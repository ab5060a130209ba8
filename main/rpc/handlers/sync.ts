import { KuraError } from '../../../shared/errors';
import type { SyncConflictView } from '../../../shared/rpc/channels/sync';
import { decide } from '../../core/access';
import { configureSync, listConflicts, listDirectoryConflicts, openConflictCount, resolveConflict, syncStatus, type SyncConflict } from '../../core/sync';
import { redactDigits, type Handler } from '../router';

export const getSyncStatus: Handler<'sync.status'> = ({ kura, now, subject }) => {
  const status = syncStatus(kura.store.db, now, kura.policy.sync.offlineGraceDays);
  // AC-9: without My Number rights, the count leaves number conflicts out too (the list does).
  if (!decide(subject!, 'mynumber.status').allowed) status.conflicts.local = openConflictCount(kura.store.db, ['member']);
  return status;
};

/** DP-6: records the one server and the client certificate from the enrolment bundle, then starts syncing. */
export const configureTerminalSync: Handler<'sync.configure'> = ({ kura, input, now, commit }) => {
  const identity = commit(
    () => {
      try {
        return configureSync(kura.store.db, input, now);
      } catch {
        // Key, CA, terminal name or URL did not check out; the message never echoes the key.
        throw new KuraError('sync_bundle_invalid');
      }
    },
    (id) => ({ target: id.terminalId, detail: { serverUrl: id.serverUrl } }),
  );
  kura.startSync();
  return { terminalId: identity.terminalId, serverUrl: identity.serverUrl };
};

export const runSync: Handler<'sync.run'> = async ({ kura, note }) => {
  const run = await kura.syncEngine.syncOnce();
  note({ detail: { ok: run.ok, ...(run.ok ? {} : { failure: run.failure.code }) } });
  return { ok: run.ok, message: run.ok ? null : { ja: run.failure.ja, en: run.failure.en } };
};

/** AC-9: a number side shows registered or not, 更新通番 and 更新日, and equality via the blind index only. */
function conflictView(c: SyncConflict): SyncConflictView {
  const common = {
    seq: c.seq, shikakuId: c.shikakuId, reason: c.reason, baseVersion: c.baseVersion, serverVersion: c.serverVersion, detectedAt: c.detectedAt,
    resolution: c.resolution, resolvedAt: c.resolvedAt, resolvedBy: c.resolvedBy,
  };
  if (c.entity === 'member') {
    const side = (r: typeof c.local) =>
      r && {
        version: r.version, updatedAt: r.updatedAt, deleted: r.deleted === 1, jigyoshoKigo: r.jigyoshoKigo, hihokenshaNo: r.hihokenshaNo, edaban: r.edaban,
        kubun: r.kubun, zokugara: r.zokugara, kanjiName: r.kanjiName, kanaName: r.kanaName, birthDate: r.birthDate, sex: r.sex, shutokuDate: r.shutokuDate,
        soshitsuDate: r.soshitsuDate,
      };
    return { ...common, entity: 'member', local: side(c.local), dataCenter: side(c.dataCenter) };
  }
  const live = (r: typeof c.local) => (r && r.sakujoKubun === 0 && r.blindIndex ? r.blindIndex : null);
  const side = (r: typeof c.local) => r && { registered: r.sakujoKubun === 0 && r.mynumberEnc !== null, version: r.koshinTsuban, updatedAt: r.koshinBi };
  const [mine, theirs] = [live(c.local), live(c.dataCenter)];
  return { ...common, entity: 'mynumber', local: side(c.local), dataCenter: side(c.dataCenter), sameNumber: mine && theirs ? mine === theirs : null };
}

export const listSyncConflicts: Handler<'sync.conflicts.list'> = ({ kura, input, subject, note }) => {
  // AC-7, AC-9: without My Number rights in the declared business, number conflicts are left out entirely.
  const numbers = decide(subject!, 'mynumber.status').allowed;
  const conflicts = listConflicts(kura.store.db, { entities: numbers ? ['member', 'mynumber'] : ['member'], includeResolved: input.includeResolved });
  note({ detail: { count: conflicts.length, myNumberShown: numbers } });
  return { conflicts: conflicts.map(conflictView), canResolve: decide(subject!, 'mynumber.correct').allowed };
};

/**
 * DP-6: directory conflicts, read only. A key is a staff user ID, role, grant or ledger ID (a
 * password-history hash is dropped in core); a 12-digit run is masked anyway, as in every log line.
 */
export const listDirectorySyncConflicts: Handler<'sync.directoryConflicts.list'> = ({ kura, input, note }) => {
  const page = listDirectoryConflicts(kura.store.db, { limit: input.limit, ...(input.beforeSeq === undefined ? {} : { beforeSeq: input.beforeSeq }) });
  note({ detail: { count: page.conflicts.length, more: page.more } });
  return { conflicts: page.conflicts.map((c) => ({ ...c, key: redactDigits(c.key) })), more: page.more };
};

/** The decision, and a 'local' choice's new write, commit with the log entry (AU-1). */
export const resolveSyncConflict: Handler<'sync.conflicts.resolve'> = ({ kura, input, subject, commit }) => {
  const r = commit(
    () => resolveConflict({ db: kura.store.db, members: kura.members, vault: kura.vault, now: kura.now }, input, subject!.userId),
    (done) => ({ target: done.shikakuId, detail: { seq: done.seq, entity: done.entity, reason: done.reason, choice: done.choice, version: done.version, expectedVersion: input.expectedVersion ?? null } }),
  );
  return { seq: r.seq, choice: r.choice, version: r.version };
};

export const syncHandlers = {
  'sync.status': getSyncStatus,
  'sync.configure': configureTerminalSync,
  'sync.run': runSync,
  'sync.conflicts.list': listSyncConflicts,
  'sync.conflicts.resolve': resolveSyncConflict,
  'sync.directoryConflicts.list': listDirectorySyncConflicts,
};
