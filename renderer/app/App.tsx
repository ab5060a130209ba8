import { useEffect } from 'react';
import { AuditScreen } from '../features/admin/AuditScreen';
import { UsersScreen } from '../features/admin/UsersScreen';
import { MemberDetailScreen } from '../features/members/MemberDetailScreen';
import { SearchScreen } from '../features/members/SearchScreen';
import { installCopyGuard } from '../features/mynumber/copy-guard';
import { MyNumberFormScreen } from '../features/mynumber/MyNumberFormScreen';
import { NoticeBar } from '../ui/Notice';
import { Banner, LangSwitch } from './Banner';
import { subscribe } from './client';
import { useIdleLock } from './idle';
import { BusinessScreen } from './screens/BusinessScreen';
import { ChangePasswordScreen } from './screens/ChangePasswordScreen';
import { LockScreen } from './screens/LockScreen';
import { LoginScreen } from './screens/LoginScreen';
import { SetupScreen } from './screens/SetupScreen';
import { useApp } from './store';
import { t } from './text';

function WorkArea() {
  const view = useApp((s) => s.view);
  return (
    <div className="work">
      <Banner />
      <main className="work-main">
        <NoticeBar />
        {view === 'search' ? <SearchScreen /> : null}
        {view === 'detail' ? <MemberDetailScreen /> : null}
        {view === 'register' || view === 'correct' ? <MyNumberFormScreen mode={view} /> : null}
        {view === 'audit' ? <AuditScreen /> : null}
        {view === 'users' ? <UsersScreen /> : null}
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
