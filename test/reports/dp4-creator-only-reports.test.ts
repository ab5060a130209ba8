// DP-4: a report containing My Number is a password-protected file only its creator can open and
// print, and it is deleted automatically after reports.keepHours. Given clerks with VIEW/EDIT in 給付,
// a manager, and seeded members with registered numbers, through the real router and store.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { canonicalJson } from '../../main/core/audit';
import type { Connection } from '../../main/rpc';
import { purgeExpiredReports } from '../../main/rpc/handlers/reports';
import { GOOD_PASSWORD, startKura, type TestKura } from '../helpers/kura';

describe('DP-4: creator-only, password-protected reports that expire', () => {
  let t: TestKura;
  let creator: Connection;
  let withNumbers: string[];
  let withoutNumber: string;
  let numbers: string[];

  const reportFiles = () => {
    const dir = join(t.dir, 'reports');
    return existsSync(dir) ? readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) })) : [];
  };
  const create = (conn: Connection, ids: string[], password = GOOD_PASSWORD) => t.call(conn, 'report.create', { shikakuIds: ids, password });
  const open = (conn: Connection, reportId: string, password = GOOD_PASSWORD) => t.call(conn, 'report.open', { reportId, password });
  const problemOf = (r: Awaited<ReturnType<typeof open>>) => (r.ok ? 'opened' : r.problem.code);

  beforeAll(async () => {
    t = await startKura({ seed: 30 });
    const db = t.kura.store.db;
    withNumbers = (db.prepare('SELECT shikaku_id FROM mynumber_master WHERE sakujo_kubun = 0 ORDER BY shikaku_id LIMIT 3').all() as { shikaku_id: string }[]).map((r) => r.shikaku_id);
    withoutNumber = (db.prepare('SELECT shikaku_id FROM members WHERE shikaku_id NOT IN (SELECT shikaku_id FROM mynumber_master) LIMIT 1').get() as { shikaku_id: string }).shikaku_id;
    numbers = withNumbers.map((id) => t.kura.vault.reveal(id).myNumber);
    assert.equal(withNumbers.length, 3);
    creator = await t.clerk('kyufu.sakusei', 'VIEW', ['kyufu'], 'kyufu');
  });
  afterAll(() => t.close());

  it('DP-4: the creator makes a 個人番号入力結果一覧 and opens it with their password; it expires after keepHours', async () => {
    const summary = await create(creator, [...withNumbers, withoutNumber]);
    assert.equal(summary.rows, 4);
    assert.equal(summary.title, '個人番号入力結果一覧');
    assert.equal(summary.business, 'kyufu');
    assert.equal(Date.parse(summary.expiresAt) - Date.parse(summary.createdAt), t.kura.policy.reports.keepHours * 3_600_000);
    const opened = await open(creator, summary.reportId);
    assert.ok(opened.ok);
    assert.deepEqual(opened.lines.map((l) => l.myNumber), [...numbers, null]);
    assert.equal(opened.lines[3]!.shikakuId, withoutNumber);
    const listed = await t.call(creator, 'report.list', {});
    assert.ok(listed.reports.some((r) => r.reportId === summary.reportId));
  });

  it('DP-4: another user (a clerk of the same business, a manager with VIEW, a manager without a level) cannot open it, even with the creator\u2019s password', async () => {
    const { reportId } = await create(creator, withNumbers);
    const colleague = await t.clerk('kyufu.doryo', 'EDIT', ['kyufu'], 'kyufu');
    const managerWithLevel = await t.clerk('kyufu.kanri', 'VIEW', ['kyufu'], 'kyufu', ['manager']);
    for (const other of [colleague, managerWithLevel]) {
      assert.equal(problemOf(await open(other, reportId)), 'report_creator_only');
      assert.ok(!(await t.call(other, 'report.list', {})).reports.some((r) => r.reportId === reportId), 'not in their list either');
    }
    const manager = await t.manager();
    const r = await t.raw(manager, 'report.open', { reportId, password: GOOD_PASSWORD });
    assert.equal(r.ok ? '' : r.error.code, 'forbidden');
    // The creator still can: the refusals did not touch the report.
    assert.ok((await open(creator, reportId)).ok);
  });

  it('DP-4: a wrong password is refused at opening and at creation, and counts toward the lockout', async () => {
    const { reportId } = await create(creator, withNumbers);
    const filesBefore = reportFiles().length;
    assert.equal(problemOf(await open(creator, reportId, 'Not-my-password-1')), 'report_password_wrong');
    const r = await t.raw(creator, 'report.create', { shikakuIds: withNumbers, password: 'Not-my-password-1' });
    assert.equal(r.ok ? '' : r.error.code, 'report_password_wrong');
    assert.equal(reportFiles().length, filesBefore, 'no file for a refused creation');
    assert.equal(t.kura.users.find('kyufu.sakusei')!.failedAttempts, 2);
    assert.ok((await open(creator, reportId)).ok);
  });

  it('DP-4: opened in another business than it was made for, or after a password change, it is refused with a reason', async () => {
    const clerk = await t.clerk('ryoho.sakusei', 'VIEW', ['kyufu', 'tekiyo'], 'kyufu');
    const { reportId } = await create(clerk, withNumbers);
    await t.call(clerk, 'session.declareBusiness', { business: 'tekiyo' });
    assert.equal(problemOf(await open(clerk, reportId)), 'report_business_mismatch');
    await t.call(clerk, 'session.declareBusiness', { business: 'kyufu' });
    await t.call(clerk, 'auth.changePassword', { currentPassword: GOOD_PASSWORD, newPassword: 'Changed-pass-2027' });
    assert.equal(problemOf(await open(clerk, reportId, 'Changed-pass-2027')), 'report_password_changed');
  });

  it('DP-4: the file on disk is ciphertext: no 12-digit run, none of the numbers, no names; the file name carries no personal data', async () => {
    await create(creator, withNumbers);
    const files = reportFiles();
    assert.ok(files.length >= 1);
    const member = t.kura.members.get(withNumbers[0]!);
    for (const f of files) {
      assert.match(f.name, /^[0-9a-f-]{36}\.kura-report$/);
      const text = f.bytes.toString('latin1');
      assert.doesNotMatch(text, /\d{12}/);
      for (const n of numbers) assert.ok(!f.bytes.includes(Buffer.from(n)), 'a number in the file');
      assert.ok(!f.bytes.includes(Buffer.from(member.kanjiName, 'utf8')) && !text.includes(withNumbers[0]!), 'a name or 資格ID in the file');
    }
  });

  it('DP-4: when the keeping period ends the report is no longer listed or opened, and the purge deletes file and record (logged)', async () => {
    const { reportId } = await create(creator, withNumbers);
    const record = t.kura.store.db.prepare('SELECT file_name FROM reports WHERE report_id = ?').get(reportId) as { file_name: string };
    const file = join(t.dir, 'reports', record.file_name);
    assert.ok(existsSync(file));
    // A day outlasts any session: log in again as the creator.
    const relogin = async (): Promise<Connection> => {
      const conn = t.connect();
      await t.call(conn, 'auth.login', { userId: 'kyufu.sakusei', password: GOOD_PASSWORD });
      await t.call(conn, 'session.declareBusiness', { business: 'kyufu' });
      return conn;
    };
    t.clock.advance(t.kura.policy.reports.keepHours * 3_600_000 - 1000);
    creator = await relogin();
    assert.ok((await t.call(creator, 'report.list', {})).reports.some((r) => r.reportId === reportId), 'still kept just before expiry');
    t.clock.advance(1000);
    creator = await relogin();
    assert.ok(!(await t.call(creator, 'report.list', {})).reports.some((r) => r.reportId === reportId));
    // The shell's timer purges without any user; here it is the first to run after expiry.
    assert.ok(purgeExpiredReports(t.kura) >= 1);
    assert.ok(!existsSync(file), 'file deleted');
    assert.equal((t.kura.store.db.prepare('SELECT count(*) AS n FROM reports').get() as { n: number }).n, 0, 'record deleted');
    const expired = t.kura.audit.recent(50, 'report.expired').find((e) => e.target === reportId);
    assert.ok(expired, 'the purge is logged');
    assert.equal(expired.operator, null);
    assert.equal(expired.detail.creator, 'kyufu.sakusei');
    const r = await open(creator, reportId);
    assert.equal(problemOf(r), 'report_not_found');
    assert.equal((await t.call(creator, 'report.purgeExpired', {})).deleted, 0, 'nothing left to purge');
    assert.equal(reportFiles().length, 0, 'every report made earlier has expired by now and is gone');
  });

  it('DP-4, AU-1: creation, opening and refusals are logged with creator and target, and no entry holds a number', async () => {
    const entries = t.kura.audit.recent(1000);
    const created = entries.filter((e) => e.event === 'report.create' && e.outcome === 'ok');
    assert.ok(created.length >= 4);
    assert.ok(created.every((e) => e.operator !== null && typeof e.target === 'string' && e.target.startsWith('RPT-')));
    assert.deepEqual(created.at(-1)!.detail.shikakuIds, [...withNumbers, withoutNumber]);
    const opens = entries.filter((e) => e.event === 'report.open');
    const reasons = new Set(opens.filter((e) => e.outcome === 'refused').map((e) => e.detail.reason));
    for (const reason of ['report_creator_only', 'report_password_wrong', 'report_business_mismatch', 'report_password_changed', 'report_not_found', 'forbidden']) {
      assert.ok(reasons.has(reason), `refusal ${reason} logged`);
    }
    assert.ok(opens.some((e) => e.outcome === 'refused' && e.operator === 'kyufu.kanri' && typeof e.target === 'string'), 'a manager\u2019s attempt names the report');
    // Hashes are hex digests (their digits are not personal data); everything else is scanned.
    const text = entries.map(({ hash: _h, prevHash: _p, ...e }) => canonicalJson(e)).join('\n');
    assert.doesNotMatch(text, /(?<!\d)\d{12}(?!\d)/);
    for (const n of numbers) assert.ok(!text.includes(n));
  });
});
