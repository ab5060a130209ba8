// The app's own state: language, connection phase, the session as the main process described it,
// and the current view. Permissions here only shape menus (AC-11); the router decides every call.
import { create } from 'zustand';
import { PRIVILEGE_LABELS, type Business } from '../../shared/codes';
import type { Lang, Message } from '../../shared/i18n';
import type { SessionInfo } from '../../shared/rpc';
import { call, toUiError, type UiError } from './client';
import { t } from './text';

export type Phase = 'connecting' | 'setup' | 'login' | 'changePassword' | 'business' | 'work' | 'locked' | 'fatal';
/** A screen id from the registry in nav.ts. */
export type View = string;
export type Notice = { kind: 'error' | 'info'; message: Message };

type AppState = {
  lang: Lang;
  phase: Phase;
  view: View;
  session: SessionInfo | null;
  terminalName: string | null;
  notice: Notice | null;
  busy: boolean;
  setLang(lang: Lang): void;
  show(view: View): void;
  inform(message: Message): void;
  clearNotice(): void;
  boot(): Promise<void>;
  /** Runs an rpc action with the busy flag and turns refusals into what the clerk sees. */
  run<T>(action: () => Promise<T>): Promise<T | undefined>;
  afterLogin(session: SessionInfo): void;
  declareBusiness(business: Business): Promise<void>;
  continueWithoutBusiness(): void;
  lock(): Promise<void>;
  lockedByServer(): void;
  unlock(password: string): Promise<void>;
  logout(): Promise<void>;
};

export const useApp = create<AppState>()((set, get) => ({
  lang: 'ja',
  phase: 'connecting',
  view: 'search',
  session: null,
  terminalName: null,
  notice: null,
  busy: false,
  setLang: (lang) => {
    document.documentElement.lang = lang;
    set({ lang });
  },
  show: (view) => set({ view, notice: null }),
  inform: (message) => set({ notice: { kind: 'info', message } }),
  clearNotice: () => set({ notice: null }),

  async boot() {
    await get().run(async () => {
      const status = await call('setup.status', {});
      set({ terminalName: status.terminalName, phase: status.initialized ? 'login' : 'setup' });
    });
    if (get().phase === 'connecting') set({ phase: 'fatal' });
  },

  async run(action) {
    set({ busy: true, notice: null });
    try {
      return await action();
    } catch (e) {
      handleRefusal(toUiError(e));
      return undefined;
    } finally {
      set({ busy: false });
    }
  },

  afterLogin(session) {
    if (session.mustChangePassword) set({ session, phase: 'changePassword' });
    else set({ session, phase: 'business', terminalName: session.terminalName });
  },

  async declareBusiness(business) {
    const session = await get().run(() => call('session.declareBusiness', { business }));
    if (session) set({ session, phase: 'work', view: 'search' });
  },

  continueWithoutBusiness: () => set({ phase: 'work', view: 'search' }),

  async lock() {
    // AC-10: the main process locks the session; the screen follows even if that call fails.
    set({ phase: 'locked', notice: null });
    try {
      await call('session.lock', {});
    } catch {
      // Already locked or logged out on the other side: the lock screen is right either way.
    }
  },

  lockedByServer: () => {
    if (get().session) set({ phase: 'locked', notice: null });
  },

  async unlock(password) {
    const session = await get().run(() => call('session.unlock', { password }));
    if (session) set({ session, phase: session.business || session.user.businesses.length === 0 ? 'work' : 'business' });
  },

  async logout() {
    try {
      await call('auth.logout', {});
    } finally {
      set({ session: null, phase: 'login', view: 'search', notice: null });
    }
  },
}));

const BACK_TO_LOGIN = new Set(['not_logged_in', 'session_expired', 'session_replaced', 'account_disabled']);

/** Shows a refusal as the clerk should see it (also used by background polls, which never set busy). */
export function handleRefusal(error: UiError): void {
  const state = useApp.getState();
  if (error.code === 'session_locked') {
    useApp.setState({ phase: 'locked', notice: null });
    return;
  }
  // A failed unlock that is not a simple typo (ID now locked, disabled) ends the session: log in again.
  const unlockEnded = state.phase === 'locked' && error.code !== 'bad_credentials' && error.code !== 'invalid_input';
  if ((BACK_TO_LOGIN.has(error.code) || unlockEnded) && state.phase !== 'login') {
    useApp.setState({ phase: 'login', session: null, notice: { kind: 'error', message: error } });
    return;
  }
  if (error.code === 'disconnected' || error.code === 'no_token') {
    useApp.setState({ phase: 'fatal', notice: { kind: 'error', message: error } });
    return;
  }
  useApp.setState({ notice: { kind: 'error', message: error } });
  // AC-11: a right that ended under an open session also leaves the menus; refresh what they show.
  if (RIGHTS_CHANGED.has(error.code) && state.session) void refreshSession(error);
}

const RIGHTS_CHANGED = new Set(['forbidden', 'business_not_assigned', 'mynumber_switched_off']);

async function refreshSession(error: UiError): Promise<void> {
  let session: SessionInfo;
  try {
    session = await call('session.get', {});
  } catch {
    return; // The refusal already on screen says what matters; the menus refresh at the next call.
  }
  const before = useApp.getState().session;
  if (!before) return;
  // The refusal came from a grant that changed since login: say so, with the level now in force.
  const changed = session.user.level !== before.user.level || session.permissions.join() !== before.permissions.join();
  const level = PRIVILEGE_LABELS[session.user.level];
  const message = { code: error.code, ja: `${error.ja}${t('ja', 'rightsChanged', { level: level.ja })}`, en: `${error.en} ${t('en', 'rightsChanged', { level: level.en })}` };
  useApp.setState(changed ? { session, notice: { kind: 'error', message } } : { session });
}

export function usePermission(permission: string): boolean {
  return useApp((s) => s.session?.permissions.includes(permission) ?? false);
}
