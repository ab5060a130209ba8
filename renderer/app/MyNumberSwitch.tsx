// AC-8: a user whose level reaches My Number switches their own access off while doing other work,
// and back on; the main process logs each switch and refuses My Number channels while it is off.
import { call } from './client';
import { navEntry } from './nav';
import { useApp } from './store';
import { t } from './text';

export function MyNumberSwitch() {
  const lang = useApp((s) => s.lang);
  const session = useApp((s) => s.session);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  if (!session || session.user.level === 'NONE') return null;
  const on = !session.myNumberOff;

  const toggle = async () => {
    const next = await run(() => call('session.setMyNumberAccess', { enabled: !on }));
    if (!next) return;
    const state = useApp.getState();
    // Off: a member's screen may still hold a number on display, so go back to the search.
    const view = next.myNumberOff && navEntry(state.view)?.parent === 'search' ? 'search' : state.view;
    useApp.setState({ session: next, view, notice: { kind: 'info', message: { ja: t('ja', next.myNumberOff ? 'myNumberSwitchedOff' : 'myNumberSwitchedOn'), en: t('en', next.myNumberOff ? 'myNumberSwitchedOff' : 'myNumberSwitchedOn') } } });
  };

  return (
    <button
      type="button"
      role="switch"
      aria-checked={on}
      className={on ? 'mynumber-switch on' : 'mynumber-switch off'}
      data-testid="mynumber-switch"
      title={t(lang, 'myNumberSwitchHint')}
      disabled={busy}
      onClick={() => void toggle()}
    >
      {t(lang, 'myNumberSwitch')} <b>{on ? t(lang, 'myNumberOn') : t(lang, 'myNumberOff')}</b>
    </button>
  );
}
