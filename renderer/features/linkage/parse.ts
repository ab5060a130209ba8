// What the linkage screens check before asking the main process (which checks again with zod).
import { shikakuIdSchema } from '../../../shared/rpc/schemas';

export const ABSOLUTE_PATH = /^(?:\/|[A-Za-z]:[\\/])/;

/** 資格IDs typed one per line (commas and spaces also separate): the valid ones, and the ones that are not. */
export function parseShikakuIds(text: string): { ids: string[]; invalid: string[] } {
  const tokens = text.normalize('NFKC').toUpperCase().split(/[\s,、]+/).filter(Boolean);
  const ids: string[] = [];
  const invalid: string[] = [];
  for (const t of tokens) (shikakuIdSchema.safeParse(t).success ? ids : invalid).push(t);
  return { ids: [...new Set(ids)], invalid };
}
