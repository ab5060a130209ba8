// The import on screen: its summary, the review filter and the rows fetched so far (page by page,
// as the virtual list scrolls). Nothing here can hold a My Number: the router sends only whether
// the employer wrote one (hasNumber).
import { create } from 'zustand';
import type { z } from 'zod';
import type { ChannelInput, ChannelOutput } from '../../../shared/rpc';
import type { importKindSchema, ImportRowView, importSummaryView } from '../../../shared/rpc/channels/imports';
import { call } from '../../app/client';
import { useApp } from '../../app/store';

export type ImportSummary = z.infer<typeof importSummaryView>;
export type ImportKind = z.infer<typeof importKindSchema>;
export type Filter = { by: 'all' } | { by: 'error' } | { by: 'warning' } | { by: 'check'; code: string };
export type Progress = NonNullable<ChannelOutput<'imports.progress'>['progress']>;
export type Outcome = { kind: 'confirmed'; result: ChannelOutput<'imports.confirm'> } | { kind: 'abandoned'; result: ChannelOutput<'imports.abandon'> };
export type Receipts = ChannelOutput<'imports.receipt'>['files'];

export const PAGE_SIZE = 500;
const POLL_MS = 300;

type ImportsState = {
  summary: ImportSummary | null;
  filter: Filter;
  /** Rows matching the filter, and those fetched so far by their index in that list. */
  total: number;
  rows: ReadonlyMap<number, ImportRowView>;
  /** Bumped on every filter change, so a page answering for an older filter is dropped. */
  generation: number;
  working: 'reading' | 'registering' | null;
  progress: Progress | null;
  outcome: Outcome | null;
  receipts: Receipts | null;
  preview(path: string, kind: ImportKind): Promise<void>;
  open(importId: string): Promise<void>;
  setFilter(filter: Filter): Promise<void>;
  ensureRows(from: number, to: number): void;
  confirm(acceptWarnings: boolean): Promise<void>;
  abandon(): Promise<void>;
  makeReceipts(): Promise<void>;
  reset(): void;
};

const loading = new Set<string>();

function filterInput(filter: Filter): Pick<ChannelInput<'imports.rows'>, 'results' | 'check'> {
  if (filter.by === 'error' || filter.by === 'warning') return { results: [filter.by] };
  if (filter.by === 'check') return { check: filter.code };
  return {};
}

/** A request ID to poll progress with (the channel's pattern: a letter, then 7–63 letters, digits, hyphens). */
function newRequestId(): string {
  return `imp-${crypto.randomUUID()}`;
}

/** Polls imports.progress until stop() is called; a failed poll just waits for the next one. */
function pollProgress(requestId: string, onProgress: (p: Progress | null) => void): () => void {
  let stopped = false;
  const timer = setInterval(() => {
    void call('imports.progress', { requestId })
      .then((r) => {
        if (!stopped) onProgress(r.progress);
      })
      .catch(() => undefined);
  }, POLL_MS);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}

const EMPTY = { summary: null, filter: { by: 'all' } as Filter, total: 0, rows: new Map<number, ImportRowView>(), working: null, progress: null, outcome: null, receipts: null };

export const useImports = create<ImportsState>()((set, get) => ({
  ...EMPTY,
  generation: 0,

  async preview(path, kind) {
    const requestId = newRequestId();
    set({ ...EMPTY, working: 'reading', generation: get().generation + 1 });
    const stop = pollProgress(requestId, (progress) => set({ progress }));
    const r = await useApp.getState().run(() => call('imports.preview', { path, kind, requestId }));
    stop();
    set({ working: null, progress: null });
    if (!r) return;
    if (r.status === 'refused') {
      useApp.setState({ notice: { kind: 'error', message: { ja: r.problem.ja, en: r.problem.en } } });
      return;
    }
    const { firstRows, status: _status, ...summary } = r;
    set({ summary, total: summary.session.counts.total, rows: new Map(firstRows.map((row, i) => [i, row])) });
  },

  async open(importId) {
    const summary = await useApp.getState().run(() => call('imports.get', { importId }));
    if (!summary) return;
    set({ ...EMPTY, summary, generation: get().generation + 1 });
    await get().setFilter({ by: 'all' });
  },

  async setFilter(filter) {
    const summary = get().summary;
    if (!summary) return;
    const generation = get().generation + 1;
    set({ filter, generation, rows: new Map(), total: 0 });
    const page = await useApp.getState().run(() => call('imports.rows', { importId: summary.session.importId, offset: 0, limit: PAGE_SIZE, ...filterInput(filter) }));
    if (!page || get().generation !== generation) return;
    set({ total: page.total, rows: new Map(page.rows.map((row, i) => [i, row])) });
  },

  ensureRows(from, to) {
    const { summary, filter, generation, rows, total } = get();
    if (!summary) return;
    for (let page = Math.floor(from / PAGE_SIZE); page * PAGE_SIZE <= Math.min(to, total - 1); page++) {
      const offset = page * PAGE_SIZE;
      const key = `${summary.session.importId}:${generation}:${offset}`;
      if (rows.has(offset) || loading.has(key)) continue;
      loading.add(key);
      // Scrolling must not clear the notice or flip the busy flag, so pages skip run().
      void call('imports.rows', { importId: summary.session.importId, offset, limit: PAGE_SIZE, ...filterInput(filter) })
        .then((r) => {
          if (get().generation !== generation) return;
          const next = new Map(get().rows);
          r.rows.forEach((row, i) => next.set(offset + i, row));
          set({ rows: next, total: r.total });
        })
        .catch(() => undefined)
        .finally(() => loading.delete(key));
    }
  },

  async confirm(acceptWarnings) {
    const summary = get().summary;
    if (!summary) return;
    const requestId = newRequestId();
    set({ working: 'registering', progress: null });
    const stop = pollProgress(requestId, (progress) => set({ progress }));
    const result = await useApp.getState().run(() => call('imports.confirm', { importId: summary.session.importId, acceptWarnings, requestId }));
    stop();
    set({ working: null, progress: null });
    if (!result) return;
    await get().open(summary.session.importId);
    set({ outcome: { kind: 'confirmed', result } });
  },

  async abandon() {
    const summary = get().summary;
    if (!summary) return;
    const result = await useApp.getState().run(() => call('imports.abandon', { importId: summary.session.importId }));
    if (!result) return;
    await get().open(summary.session.importId);
    set({ outcome: { kind: 'abandoned', result } });
  },

  async makeReceipts() {
    const summary = get().summary;
    if (!summary) return;
    const r = await useApp.getState().run(() => call('imports.receipt', { importId: summary.session.importId }));
    if (r) set({ receipts: r.files });
  },

  reset: () => set({ ...EMPTY, generation: get().generation + 1 }),
}));

// Another user, or another business, at the same window must not see this import.
useApp.subscribe((state, previous) => {
  if (state.session?.user.userId !== previous.session?.user.userId || state.session?.business !== previous.session?.business) {
    useImports.getState().reset();
  }
});
