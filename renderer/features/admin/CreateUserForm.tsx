// AC-1: a new ID for one named staff member; it starts at 取扱不可 and must change its password first (AC-5).
import { useState, type FormEvent } from 'react';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { complain, Input } from './controls';
import { am, at } from './text';

export function CreateUserForm({ onCreated, onCancel }: { onCreated(userId: string): Promise<void>; onCancel(): void }) {
  const lang = useApp((s) => s.lang);
  const run = useApp((s) => s.run);
  const busy = useApp((s) => s.busy);
  const inform = useApp((s) => s.inform);
  const [form, setForm] = useState({ userId: '', employeeNo: '', name: '', department: '', password: '', confirm: '', reason: '' });
  const set = (key: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.confirm) {
      complain(am('passwordMismatch'));
      return;
    }
    const userId = form.userId.trim();
    const created = await run(() =>
      call('user.add', {
        userId,
        employeeNo: form.employeeNo,
        name: form.name,
        department: form.department.trim() === '' ? undefined : form.department,
        initialPassword: form.password,
        roles: [],
        level: 'NONE',
        businesses: [],
        reason: form.reason,
      }),
    );
    if (!created) return;
    await onCreated(created.userId);
    inform(am('created', { userId: created.userId }));
  };

  return (
    <form className="panel-form" data-testid="create-user-form" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{at(lang, 'createTitle')}</h3>
      <p className="field-hint">{at(lang, 'createHint')}</p>
      <div className="grid-2">
        <Input id="newUserId" label={at(lang, 'userId')} value={form.userId} onChange={set('userId')} maxLength={32} hint={at(lang, 'userIdHint')} wide />
        <Input id="newEmployeeNo" label={at(lang, 'employeeNo')} value={form.employeeNo} onChange={set('employeeNo')} maxLength={20} />
        <Input id="newName" label={at(lang, 'name')} value={form.name} onChange={set('name')} maxLength={64} />
        <Input id="newDepartment" label={at(lang, 'department')} value={form.department} onChange={set('department')} maxLength={64} wide />
        <Input id="newPassword" type="password" label={at(lang, 'initialPassword')} value={form.password} onChange={set('password')} />
        <Input id="newPasswordConfirm" type="password" label={at(lang, 'passwordConfirm')} value={form.confirm} onChange={set('confirm')} />
      </div>
      <p className="field-hint">{at(lang, 'passwordRule')}</p>
      <Input id="newReason" label={at(lang, 'reason')} value={form.reason} onChange={set('reason')} maxLength={200} hint={at(lang, 'reasonHint')} />
      <div className="actions">
        <button type="button" onClick={onCancel}>
          {at(lang, 'cancel')}
        </button>
        <button type="submit" className="primary" disabled={busy}>
          {at(lang, 'register')}
        </button>
      </div>
    </form>
  );
}
