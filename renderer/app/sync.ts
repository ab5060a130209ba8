// Issue 7, point 5: the link to the data center as people see it. One poll every 10 s while someone
// works; sync.status is not activity (it does not hold off the idle lock) and shows nothing personal.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { SyncStatusOutput } from '../../shared/rpc/channels/sync';
import { call, toUiError } from './client';
import { handleRefusal, useApp } from './store';

export const SYNC_POLL_MS = 10_000;

type SyncState = {
  status: SyncStatusOutput | null;
  /** When the renderer last heard from the main process about sync (not when the terminal last synced). */
  checkedAt: number | null;
  refresh(): Promise<void>;
};

/** Refusals that say something about the session (locked, ended) are shown; others wait for the next poll. */
const SESSION_CODES = new Set(['session_locked', 'session_expired', 'session_replaced', 'not_logged_in', 'account_disabled', 'disconnected']);

export const useSync = create<SyncState>()((set) => ({
  status: null,
  checkedAt: null,
  async refresh() {
    try {
      const status = await call('sync.status', {});
      set({ status, checkedAt: Date.now() });
    } catch (e) {
      const error = toUiError(e);
      if (SESSION_CODES.has(error.code)) handleRefusal(error);
    }
  },
}));

/** Polls while the work area is shown; stops on lock and logout (the component unmounts). */
export function useSyncPolling(): void {
  const phase = useApp((s) => s.phase);
  useEffect(() => {
    if (phase !== 'work') return;
    const refresh = useSync.getState().refresh;
    void refresh();
    const timer = setInterval(() => void refresh(), SYNC_POLL_MS);
    return () => clearInterval(timer);
  }, [phase]);
}

/** YYYY-MM-DD HH:MM in Japan time, the way the office reads a time stamp. */
export function formatTime(iso: string | null): string | null {
  if (!iso) return null;
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return null;
  const parts = new Intl.DateTimeFormat('ja-JP', { timeZone: 'Asia/Tokyo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false }).formatToParts(d);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Only the time when it is today (Japan), the whole stamp otherwise. */
export function formatShortTime(iso: string | null, now = new Date()): string | null {
  const full = formatTime(iso);
  if (!full) return null;
  return full.slice(0, 10) === formatTime(now.toISOString())?.slice(0, 10) ? full.slice(11) : full;
}
