import { BUSINESS_LABELS, PRIVILEGE_LABELS } from '../../shared/codes';
import { MyNumberSwitch } from './MyNumberSwitch';
import { menuEntries, navEntry } from './nav';
import { useApp, usePermission } from './store';
import { SyncIndicator } from './SyncIndicator';
import { t } from './text';

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
  const current = navEntry(view)?.parent ?? view;

  return (
    <header className="banner" data-testid="banner">
      <div className="banner-top">
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
        <div className="banner-actions">
          <SyncIndicator />
          <MyNumberSwitch />
          <LangSwitch />
          <button type="button" data-testid="lock-button" onClick={() => void lock()}>
            {t(lang, 'lockNow')}
          </button>
          <button type="button" onClick={() => void logout()}>
            {t(lang, 'logout')}
          </button>
        </div>
      </div>
      <nav className="banner-menu" aria-label="menu">
        {menuEntries(permissions, session?.business ?? null).map((m) => (
          <button key={m.id} type="button" className={current === m.id ? 'menu-item active' : 'menu-item'} data-menu={m.id} onClick={() => show(m.id)}>
            {m.label[lang]}
          </button>
        ))}
        {session.user.businesses.length > 0 ? (
          <button type="button" className="menu-item" data-menu="business" onClick={() => useApp.setState({ phase: 'business', notice: null })}>
            {t(lang, 'menuBusiness')}
          </button>
        ) : null}
      </nav>
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
