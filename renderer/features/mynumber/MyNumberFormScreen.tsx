// DQ-1: registration and correction with live normalisation and check-digit feedback. The same
// shared checkMyNumber runs here for the clerk's convenience and in the main process as the control.
import { useState } from 'react';
import { MYNUMBER_PROBLEM_MESSAGES } from '../../../shared/i18n';
import { checkMyNumber, toHalfWidthDigits } from '../../../shared/mynumber';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { t } from '../../app/text';
import { useMembers } from '../members/store';

export function MyNumberFormScreen({ mode }: { mode: 'register' | 'correct' }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const run = useApp((s) => s.run);
  const show = useApp((s) => s.show);
  const member = useMembers((s) => s.selected);
  const reload = useMembers((s) => s.reload);
  const [value, setValue] = useState('');
  const [reason, setReason] = useState('');
  if (!member) return null;

  const check = checkMyNumber(value);
  const digits = toHalfWidthDigits(value).replace(/\D/g, '').length;
  const feedback = value.trim() === '' ? null : check.ok ? null : MYNUMBER_PROBLEM_MESSAGES[check.problem];
  // The button does not wait for the live check: the main process checks again and its refusal is
  // what the clerk sees (a rule in the renderer is a convenience, not the control).
  const ready = value.trim() !== '' && (mode === 'register' || reason.trim() !== '');

  const submit = async () => {
    const input = value;
    const result =
      mode === 'register'
        ? await run(() => call('mynumber.register', { shikakuId: member.shikakuId, myNumber: input }))
        : await run(() => call('mynumber.correct', { shikakuId: member.shikakuId, myNumber: input, expectedVersion: member.myNumber?.version ?? 1, reason }));
    if (!result) return;
    // The typed number leaves the screen as soon as it is saved.
    setValue('');
    await reload();
    show('detail');
    useApp.getState().inform({ ja: t('ja', 'saved', { version: result.version }), en: t('en', 'saved', { version: result.version }) });
  };

  return (
    <section className="screen screen-register">
      <div className="screen-head">
        <h2>
          {t(lang, mode === 'register' ? 'registerTitle' : 'correctTitle')}：{member.kanjiName}（{member.shikakuId}）
        </h2>
      </div>
      <form
        className="register-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (ready) void submit();
        }}
      >
        <div className="field field-wide">
          <label htmlFor="myNumber">{t(lang, 'myNumberInput')}</label>
          <input
            id="myNumber"
            className="mynumber-input"
            value={value}
            autoComplete="off"
            spellCheck={false}
            inputMode="numeric"
            maxLength={40}
            autoFocus
            onChange={(e) => setValue(e.target.value)}
          />
          <div className="field-hint">
            {t(lang, 'myNumberInputHint')} {t(lang, 'digitsCount', { count: digits })}
          </div>
          <div className="live-check" data-testid="mynumber-check" aria-live="polite">
            {feedback ? <span className="check-bad">{feedback[lang]}</span> : null}
            {check.ok ? <span className="check-ok">{t(lang, 'checkDigitOk')}</span> : null}
            {check.ok && check.warnings.length > 0 ? <span className="check-warn">{MYNUMBER_PROBLEM_MESSAGES.all_zero![lang]}</span> : null}
          </div>
        </div>
        {mode === 'correct' ? (
          <div className="field field-wide">
            <label htmlFor="reason">{t(lang, 'correctReason')}</label>
            <input id="reason" value={reason} autoComplete="off" maxLength={200} onChange={(e) => setReason(e.target.value)} />
          </div>
        ) : null}
        <div className="actions">
          <button type="button" onClick={() => show('detail')}>
            {t(lang, 'cancel')}
          </button>
          <button type="submit" className="primary" data-testid="save-mynumber" disabled={busy || !ready}>
            {t(lang, mode === 'register' ? 'register' : 'correctMyNumber')}
          </button>
        </div>
      </form>
    </section>
  );
}
