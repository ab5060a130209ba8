import { useState } from 'react';
import { call } from '../client';
import { useApp } from '../store';
import { t } from '../text';
import { Card } from '../../ui/Card';
import { Field } from '../../ui/Field';
import { NoticeBar } from '../../ui/Notice';

/** First run: names the terminal and registers the first manager (管理責任者). */
export function SetupScreen() {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const [form, setForm] = useState({ terminalName: '', userId: '', employeeNo: '', name: '', department: '', password: '', confirm: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });

  const submit = async () => {
    if (form.password !== form.confirm) {
      useApp.setState({ notice: { kind: 'error', message: { ja: t('ja', 'passwordMismatch'), en: t('en', 'passwordMismatch') } } });
      return;
    }
    const done = await run(() =>
      call('setup.init', {
        terminalName: form.terminalName,
        manager: { userId: form.userId, employeeNo: form.employeeNo, name: form.name, department: form.department || undefined, password: form.password },
      }),
    );
    if (done) {
      useApp.setState({ phase: 'login', terminalName: form.terminalName });
      useApp.getState().inform({ ja: t('ja', 'setupDone'), en: t('en', 'setupDone') });
    }
  };

  return (
    <Card title={t(lang, 'setupTitle')} lead={t(lang, 'setupLead')} onSubmit={() => void submit()} wide>
      <NoticeBar />
      <div className="grid-2">
        <Field id="terminalName" label={t(lang, 'terminalName')} value={form.terminalName} onChange={set('terminalName')} autoFocus wide />
        <Field id="userId" label={t(lang, 'userId')} value={form.userId} onChange={set('userId')} />
        <Field id="employeeNo" label={t(lang, 'employeeNo')} value={form.employeeNo} onChange={set('employeeNo')} />
        <Field id="name" label={t(lang, 'staffName')} value={form.name} onChange={set('name')} />
        <Field id="department" label={t(lang, 'department')} value={form.department} onChange={set('department')} />
        <Field id="password" type="password" label={t(lang, 'password')} value={form.password} onChange={set('password')} hint={t(lang, 'passwordRule')} />
        <Field id="confirm" type="password" label={t(lang, 'passwordConfirm')} value={form.confirm} onChange={set('confirm')} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t(lang, 'register')}
        </button>
      </div>
    </Card>
  );
}
