import { useEffect } from 'react';
import { installCopyGuard } from '../features/mynumber/copy-guard';
import { NoticeBar } from '../ui/Notice';
import { Banner, LangSwitch } from './Banner';
import { subscribe } from './client';
import { useIdleLock } from './idle';
import { allowed, navEntry } from './nav';
import { BusinessScreen } from './screens/BusinessScreen';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { useApp } from './store';
import { useSyncPolling } from './sync';
import { t } from './text';

function WorkArea() {
  const view = useApp((s) => s.view);
  useSyncPolling();
  const permissions = useApp((s) => s.session?.permissions ?? []);
  const business = useApp((s) => s.session?.business ?? null);
  // AC-11: a screen the session may not use is not drawn (the menu does not offer it either); when a
  // right ends under an open screen, the member search (open to every level) takes its place.
  const entry = [navEntry(view), navEntry('search')].find((e) => e && allowed(e, permissions, business));
  const Screen = entry ? entry.component : null;
  return (
    <div className="work">
      <Banner />
      <main className="work-main">
        <NoticeBar />
        {Screen ? <Screen /> : null}
      </main>
    </div>
  );
}

function Fatal() {
  const lang = useApp((s) => s.lang);
  return (
    <div className="card-page">
      <div className="card">
        <h1>{t(lang, 'appName')}</h1>
        <NoticeBar />
      </div>
    </div>
  );
}

export function App() {
  const phase = useApp((s) => s.phase);
  const idleLockSeconds = useApp((s) => s.session?.idleLockSeconds ?? 600);
  const lock = useApp((s) => s.lock);
  const boot = useApp((s) => s.boot);

  useEffect(() => {
    void boot();
    installCopyGuard(document);
    // AC-10: the shell pushes 'locked' on OS lock or suspend (the dev host when told to).
    return subscribe('locked', () => useApp.getState().lockedByServer());
  }, [boot]);
  useIdleLock(phase === 'work' || phase === 'business', idleLockSeconds, lock);

  const lang = useApp((s) => s.lang);
  return (
    <div className="app" data-phase={phase}>
      {phase !== 'work' ? (
        <div className="pre-work-bar">
          <span className="pre-work-brand">
            {t(lang, 'appName')} <small>{t(lang, 'appTagline')}</small>
          </span>
          <LangSwitch />
        </div>
      ) : null}
      {phase === 'connecting' ? <p className="connecting">{t(lang, 'connecting')}</p> : null}
      {phase === 'fatal' ? <Fatal /> : null}
      {phase === 'setup' ? <SetupScreen /> : null}
      {phase === 'login' ? <LoginScreen /> : null}
      {phase === 'changePassword' ? <ChangePasswordScreen /> : null}
      {phase === 'business' ? <BusinessScreen /> : null}
      {phase === 'locked' ? <LockScreen /> : null}
      {phase === 'work' ? <WorkArea /> : null}
    </div>
  );
}
