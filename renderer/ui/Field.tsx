import type { ChangeEvent, ReactNode } from 'react';

type FieldProps = {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password';
  autoFocus?: boolean;
  hint?: ReactNode;
  maxLength?: number;
  inputMode?: 'text' | 'numeric';
  wide?: boolean;
};

/** A labelled input; autocomplete and spellcheck are off so nothing typed is remembered by the browser. */
export function Field({ id, label, value, onChange, type = 'text', autoFocus, hint, maxLength, inputMode, wide }: FieldProps) {
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        autoFocus={autoFocus}
        autoComplete="off"
        spellCheck={false}
        maxLength={maxLength}
        inputMode={inputMode}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)}
      />
      {hint ? <div className="field-hint">{hint}</div> : null}
    </div>
  );
}
