// The data center's side of "terminal and server agree": a digest over every replicated row, in the
// line format of shared/sync/protocol.ts. Used by the fault tests and by operators after an incident.
import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { memberChecksumLine, myNumberChecksumLine } from '../../shared/sync/protocol';
import { MEMBER_SELECT, MYNUMBER_SELECT, memberFromPg, myNumberFromPg, type MemberPgRow, type MyNumberPgRow } from './sync/rows';

export async function replicaChecksum(pool: Pool): Promise<{ members: number; myNumbers: number; digest: string }> {
  const hash = createHash('sha256');
  const members = await pool.query<MemberPgRow>(`SELECT ${MEMBER_SELECT} FROM members ORDER BY shikaku_id COLLATE "C"`);
  for (const r of members.rows) hash.update(memberChecksumLine(memberFromPg(r))).update('\n');
  const numbers = await pool.query<MyNumberPgRow>(`SELECT ${MYNUMBER_SELECT} FROM mynumber_master ORDER BY shikaku_id COLLATE "C"`);
  for (const r of numbers.rows) hash.update(myNumberChecksumLine(myNumberFromPg(r))).update('\n');
  return { members: members.rowCount ?? 0, myNumbers: numbers.rowCount ?? 0, digest: hash.digest('hex') };
}
