// MD-4, MD-10, DP-3: a clerk requests, a manager approves (never their own), the gate writes an
// AES-256 ZIP that standard tools open with the one-time password and nothing else, with no
// personal data in any name, and verifies it on the medium.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { TWELVE_DIGIT_RUN } from '../../shared/mynumber';
import { PASSWORD_BITS, TOKEN_FILE } from '../../main/core/media';
import type { Connection } from '../../main/rpc';
import { startMediaKit, type MediaKit } from './kit';

describe('export requests and the encrypted archive (MD-4, MD-10, DP-3)', () => {
  let k: MediaKit;
  let clerk: Connection;
  let withNumbers: string[];
  let stick: ReturnType<MediaKit['stick']>;
  let mediumId: string;

  beforeAll(async () => {
    k = await startMediaKit({ seed: 40 });
    clerk = await k.clerk('renkei.clerk', 'LINK', ['renkei'], 'renkei');
    withNumbers = [];
    for (let i = 1; i <= 40; i++) {
      const id = `Q${String(i).padStart(9, '0')}`;
      if (k.t.kura.vault.status(id).registered) withNumbers.push(id);
    }
    stick = k.stick();
    mediumId = await k.register(stick);
  });
  afterAll(() => k.close());

  async function request(ids: string[], conn = clerk): Promise<string> {
    const r = await k.t.call(conn, 'export.request', { mediumId, shikakuIds: ids, reason: '統合専用端末への照会ファイル' });
    assert.ok(r.ok, !r.ok ? r.problem.code : '');
    return r.request.requestId;
  }

  it('MD-4: a request alone writes nothing to the medium (DP-3: no copy without approval)', async () => {
    const requestId = await request(withNumbers.slice(0, 3));
    assert.deepEqual(readdirSync(stick.mountPoint!), [TOKEN_FILE]);
    const list = await k.t.call(clerk, 'export.list', {});
    assert.equal(list.find((r) => r.requestId === requestId)?.status, 'requested');
    const refused = await k.t.call(k.admin, 'export.refuse', { requestId, reason: '対象者が多すぎる' });
    assert.ok(refused.ok && refused.request.status === 'refused');
  });

  it('MD-4: the clerk cannot approve (no permission), and a requester who also holds approval rights cannot approve their own request', async () => {
    const requestId = await request(withNumbers.slice(0, 2));
    const byClerk = await k.t.raw(clerk, 'export.approve', { requestId });
    assert.equal(!byClerk.ok && byClerk.error.code, 'forbidden');
    const both = await k.clerk('renkei.boss', 'LINK', ['renkei'], 'renkei', ['manager']);
    const own = await request(withNumbers.slice(0, 2), both);
    const self = await k.t.call(both, 'export.approve', { requestId: own });
    assert.equal(!self.ok && self.problem.code, 'self_approval');
    const entry = k.log('export.approve').at(-1)!;
    assert.equal(entry.outcome, 'refused');
    assert.equal(entry.detail.reason, 'self_approval');
    assert.equal(entry.operator, 'renkei.boss');
    assert.deepEqual(readdirSync(stick.mountPoint!), [TOKEN_FILE]);
    await k.t.call(k.admin, 'export.refuse', { requestId, reason: 'test' });
    await k.t.call(k.admin, 'export.refuse', { requestId: own, reason: 'test' });
  });

  it('MD-4: a request naming unknown members is refused, and one to an unregistered medium cannot be approved', async () => {
    const r = await k.t.call(clerk, 'export.request', { mediumId, shikakuIds: ['Q999999999'], reason: 'x' });
    assert.equal(!r.ok && r.problem.code, 'unknown_members');
    k.drives.remove(stick.driveId);
    const requestId = await request(withNumbers.slice(0, 1));
    const notAttached = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.equal(!notAttached.ok && notAttached.problem.code, 'not_attached');
    stick = k.drives.insert({ ...stick, mountPoint: stick.mountPoint! });
    await k.t.call(k.admin, 'export.refuse', { requestId, reason: 'test' });
  });

  it('MD-10: on approval the archive opens with 7-Zip and bsdtar using the one-time password, fails with a wrong one, and names carry no personal data', async () => {
    const ids = withNumbers.slice(0, 5);
    const requestId = await request(ids);
    const approved = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.ok(approved.ok, !approved.ok ? approved.problem.code : '');
    assert.equal(approved.request.status, 'exported');
    assert.equal(approved.passwordBits, PASSWORD_BITS);
    assert.ok(PASSWORD_BITS >= 100);
    assert.match(approved.password, /^[0-9A-HJKMNP-TV-Z]{5}(-[0-9A-HJKMNP-TV-Z]{5}){3}$/);
    const zip = join(stick.mountPoint!, approved.request.archiveName!);
    assert.equal(approved.request.archiveName, `KURA-EXPORT-${requestId}.zip`);

    const expected = ids.map((id) => ({ id, member: k.t.kura.members.get(id), myNumber: k.t.kura.vault.reveal(id).myNumber }));
    const out = mkdtempSync(join(tmpdir(), 'kura-unzip-'));
    try {
      execFileSync('7zz', ['x', `-p${approved.password}`, `-o${join(out, '7z')}`, zip], { stdio: 'pipe' });
      const csv = readFileSync(join(out, '7z', 'data.csv'), 'utf8');
      assert.ok(csv.startsWith('\ufeff資格ID,被保険者番号,氏名,個人番号'));
      for (const e of expected) assert.ok(csv.includes(`${e.id},${e.member.hihokenshaNo},${e.member.kanjiName},${e.myNumber}`), e.id);
      const manifest = JSON.parse(readFileSync(join(out, '7z', 'manifest.json'), 'utf8')) as { records: number; requestId: string };
      assert.equal(manifest.records, 5);
      assert.equal(manifest.requestId, requestId);

      const viaBsdtar = execFileSync('bsdtar', ['-xOf', zip, '--passphrase', approved.password, 'data.csv']).toString('utf8');
      assert.equal(viaBsdtar, csv);

      const wrong7z = spawnSync('7zz', ['t', '-pWRONG-PASSWORD-0000', zip], { stdio: 'pipe' });
      assert.notEqual(wrong7z.status, 0);
      const wrongTar = spawnSync('bsdtar', ['-xOf', zip, '--passphrase', 'WRONG-PASSWORD-0000', 'data.csv'], { stdio: 'pipe' });
      assert.notEqual(wrongTar.status, 0);
      assert.ok(!wrongTar.stdout.toString('utf8').includes(expected[0]!.myNumber));

      // AES (method 99, AE-2) for every entry, and names free of personal data.
      const info = execFileSync('zipinfo', ['-v', zip]).toString('utf8');
      const names = execFileSync('zipinfo', ['-1', zip]).toString('utf8').trim().split('\n').sort();
      assert.deepEqual(names, ['data.csv', 'manifest.json']);
      assert.match(info, /compression method:\s+unknown \(99\)/);
      for (const e of expected) {
        for (const personal of [e.id, e.member.hihokenshaNo, e.member.kanjiName, e.member.kanaName, e.myNumber]) assert.ok(!names.some((n) => n.includes(personal)));
        // The verbose listing (comments, extra fields) too; 被保険者番号 is left out here only because
        // zipinfo prints offsets such as 00000000000B5258h that an 8-digit number can match by chance.
        for (const personal of [e.id, e.member.kanjiName, e.member.kanaName, e.myNumber]) assert.ok(!info.includes(personal), 'zipinfo must not show personal data');
      }
      const slt = execFileSync('7zz', ['l', '-slt', `-p${approved.password}`, zip]).toString('utf8');
      assert.match(slt, /Method = AES-256/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('DP-3: the password and the numbers appear in no log entry; the log shows approval and write as two steps', async () => {
    const requestId = await request(withNumbers.slice(0, 2));
    const approved = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.ok(approved.ok);
    const entries = k.log('export.approve').filter((e) => e.target === requestId);
    assert.deepEqual(entries.map((e) => e.detail.step), ['approved', 'written']);
    const all = JSON.stringify(k.t.kura.audit.recent(100_000));
    assert.ok(!all.includes(approved.password));
    // Hashes and machine identifiers (digest, serial, volume UUID) are hex or vendor strings that may
    // hold 12 digits by chance; every other field must not.
    const scanned = k.t.kura.audit.recent(100_000).map(({ hash: _h, prevHash: _p, detail, ...rest }) => {
      const { sha256: _s, serial: _n, fsUuid: _u, ...kept } = detail;
      return { ...rest, detail: kept };
    });
    assert.ok(!TWELVE_DIGIT_RUN.test(JSON.stringify(scanned)));
    const stored = k.t.kura.store.db.prepare('SELECT * FROM export_requests WHERE request_id = ?').get(requestId);
    assert.ok(!JSON.stringify(stored).includes(approved.password));
    // The approve response carries no digits either: only the request summary and the password
    // (the archive's hex digest may hold 12 digits by chance, so it is left out of the scan).
    assert.ok(!TWELVE_DIGIT_RUN.test(JSON.stringify(approved, (key, value: unknown) => (key === 'sha256' || key === 'archiveSha256' ? undefined : value))));
    // Approved once; a second approval is refused.
    const again = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.equal(!again.ok && again.problem.code, 'request_not_pending');
  });

  it('MD-4: a requester whose grant ended can no longer have the request approved', async () => {
    const leaver = await k.clerk('leaving.clerk', 'LINK', ['renkei'], 'renkei');
    const requestId = await request(withNumbers.slice(0, 1), leaver);
    k.t.kura.store.db.prepare("UPDATE grants SET level = 'NONE' WHERE user_id = 'leaving.clerk'").run();
    const r = await k.t.call(k.admin, 'export.approve', { requestId });
    assert.equal(!r.ok && r.problem.code, 'requester_lost_right');
  });
});
