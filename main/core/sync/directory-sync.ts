// Directory sync (issue 7, AC-4): users, roles, password history, grants and the media ledger go up
// through their own numbered queue and come down through their own cursor, beside the member sync.
// Push: batches the data center applies once (a retry is skipped there), confirmed rows leave the
// queue. Pull: a page and its cursor are saved in ONE local transaction, so a terminal killed between
// the two resumes where it stopped; the cursor never goes back.
import {
  directoryMutationWire, directoryPullResponse, directoryPushResponse, type DirectoryMutationWire, type DirectoryPushResponse,
} from '../../../shared/sync/directory';
import { SYNC_PATHS } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { DirectoryWriter } from './directory-apply';
import { SyncFailure, failureFrom } from './failure';
import type { SyncTransport } from './transport';

export type DirectoryRunResult = { pushed: number; skipped: number; conflicts: number; pulled: number; pages: number; cursor: number };

// Kept in sync_state under their own names (not STATE_KEYS), so this path touches nothing of the member sync.
const CURSOR = 'directory.cursor';
const HEAD = 'directory.head';
const OPEN_CONFLICTS = 'directory.open_conflicts';

function readNumber(db: Db, key: string): number {
  return Number((db.prepare('SELECT value FROM sync_state WHERE key = ?').pluck().get(key) as string | undefined) ?? 0);
}
function writeNumber(db: Db, key: string, value: number): void {
  db.prepare('INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, String(value));
}

export function directoryCursor(db: Db): number {
  return readNumber(db, CURSOR);
}

export function directoryQueuedCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM directory_outbox').pluck().get() as number;
}

type OutboxRow = { seq: number; entity: string; base_version: number; deleted: number; row: string };

export function pendingDirectoryMutations(db: Db, limit: number): DirectoryMutationWire[] {
  const rows = db.prepare('SELECT seq, entity, base_version, deleted, row FROM directory_outbox ORDER BY seq LIMIT ?').all(limit) as OutboxRow[];
  return rows.map((r) => directoryMutationWire.parse({ seq: r.seq, entity: r.entity, baseVersion: r.base_version, deleted: r.deleted, row: JSON.parse(r.row) as unknown }));
}

function confirm(db: Db, answer: DirectoryPushResponse, at: string): void {
  db.prepare('DELETE FROM directory_outbox WHERE seq <= ?').run(answer.appliedThrough);
  const insert = db.prepare('INSERT OR IGNORE INTO directory_conflicts (seq, entity, key, reason, server_version, detected_at) VALUES (?, ?, ?, ?, ?, ?)');
  for (const c of answer.conflicts) insert.run(c.seq, c.entity, c.key, c.reason, c.serverVersion, at);
}

async function pushDirectory(db: Db, transport: SyncTransport, now: () => Date, batchSize: number, result: DirectoryRunResult): Promise<void> {
  for (;;) {
    const mutations = pendingDirectoryMutations(db, batchSize);
    if (mutations.length === 0) return;
    const res = await transport.send('POST', SYNC_PATHS.directoryPush, { mutations });
    if (res.status !== 200) throw failureFrom(res);
    const parsed = directoryPushResponse.safeParse(res.body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'directory push');
    const answer = parsed.data;
    const last = mutations[mutations.length - 1]!.seq;
    if (answer.appliedThrough < last) throw new SyncFailure('bad_response', `directory: confirmed ${answer.appliedThrough}, sent up to ${last}`);
    db.transaction(() => confirm(db, answer, now().toISOString())).immediate();
    result.pushed += answer.applied;
    result.skipped += answer.skipped;
    result.conflicts += answer.conflicts.length;
  }
}

async function pullDirectory(db: Db, transport: SyncTransport, pageSize: number, result: DirectoryRunResult): Promise<void> {
  const writer = new DirectoryWriter(db);
  for (;;) {
    const cursor = directoryCursor(db);
    const res = await transport.send('GET', `${SYNC_PATHS.directoryPull}?after=${cursor}&limit=${pageSize}`);
    if (res.status !== 200) throw failureFrom(res);
    const parsed = directoryPullResponse.safeParse(res.body);
    if (!parsed.success) throw new SyncFailure('bad_response', 'directory pull');
    const page = parsed.data;
    if (page.next < cursor) throw new SyncFailure('bad_response', `directory cursor would go back from ${cursor} to ${page.next}`);
    if (page.changes.some((c) => c.seq <= cursor || c.seq > page.next)) throw new SyncFailure('bad_response', 'directory page outside its cursor range');
    db.transaction(() => {
      result.pulled += writer.applyPage(page.changes);
      writeNumber(db, CURSOR, page.next);
      writeNumber(db, HEAD, page.head);
      writeNumber(db, OPEN_CONFLICTS, page.openConflicts);
    }).immediate();
    result.pages++;
    result.cursor = page.next;
    if (!page.more) break;
  }
  db.transaction(() => {
    result.pulled += writer.retryHeld();
  }).immediate();
}

/** Data-center rows held back here by a local duplicate (shown as conflicts until someone clears it). */
export function directoryHeldCount(db: Db): number {
  return db.prepare('SELECT count(*) FROM directory_blocked').pluck().get() as number;
}

/** One directory round: the queue up, then the data center's changes down. */
export async function syncDirectory(db: Db, transport: SyncTransport, options: { now: () => Date; pushBatch?: number; pullPage?: number }): Promise<DirectoryRunResult> {
  const result: DirectoryRunResult = { pushed: 0, skipped: 0, conflicts: 0, pulled: 0, pages: 0, cursor: directoryCursor(db) };
  await pushDirectory(db, transport, options.now, Math.min(options.pushBatch ?? 1_000, 5_000), result);
  await pullDirectory(db, transport, Math.min(options.pullPage ?? 1_000, 5_000), result);
  return result;
}

