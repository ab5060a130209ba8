// AC-3, AC-4, AC-6: grants over time, and the assignment status list (割当状況一覧) with its reviews.
import { BUSINESSES, type Business, type PrivilegeLevel } from '../../../shared/codes';
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import type { Grant } from './grants';

type GrantRow = { level: PrivilegeLevel; businesses: string; valid_from: string; valid_to: string | null };
const toGrant = (r: GrantRow): Grant => ({
  level: r.level,
  businesses: (JSON.parse(r.businesses) as string[]).filter((b): b is Business => (BUSINESSES as readonly string[]).includes(b)),
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

/** Grants that start after the day, in order: future-dated changes that will take effect by themselves. */
export function upcomingGrants(db: Db, userId: string, day: string): Grant[] {
  return (db.prepare('SELECT level, businesses, valid_from, valid_to FROM grants WHERE user_id = ? AND valid_from > ? ORDER BY valid_from, id').all(userId, day) as GrantRow[]).map(toGrant);
}

/**
 * AC-3: a grant starts today or later, ends after it starts, and is never one's own. AC-1, AC-3: nor
 * does a level above NONE come from someone who could use the ID as a stand-in (standInMakers in
 * auth: its creator, or whoever ever set one of its passwords), so one person holding both administrator
 * roles cannot make an ID, know its password and give it rights; nor from an ID the target made (it
 * could grant itself through it). Lowering to NONE is always allowed.
 */
export function assertGrantable(actor: string, target: string, grant: Grant, today: string, makers: { ofTarget: readonly string[]; ofActor: readonly string[] }): void {
  if (actor === target) throw new KuraError('self_grant');
  if (grant.level !== 'NONE' && makers.ofTarget.includes(actor)) throw new KuraError('stand_in_grant', { userId: target });
  // AC-1, AC-3: nor through an ID the target created or set a password for (the target granting itself).
  if (grant.level !== 'NONE' && makers.ofActor.includes(target)) throw new KuraError('grant_to_own_maker', { userId: target });
  if (grant.validFrom < today) throw new KuraError('retroactive_grant');
  if (grant.validTo !== null && grant.validTo <= grant.validFrom) throw new KuraError('invalid_period');
}

export type Review = { id: number; reviewer: string; reviewedAt: string; findings: string; users: number };

export function recordReview(db: Db, reviewer: string, findings: string, snapshot: unknown[], at: Date): Review {
  const reviewedAt = at.toISOString();
  const r = db.prepare('INSERT INTO access_reviews (reviewer, reviewed_at, findings, snapshot) VALUES (?,?,?,?)').run(reviewer, reviewedAt, findings, JSON.stringify(snapshot));
  return { id: Number(r.lastInsertRowid), reviewer, reviewedAt, findings, users: snapshot.length };
}

export function listReviews(db: Db, limit: number): Review[] {
  return (
    db.prepare('SELECT id, reviewer, reviewed_at, findings, snapshot FROM access_reviews ORDER BY id DESC LIMIT ?').all(limit) as { id: number; reviewer: string; reviewed_at: string; findings: string; snapshot: string }[]
  ).map((r) => ({ id: r.id, reviewer: r.reviewer, reviewedAt: r.reviewed_at, findings: r.findings, users: (JSON.parse(r.snapshot) as unknown[]).length }));
}
