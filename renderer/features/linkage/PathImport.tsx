// A file on this terminal named by its absolute path (as the employer-file import does); the main
// process reads it and refuses a file without its heading line.
import { useState } from 'react';
import { useApp } from '../../app/store';
import { complain, Input } from '../admin/controls';
import { ABSOLUTE_PATH } from './parse';
import { lkm, lkt } from './text';

export function PathImport({ id, title, hint, button, onImport }: { id: string; title: string; hint: string; button: string; onImport(path: string): Promise<void> }) {
  const lang = useApp((s) => s.lang);
  const busy = useApp((s) => s.busy);
  const [path, setPath] = useState('');
  const submit = () => {
    const p = path.trim();
    if (!ABSOLUTE_PATH.test(p)) return complain(lkm('pathInvalid'));
    void onImport(p);
  };
  return (
    <form className="inline-form lk-path" data-testid={`${id}-form`} noValidate onSubmit={(e) => { e.preventDefault(); submit(); }}>
      <h3>{title}</h3>
      <Input id={id} label={lkt(lang, 'path')} value={path} onChange={setPath} maxLength={4096} hint={hint} />
      <button type="submit" className="primary" disabled={busy}>
        {button}
      </button>
    </form>
  );
}
