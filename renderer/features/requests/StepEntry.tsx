// Who did it, when, and what was done: the entry of an incident step and of the report to the commission.
import { useState } from 'react';
import { useApp } from '../../app/store';
import { complain, Input } from '../admin/controls';
import { Area, DateTimeInput, missing } from './controls';
import { localInputToIso, localNowInput } from './labels';
import { rqm, rqt } from './text';

export type Entry = { performedBy: string; performedAt: string; notes: string };

export function useEntry(prefix: string) {
  const lang = useApp((s) => s.lang);
  const me = useApp((s) => s.session?.user.name ?? '');
  const [performedBy, setPerformedBy] = useState(me);
  const [performedAt, setPerformedAt] = useState(localNowInput());
  const [notes, setNotes] = useState('');
  const fields = (
    <>
      <div className="grid-2">
        <Input id={`${prefix}By`} label={rqt(lang, 'performedBy')} value={performedBy} onChange={setPerformedBy} maxLength={100} />
        <DateTimeInput id={`${prefix}At`} label={rqt(lang, 'performedAt')} value={performedAt} onChange={setPerformedAt} />
      </div>
      <Area id={`${prefix}Notes`} label={rqt(lang, 'notes')} value={notes} onChange={setNotes} maxLength={2000} />
    </>
  );
  /** The entry, or null after saying what is missing. */
  const entry = (): Entry | null => {
    const empty = missing([[performedBy, rqt(lang, 'performedBy')], [notes, rqt(lang, 'notes')]]);
    const at = localInputToIso(performedAt);
    if (!at) empty.push(rqt(lang, 'performedAt'));
    if (empty.length || !at) {
      complain(rqm('fieldsRequired', { fields: empty.join('、') }));
      return null;
    }
    return { performedBy, performedAt: at, notes };
  };
  const clear = () => setNotes('');
  return { fields, entry, clear };
}
