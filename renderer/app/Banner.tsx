import { BUSINESS_LABELS, PRIVILEGE_LABELS } from '../../shared/codes';
import { useApp, usePermission, type View } from './store';
import { t, type TextKey } from './text';

const MENU: { view: View; label: TextKey; permission: string }[] = [
  { view: 'search', label: 'menuSearch', permission: 'member.search' },
  { view: 'audit', label: 'menuAudit', permission: 'audit.read' },
  { view: 'users', label: 'menuUsers', permission: 'user.read' },
];

/** Who is working, in which business, on which terminal: always visible while working. */
export function Banner() {
  const lang = useApp((s) => s.lang);
  const session = useApp((s) => s.session);
  const view = useApp((s) => s.view);
  const show = useApp((s) => s.show);
  const lock = useApp((s) => s.lock);
  const logout = useApp((s) => s.logout);
  const permissions = session?.permissions ?? [];
  if (!session) return null;
  const business = session.business ? BUSINESS_LABELS[session.business][lang] : t(lang, 'noBusinessDeclared');
  const current: View = view === 'detail' || view === 'register' || view === 'correct' ? 'search' : view;

  return (
    <header className="banner" data-testid="banner">
      <div className="banner-brand">{t(lang, 'appName')}</div>
      <dl className="banner-facts">
        <div>
          <dt>{t(lang, 'user')}</dt>
          <dd data-testid="banner-user">
            {session.user.name}（{session.user.userId}・{PRIVILEGE_LABELS[session.user.level][lang]}）
          </dd>
        </div>
        <div>
          <dt>{t(lang, 'business')}</dt>
          <dd data-testid="banner-business">{business}</dd>
        </div>
        <div>
          <dt>{t(lang, 'terminal')}</dt>
          <dd data-testid="banner-terminal">{session.terminalName}</dd>
        </div>
      </dl>
      <nav className="banner-menu" aria-label="menu">
        {MENU.filter((m) => permissions.includes(m.permission)).map((m) => (
          <button key={m.view} type="button" className={current === m.view ? 'menu-item active' : 'menu-item'} data-menu={m.view} onClick={() => show(m.view)}>
            {t(lang, m.label)}
          </button>
        ))}
        {session.user.businesses.length > 0 ? (
          <button type="button" className="menu-item" data-menu="business" onClick={() => useApp.setState({ phase: 'business', notice: null })}>
            {t(lang, 'menuBusiness')}
          </button>
        ) : null}
      </nav>
      <div className="banner-actions">
        <LangSwitch />
        <button type="button" data-testid="lock-button" onClick={() => void lock()}>
          {t(lang, 'lockNow')}
        </button>
        <button type="button" onClick={() => void logout()}>
          {t(lang, 'logout')}
        </button>
      </div>
    </header>
  );
}

export function LangSwitch() {
  const lang = useApp((s) => s.lang);
  const setLang = useApp((s) => s.setLang);
  return (
    <button type="button" className="lang-switch" data-testid="lang-switch" onClick={() => setLang(lang === 'ja' ? 'en' : 'ja')}>
      {t(lang, 'switchLang')}
    </button>
  );
}

/** For checks that read the permission list in one place. */
export { usePermission };
