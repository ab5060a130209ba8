import { useState } from 'react';
import { call } from '../client';
import { useApp } from '../store';
import { t } from '../text';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { NoticeBar } from '../../ui/Notice';

/** AC-1: a personal ID and password. */
export function LoginScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const terminalName = useApp((s) => s.terminalName);
  const run = useApp((s) => s.run);
  const afterLogin = useApp((s) => s.afterLogin);
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');

  const submit = async () => {
    const session = await run(() => call('auth.login', { userId, password }));
    setPassword('');
    if (session) afterLogin(session);
  };

  return (
    <Card title={t(lang, 'loginTitle')} lead={terminalName ? `${t(lang, 'terminal')}: ${terminalName}` : undefined} onSubmit={() => void submit()}>
      <NoticeBar />
      <Field id="userId" label={t(lang, 'userId')} value={userId} onChange={setUserId} autoFocus />
      <Field id="password" type="password" label={t(lang, 'password')} value={password} onChange={setPassword} />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !userId || !password}>
          {t(lang, 'login')}
        </button>
      </div>
    </Card>
  );
}
