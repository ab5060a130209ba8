// The assignment rows (AC-6) that the users, rights and assignment screens all read.
import { useCallback, useEffect, useState } from 'react';
import { BUSINESS_LABELS, PRIVILEGE_LABELS } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';
import type { ChannelInput } from '../../../shared/rpc';
import type { AssignmentRow } from '../../../shared/rpc/channels/access';
import { call } from '../../app/client';
import { useApp } from '../../app/store';
import { at } from './text';

export type AssignmentFilters = ChannelInput<'access.assignments'>;
type Grant = AssignmentRow['current'];

export function useAssignments(filters: AssignmentFilters = {}): { rows: AssignmentRow[] | null; asOf: string | null; reload(): Promise<void> } {
  const run = useApp((s) => s.run);
  const [rows, setRows] = useState<AssignmentRow[] | null>(null);
  const [asOf, setAsOf] = useState<string | null>(null);
  const key = JSON.stringify(filters);
  const reload = useCallback(async () => {
    const r = await run(() => call('access.assignments', JSON.parse(key) as AssignmentFilters));
    if (r) {
      setRows(r.rows);
      setAsOf(r.asOf);
    }
  }, [run, key]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { rows, asOf, reload };
}

export function levelText(lang: Lang, grant: Grant): string {
  const businesses = grant.businesses.map((b) => BUSINESS_LABELS[b][lang]).join('・');
  return businesses ? `${PRIVILEGE_LABELS[grant.level][lang]}（${businesses}）` : PRIVILEGE_LABELS[grant.level][lang];
}

export function validityText(lang: Lang, grant: Grant): string {
  return at(lang, 'fromTo', { from: grant.validFrom, to: grant.validTo ?? at(lang, 'openEnded') });
}

export function upcomingText(lang: Lang, grant: Grant): string {
  return at(lang, 'upcomingShort', { from: grant.validFrom, level: levelText(lang, grant) });
}

export function statusText(lang: Lang, row: AssignmentRow): string {
  return at(lang, `status_${row.status}`);
}
