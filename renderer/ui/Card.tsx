import type { FormEvent, ReactNode } from 'react';

/** A centred panel for the screens before work starts (setup, login, business, lock). */
export function Card({ title, lead, children, onSubmit, wide }: { title: string; lead?: string; children: ReactNode; onSubmit(): void; wide?: boolean }) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <div className="card-page">
      <form className={wide ? 'card card-wide' : 'card'} onSubmit={submit} noValidate>
        <h1>{title}</h1>
        {lead ? <p className="lead">{lead}</p> : null}
        {children}
      </form>
    </div>
  );
}
