// DQ-3 名寄せ: when a 資格ID changes, or a person enrols again under 任意継続 / 特例退職, their earlier
// records are linked to the new one and shown together. Candidates match on birth date + カナ氏名 and,
// when both records hold a number, on the blind index (never the number itself); an EDIT user confirms.
// A cancelled number keeps its blind index until the retention purge, so the old 資格ID whose number
// moved to the new one still matches it.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';

export const LINK_REASONS = ['shikaku_change', 'nini_keizoku', 'tokurei_taishoku'] as const;
export type LinkReason = (typeof LINK_REASONS)[number];
/** 'same': both hold a number and the blind indexes agree; 'not_compared': at least one holds none. */
export type NumberMatch = 'same' | 'not_compared';

export type LinkCandidate = {
  shikakuId: string; jigyoshoKigo: string; hihokenshaNo: string; kubun: number; kanjiName: string;
  shutokuDate: string; soshitsuDate: string | null; numberMatch: NumberMatch;
};
export type LinkedRecord = Omit<LinkCandidate, 'numberMatch'> & { linkedBy: { reason: LinkReason; with: string; confirmedBy: string; confirmedAt: string } | null };

type MemberRow = { shikaku_id: string; jigyosho_kigo: string; hihokensha_no: string; kubun: number; kanji_name: string; kana_name: string; birth_date: string; shutoku_date: string; soshitsu_date: string | null; blind: Buffer | null };

const MEMBER = `SELECT m.shikaku_id, m.jigyosho_kigo, m.hihokensha_no, m.kubun, m.kanji_name, m.kana_name, m.birth_date, m.shutoku_date, m.soshitsu_date,
  (SELECT blind_index FROM mynumber_master n WHERE n.shikaku_id = m.shikaku_id) AS blind FROM members m`;

function member(db: Db, shikakuId: string): MemberRow {
  const row = db.prepare(`${MEMBER} WHERE m.shikaku_id = ? AND m.deleted = 0`).get(shikakuId) as MemberRow | undefined;
  if (!row) throw new KuraError('member_not_found', { shikakuId });
  return row;
}

/** null when the two cannot be the same person; otherwise how far the number confirmed it. */
function match(a: MemberRow, b: MemberRow): NumberMatch | null {
  if (a.birth_date !== b.birth_date || a.kana_name !== b.kana_name) return null;
  if (a.blind && b.blind) return a.blind.equals(b.blind) ? 'same' : null;
  return 'not_compared';
}

const view = (r: MemberRow) => ({
  shikakuId: r.shikaku_id, jigyoshoKigo: r.jigyosho_kigo, hihokenshaNo: r.hihokensha_no, kubun: r.kubun, kanjiName: r.kanji_name,
  shutokuDate: r.shutoku_date, soshitsuDate: r.soshitsu_date,
});

/** Records that may be the same person and are not linked to this one yet. */
export function linkCandidates(db: Db, shikakuId: string): LinkCandidate[] {
  const self = member(db, shikakuId);
  const linked = new Set(linkedIds(db, shikakuId));
  const rows = db.prepare(`${MEMBER} WHERE m.birth_date = ? AND m.kana_name = ? AND m.deleted = 0 AND m.shikaku_id <> ? ORDER BY m.shutoku_date, m.shikaku_id LIMIT 200`)
    .all(self.birth_date, self.kana_name, shikakuId) as MemberRow[];
  return rows.flatMap((r) => {
    const how = linked.has(r.shikaku_id) ? null : match(self, r);
    return how ? [{ ...view(r), numberMatch: how }] : [];
  });
}

/** The user's confirmation: the rule is checked again here, whatever the screen showed. */
export function confirmLink(db: Db, link: { earlierShikakuId: string; laterShikakuId: string; reason: LinkReason }, by: string, at: string): { numberMatch: NumberMatch } {
  if (link.earlierShikakuId === link.laterShikakuId) throw new KuraError('link_not_matching');
  const earlier = member(db, link.earlierShikakuId);
  const later = member(db, link.laterShikakuId);
  const how = match(earlier, later);
  if (!how) throw new KuraError('link_not_matching');
  if (linkedIds(db, link.laterShikakuId).includes(link.earlierShikakuId)) throw new KuraError('link_exists');
  db.prepare('INSERT INTO member_links (earlier_shikaku_id, later_shikaku_id, reason, number_match, confirmed_by, confirmed_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    link.earlierShikakuId, link.laterShikakuId, link.reason, how, by, at,
  );
  return { numberMatch: how };
}

/** Every record reachable through confirmed links (the person's history), this one included. */
function linkedIds(db: Db, shikakuId: string): string[] {
  const rows = db.prepare(
    `WITH RECURSIVE person(id) AS (
       SELECT ?
       UNION SELECT CASE WHEN l.earlier_shikaku_id = person.id THEN l.later_shikaku_id ELSE l.earlier_shikaku_id END
       FROM member_links l JOIN person ON person.id IN (l.earlier_shikaku_id, l.later_shikaku_id)
     ) SELECT id FROM person`,
  ).all(shikakuId) as { id: string }[];
  return rows.map((r) => r.id);
}

/** DQ-3 "shown": the linked history of a 資格ID, oldest qualification first. */
export function linkedHistory(db: Db, shikakuId: string): LinkedRecord[] {
  member(db, shikakuId);
  const linkOf = db.prepare('SELECT earlier_shikaku_id AS earlier, reason, confirmed_by AS confirmedBy, confirmed_at AS confirmedAt FROM member_links WHERE later_shikaku_id = ? ORDER BY id LIMIT 1');
  const rows = linkedIds(db, shikakuId).map((id) => db.prepare(`${MEMBER} WHERE m.shikaku_id = ?`).get(id) as MemberRow);
  return rows
    .sort((a, b) => a.shutoku_date.localeCompare(b.shutoku_date) || a.shikaku_id.localeCompare(b.shikaku_id))
    .map((r) => {
      const l = linkOf.get(r.shikaku_id) as { earlier: string; reason: LinkReason; confirmedBy: string; confirmedAt: string } | undefined;
      return { ...view(r), linkedBy: l ? { reason: l.reason, with: l.earlier, confirmedBy: l.confirmedBy, confirmedAt: l.confirmedAt } : null };
    });
}
