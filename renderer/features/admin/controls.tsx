// Small form controls of the admin screens. Autocomplete and spellcheck are off, as everywhere in Kura.
import type { ChangeEvent, ReactNode } from 'react';
import type { Message } from '../../../shared/i18n';
import { useApp } from '../../app/store';

type InputProps = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'date';
  hint?: ReactNode;
  maxLength?: number;
  wide?: boolean;
};

export function Input({ id, label, value, onChange, type = 'text', hint, maxLength, wide }: InputProps) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type={type} value={value} autoComplete="off" spellCheck={false} maxLength={maxLength} onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
      {hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}

export function TextArea({ id, label, value, onChange, placeholder }: { id: string; label: string; value: string; onChange(value: string): void; placeholder?: string }) {
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={id} value={value} rows={3} maxLength={2000} spellCheck={false} placeholder={placeholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

export function Select<V extends string>({ id, label, value, options, onChange }: { id: string; label: string; value: V; options: readonly { value: NoInfer<V>; label: string }[]; onChange(value: NoInfer<V>): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A group of check boxes over a code table (businesses, roles, designations). */
export function Checks<V extends string>({ name, label, values, selected, labels, disabled, onChange }: { name: string; label: string; values: readonly V[]; selected: readonly V[]; labels: Record<V, Message>; disabled?: boolean; onChange(selected: V[]): void }) {
  const lang = useApp((s) => s.lang);
  const toggle = (v: V, on: boolean) => onChange(values.filter((x) => (x === v ? on : selected.includes(x))));
  return (
    <fieldset className="checks" disabled={disabled}>
      <legend>{label}</legend>
      {values.map((v) => (
        <label key={v} className="check">
          <input type="checkbox" name={name} value={v} checked={selected.includes(v)} onChange={(e) => toggle(v, e.target.checked)} />
          {labels[v][lang]}
        </label>
      ))}
    </fieldset>
  );
}

/** A mistake the screen can see before asking the main process: shown where every refusal is shown. */
export function complain(message: Message): void {
  useApp.setState({ notice: { kind: 'error', message } });
}
