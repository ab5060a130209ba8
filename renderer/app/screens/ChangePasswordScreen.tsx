import { useState } from 'react';
import { call } from '../client';
import { useApp } from '../store';
import { t } from '../text';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { NoticeBar } from '../../ui/Notice';

/** AC-5: forced change at first login and after a reset; the router checks strength and history. */
export function ChangePasswordScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const afterLogin = useApp((s) => s.afterLogin);
  const logout = useApp((s) => s.logout);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');

  const submit = async () => {
    if (next !== confirm) {
      useApp.setState({ notice: { kind: 'error', message: { ja: t('ja', 'passwordMismatch'), en: t('en', 'passwordMismatch') } } });
      return;
    }
    const session = await run(() => call('auth.changePassword', { currentPassword: current, newPassword: next }));
    if (session) afterLogin(session);
  };

  return (
    <Card title={t(lang, 'changePasswordTitle')} lead={t(lang, 'changePasswordLead')} onSubmit={() => void submit()}>
      <NoticeBar />
      <Field id="currentPassword" type="password" label={t(lang, 'currentPassword')} value={current} onChange={setCurrent} autoFocus />
      <Field id="newPassword" type="password" label={t(lang, 'newPassword')} value={next} onChange={setNext} hint={t(lang, 'passwordRule')} />
      <Field id="confirmPassword" type="password" label={t(lang, 'passwordConfirm')} value={confirm} onChange={setConfirm} />
      <div className="actions">
        <button type="button" onClick={() => void logout()}>
          {t(lang, 'logout')}
        </button>
        <button type="submit" className="primary" disabled={busy || !current || !next}>
          {t(lang, 'change')}
        </button>
      </div>
    </Card>
  );
}
