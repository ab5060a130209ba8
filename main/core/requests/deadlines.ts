// Answer deadlines are configuration (resources/requests.json): a society sets its own days.
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export const deadlineSchema = z.strictObject({
  $comment: z.string().optional(),
  /** RQ-1: days from receipt to answer a 様式1/様式2 request. */
  disclosureAnswerDays: z.number().int().min(1).max(365),
  /** RQ-2: days from reception to answer an inquiry, per rank (A most urgent). */
  inquiryAnswerDays: z.strictObject({ A: z.number().int().min(0).max(365), B: z.number().int().min(0).max(365), C: z.number().int().min(0).max(365) }),
});
export type Deadlines = z.infer<typeof deadlineSchema>;

export const DEFAULT_DEADLINES: Deadlines = { disclosureAnswerDays: 30, inquiryAnswerDays: { A: 1, B: 5, C: 14 } };

export function loadDeadlines(path: string): Deadlines {
  return deadlineSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** An ISO date plus days, in calendar days. */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
