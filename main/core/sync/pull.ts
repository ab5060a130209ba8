// Pull: ask from the saved cursor, apply a page and save the new cursor in ONE local transaction, so a
// terminal killed mid-way (even during the first sync of a million rows) resumes where it stopped and
// never applies a page twice or skips one. The cursor never goes back.
//
// The next page is asked for as soon as a page has arrived, before it is applied (issue 14): the data
// center reads and sends page N+1 while this terminal writes page N. It is asked from page N's end, the
// cursor page N's transaction saves; if that transaction fails, the answer is dropped unread.
//
// The request for page N+1 must actually leave before page N is written: writing a page is one
// synchronous SQLite transaction, and an HTTPS request only goes out on a later turn of the event loop
// (the kept-alive socket is handed to it asynchronously). Without that turn the "prefetch" was sent
// after the write, and each page waited for the data center's whole answer (issue 14: ~0.7 s of wait
// per 20,000-row page, a third of the pull).
import { SYNC_PATHS, pullResponse, type PullResponse } from '../../../shared/sync/protocol';
import type { Db } from '../store';
import { ReplicaWriter } from './apply';
import { SyncFailure, failureFrom } from './failure';
import { STATE_KEYS, readState, writeState } from './state';
import type { SyncTransport } from './transport';

export type PullProgress = { cursor: number; head: number; received: number };
export type PullResult = { pages: number; applied: number; cursor: number };

export function pullCursor(db: Db): number {
  return Number(readState(db, STATE_KEYS.cursor) ?? 0);
}

async function fetchPage(transport: SyncTransport, cursor: number, pageSize: number): Promise<PullResponse> {
  const res = await transport.send('GET', `${SYNC_PATHS.pull}?after=${cursor}&limit=${pageSize}`);
  if (res.status !== 200) throw failureFrom(res);
  const parsed = pullResponse.safeParse(res.body);
  if (!parsed.success) throw new SyncFailure('bad_response', 'pull');
  const page = parsed.data;
  if (page.next < cursor) throw new SyncFailure('bad_response', `cursor would go back from ${cursor} to ${page.next}`);
  if (page.changes.some((c) => c.seq <= cursor || c.seq > page.next)) throw new SyncFailure('bad_response', 'page outside its cursor range');
  return page;
}

export async function pullChanges(db: Db, transport: SyncTransport, options: { pageSize?: number; onProgress?: (p: PullProgress) => void } = {}): Promise<PullResult> {
  const pageSize = options.pageSize ?? 5_000;
  const writer = new ReplicaWriter(db);
  const result: PullResult = { pages: 0, applied: 0, cursor: pullCursor(db) };
  let received = 0;
  let cursor = result.cursor;
  let next = fetchPage(transport, cursor, pageSize);
  try {
    for (;;) {
      const page = await next;
      if (page.more) {
        next = fetchPage(transport, page.next, pageSize);
        await new Promise<void>((resolve) => setImmediate(resolve));
      }
      db.transaction(() => {
        // The page was asked from this cursor; nothing else moves it while a pull runs (SyncEngine runs one at a time).
        if (pullCursor(db) !== cursor) throw new SyncFailure('bad_response', 'the pull cursor moved during the pull');
        result.applied += writer.applyPage(page.changes);
        writeState(db, STATE_KEYS.cursor, page.next);
        writeState(db, STATE_KEYS.pullHead, page.head);
        writeState(db, STATE_KEYS.serverConflicts, page.openConflicts);
      }).immediate();
      result.pages++;
      received += page.changes.length;
      cursor = page.next;
      result.cursor = page.next;
      options.onProgress?.({ cursor: page.next, head: page.head, received });
      if (!page.more) return result;
    }
  } finally {
    // A page asked for ahead and not applied (this pull failed): its answer or failure is dropped.
    next.catch(() => undefined);
  }
}
