// Member search and the member on screen. Results hold what the router chose to send: for a user
// without My Number rights there is no myNumber field at all (AC-9), so there is nothing to hide.
import { create } from 'zustand';
import type { MemberDetail, MemberSummary } from '../../../shared/rpc';
import { call } from '../../app/client';
import { useApp } from '../../app/store';

export type SearchBy = 'shikakuId' | 'hihokenshaNo' | 'kanaName' | 'myNumber';
export const SEARCH_LIMITS = [200, 1000, 10000] as const;

type MembersState = {
  by: SearchBy;
  query: string;
  limit: number;
  results: MemberSummary[] | null;
  truncated: boolean;
  selected: MemberDetail | null;
  setBy(by: SearchBy): void;
  setQuery(query: string): void;
  setLimit(limit: number): void;
  search(): Promise<void>;
  open(shikakuId: string): Promise<void>;
  reload(): Promise<void>;
  reset(): void;
};

export const useMembers = create<MembersState>()((set, get) => ({
  by: 'kanaName',
  query: '',
  limit: 1000,
  results: null,
  truncated: false,
  selected: null,
  setBy: (by) => set({ by }),
  setQuery: (query) => set({ query }),
  setLimit: (limit) => set({ limit }),
  async search() {
    const { by, query, limit } = get();
    const found = await useApp.getState().run(() => call('member.search', { by, query, limit }));
    // A number typed as a search term is not kept on screen once the search is done (AC-9).
    if (by === 'myNumber') set({ query: '' });
    // A refused search leaves no earlier results on screen under the new condition.
    set(found ? { results: found.members, truncated: found.truncated } : { results: null, truncated: false });
  },
  async open(shikakuId) {
    const detail = await useApp.getState().run(() => call('member.get', { shikakuId }));
    if (detail) {
      set({ selected: detail });
      useApp.getState().show('detail');
    }
  },
  async reload() {
    const current = get().selected;
    if (!current) return;
    const detail = await useApp.getState().run(() => call('member.get', { shikakuId: current.shikakuId }));
    if (detail) set({ selected: detail });
  },
  reset: () => set({ results: null, truncated: false, selected: null, query: '' }),
}));

// Logging out, or another user at the same window, must not see the previous user's results.
useApp.subscribe((state, previous) => {
  if (state.session?.user.userId !== previous.session?.user.userId || state.session?.business !== previous.session?.business) {
    useMembers.getState().reset();
  }
});
