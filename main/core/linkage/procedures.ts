// LK-4: the procedure table (事務／事務手続) is data in resources/linkage-procedures.json; each
// procedure is bound to businesses, and a user may choose only procedures of their own businesses
// (the seed: 職員に許可された事務／事務手続のみ取り扱うことができるよう制御).
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { BUSINESS_LABELS, BUSINESSES, type Business } from '../../../shared/codes';
import { KuraError } from '../../../shared/errors';

const name = z.string().trim().min(1).max(200);
export const procedureSchema = z.strictObject({
  code: z.string().regex(/^[A-Z0-9]{2,10}$/),
  jimuName: name,
  tetsuzukiName: name,
  tokuteiName: name,
  businesses: z.array(z.enum(BUSINESSES)).min(1),
});
export type Procedure = z.infer<typeof procedureSchema>;

const tableSchema = z
  .strictObject({ $comment: z.string().optional(), procedures: z.array(procedureSchema).min(1) })
  .refine((t) => new Set(t.procedures.map((p) => p.code)).size === t.procedures.length, 'procedure codes must be unique');

export function parseProcedures(json: unknown): Procedure[] {
  return tableSchema.parse(json).procedures;
}

export function loadProcedures(path: string): Procedure[] {
  return parseProcedures(JSON.parse(readFileSync(path, 'utf8')));
}

/** The procedures a user assigned to these businesses may choose (LK-4). */
export function permittedProcedures(table: readonly Procedure[], businesses: readonly Business[]): Procedure[] {
  return table.filter((p) => p.businesses.some((b) => businesses.includes(b)));
}

/** The chosen procedure, or a refusal naming what the user is assigned to (LK-4). */
export function chooseProcedure(table: readonly Procedure[], code: string, businesses: readonly Business[]): Procedure {
  const procedure = table.find((p) => p.code === code);
  if (!procedure) throw new KuraError('linkage_procedure_unknown', { procedure: code });
  if (!permittedProcedures([procedure], businesses).length) {
    const assigned = businesses.map((b) => BUSINESS_LABELS[b].ja).join('・') || 'なし';
    throw new KuraError('linkage_procedure_not_permitted', { procedure: `${procedure.code} ${procedure.tetsuzukiName}`, businesses: assigned });
  }
  return procedure;
}
