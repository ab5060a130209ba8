// A terminal for sync tests: a real Kura (SQLCipher, router, vault) enrolled at a test data center,
// with its sync engine pointed at the server directly or through a fault proxy.
import { randomBytes } from 'node:crypto';
import type { Member } from '../../main/core/members';
import { installOrgKeys } from '../../main/core/store';
import { SyncEngine, configureSync, enrolmentKeyPair, unwrapOrgKeys, wrapOrgKeys, type SyncEngineOptions } from '../../main/core/sync';
import type { DataCenter } from '../server/fixture';
import { startKura, type TestKura } from '../helpers/kura';

export type Terminal = {
  id: string;
  t: TestKura;
  engine: SyncEngine;
  /** Where the engine connects (the server, or a proxy in front of it). */
  url: string;
  close(): Promise<void>;
};

export async function startTerminal(dc: DataCenter, id: string, options: { url?: string; engine?: SyncEngineOptions; sharesKeysWith?: Terminal } = {}): Promise<Terminal> {
  const t = await startKura();
  const bundle = dc.enrol(id);
  const url = options.url ?? dc.server.url;
  configureSync(t.kura.store.db, { terminalId: id, serverUrl: url, caPem: bundle.caPem, certPem: bundle.certPem, keyPem: bundle.keyPem! }, t.clock.now());
  if (options.sharesKeysWith) {
    // Enrolment relay without the data center in between (test/sync/key-relay*.test.ts covers the
    // relayed path): the admin terminal wraps its organisation keys for the new terminal's X25519 key,
    // only the wrapped blob travels, and the new terminal installs the keys in its store.
    const pair = enrolmentKeyPair();
    const relayed = JSON.parse(JSON.stringify(wrapOrgKeys(options.sharesKeysWith.t.kura.store.orgKeys, pair.publicKeyPem))) as unknown;
    installOrgKeys(t.kura.store, unwrapOrgKeys(relayed, pair.privateKey), { relayedBy: options.sharesKeysWith.id, now: t.clock.now() });
  }
  const engine = new SyncEngine(t.kura.store.db, { now: t.clock.now, timeoutMs: 2_000, pullPage: 50, pushBatch: 25, ...options.engine });
  return {
    id,
    t,
    engine,
    url,
    close: async () => {
      await engine.close();
      t.close();
    },
  };
}

let memberSeq = 0;
/** A member with a unique 資格ID (S + random + counter), written through the real registry. */
export function newMember(overrides: Partial<Member> = {}): Member {
  memberSeq++;
  return {
    shikakuId: `S${randomBytes(3).toString('hex').toUpperCase()}${String(memberSeq).padStart(5, '0')}`,
    jigyoshoKigo: '0001', hihokenshaNo: String(10_000_000 + memberSeq), edaban: '00', kubun: 1, zokugara: null,
    kanjiName: '試験\u3000太郎', kanaName: 'シケン タロウ', birthDate: '1980-04-01', sex: 1, shutokuDate: '2020-04-01', soshitsuDate: null,
    ...overrides,
  };
}

/** A local edit as another capability would make it: new content, 更新通番 + 1, in one transaction. */
export function editMember(term: Terminal, shikakuId: string, kanjiName: string): void {
  term.t.kura.store.transaction(() => {
    term.t.kura.store.db
      .prepare('UPDATE members SET kanji_name = ?, version = version + 1, updated_at = ? WHERE shikaku_id = ?')
      .run(kanjiName, term.t.clock.now().toISOString(), shikakuId);
  });
}
