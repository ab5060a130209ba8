import { useState } from 'react';
import { useApp } from '../store';
import { t } from '../text';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { NoticeBar } from '../../ui/Notice';

/** AC-10: nothing of the work behind it stays on screen; only the same user's password unlocks. */
export function LockScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const session = useApp((s) => s.session);
  const unlock = useApp((s) => s.unlock);
  const logout = useApp((s) => s.logout);
  const [password, setPassword] = useState('');

  const submit = async () => {
    const typed = password;
    setPassword('');
    await unlock(typed);
  };

  return (
    <Card title={t(lang, 'lockTitle')} lead={t(lang, 'lockLead')} onSubmit={() => void submit()}>
      <NoticeBar />
      <p className="lock-user" data-testid="lock-user">
        {t(lang, 'user')}: {session?.user.name} ({session?.user.userId})
      </p>
      <Field id="unlockPassword" type="password" label={t(lang, 'password')} value={password} onChange={setPassword} autoFocus />
      <div className="actions">
        <button type="button" onClick={() => void logout()}>
          {t(lang, 'logout')}
        </button>
        <button type="submit" className="primary" disabled={busy || !password}>
          {t(lang, 'unlock')}
        </button>
      </div>
    </Card>
  );
}
