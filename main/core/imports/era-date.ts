// 生年月日 on the national forms: 元号 code + YYMMDD (5-630503 = 1988-05-03). Stored as ISO dates.
// A date the era never had (昭和65年, 平成32年, 2月30日) is refused, never rolled over.
import { GENGO } from '../../../shared/codes';

const ERA_ORDER = [1, 3, 5, 7, 9] as const;

function isoOf(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Accepts "5-630503", "5630503" and full-width digits; returns the ISO date or null. */
export function eraDateToIso(raw: string): string | null {
  const text = raw.normalize('NFKC').replace(/[\s./]/g, '');
  const m = /^([13579])-?(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return null;
  const code = Number(m[1]) as (typeof ERA_ORDER)[number];
  const [yy, mm, dd] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (yy < 1) return null;
  const start = GENGO[code].start;
  const year = Number(start.slice(0, 4)) + yy - 1;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== mm - 1 || date.getUTCDate() !== dd) return null;
  const iso = isoOf(year, mm, dd);
  const next = ERA_ORDER[ERA_ORDER.indexOf(code) + 1];
  // Inside the era: on or after its first day, before the next era's first day.
  if (iso < start) return null;
  if (next !== undefined && iso >= GENGO[next].start) return null;
  return iso;
}
