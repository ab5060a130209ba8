// Inputs the admin controls do not have: a local date-time, and a check box line.
import type { ChangeEvent } from 'react';

export function DateTimeInput({ id, label, value, onChange }: { id: string; label: string; value: string; onChange(value: string): void }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type="datetime-local" value={value} autoComplete="off" onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} />
    </div>
  );
}

export function CheckLine({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <label className="check rq-check" htmlFor={id}>
      <input id={id} name={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** The names of the empty items, for one notice that says what is missing. */
export function missing(items: readonly [string, string][]): string[] {
  return items.filter(([value]) => value.trim() === '').map(([, name]) => name);
}

export function Area({ id, label, value, onChange, maxLength = 4000, hint }: { id: string; label: string; value: string; onChange(value: string): void; maxLength?: number; hint?: string }) {
  return (
    <div className="field field-wide">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} name={id} value={value} rows={3} maxLength={maxLength} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      {hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
