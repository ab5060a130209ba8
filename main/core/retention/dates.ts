// Calendar arithmetic on ISO dates (YYYY-MM-DD, Japan calendar day), without time zones.

/** The date `months` calendar months before `day`; 29-31 clamp to the end of a shorter month. */
export function monthsBefore(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** The date `months` calendar months after `day` (the day a period that started on `day` ends). */
export function monthsAfter(day: string, months: number): string {
  return monthsBefore(day, -months);
}
