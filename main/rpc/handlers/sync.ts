import { KuraError } from '../../../shared/errors';
import { configureSync, syncStatus } from '../../core/sync';
import type { Handler } from '../router';

export const getSyncStatus: Handler<'sync.status'> = ({ kura, now }) => syncStatus(kura.store.db, now, kura.policy.sync.offlineGraceDays);

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

export const syncHandlers = {
  'sync.status': getSyncStatus,
  'sync.configure': configureTerminalSync,
  'sync.run': runSync,
};
