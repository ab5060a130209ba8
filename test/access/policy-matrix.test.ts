// AC-2, AC-11: every channel × privilege level × role × business, through the real router, against
// the policy table read independently from resources/policy.json. A channel with no sample input
// here fails the test, so a new channel cannot land without being placed in the matrix.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { contract, MY_NUMBER_PERMISSIONS, type Channel, type Permission } from '../../shared/rpc';
import { PRIVILEGE_LEVELS, type PrivilegeLevel, type Role } from '../../shared/codes';
import { setTerminalDesignations } from '../../main/core/access';
import { DESIGNATIONS } from '../../shared/codes';
import type { Connection } from '../../main/rpc';
import { startKura, type TestKura } from '../helpers/kura';

const SAMPLE_ID = 'Q000000001';
/** A well-formed input for every permission-guarded channel (effects land on a throwaway store). */
export const SAMPLE_INPUTS: Partial<Record<Channel, unknown>> = {
  'member.search': { by: 'kanaName', query: 'サ' },
  'member.get': { shikakuId: SAMPLE_ID },
  'mynumber.reveal': { shikakuId: SAMPLE_ID },
  'mynumber.register': { shikakuId: SAMPLE_ID, myNumber: '123456789018' },
  'mynumber.correct': { shikakuId: SAMPLE_ID, myNumber: '123456789018', expectedVersion: 99, reason: 'matrix' },
  'user.list': {},
  'user.add': { userId: 'matrix.target', employeeNo: 'MX1', name: '対象 者', initialPassword: 'Initial-pass-2026' },
  'audit.list': { limit: 1 },
  'audit.verify': {},
  'demo.seed': { members: 1 },
  'terminal.setDesignations': { designations: [...DESIGNATIONS], reason: 'matrix' },
  'user.update': { userId: 'taisho.user', reason: 'matrix' },
  'user.setStatus': { userId: 'taisho.user', action: 'enable', reason: 'matrix' },
  'user.retire': { userId: 'taisho.user', retiredOn: '2030-01-01', reason: 'matrix' },
  'user.resetPassword': { userId: 'taisho.user', temporaryPassword: 'Temporary-pass-2026', reason: 'matrix' },
  'grant.set': { userId: 'taisho.user', level: 'NONE', businesses: [], validFrom: '2026-11-30', reason: 'matrix' },
  'role.set': { userId: 'taisho.user', roles: [], reason: 'matrix' },
  'access.assignments': {},
  'access.recordReview': { findings: 'matrix' },
  'access.reviews': {},
  'media.drives': {},
  'media.identify': { driveId: '/dev/none' },
  'media.register': { driveId: '/dev/none', kind: 'usb_flash', label: 'm', holder: 'h', storagePlace: 'p' },
  'media.list': {},
  'media.get': { mediumId: 'M-9999' },
  'media.takeOut': { mediumId: 'M-9999', purpose: 'matrix' },
  'media.return': { mediumId: 'M-9999', note: '' },
  'media.revoke': { mediumId: 'M-9999', reason: 'matrix' },
  'media.dispose': { mediumId: 'M-9999', method: '破砕', witness: '立会 者' },
  'media.files': { mediumId: 'M-9999' },
  'media.scan': { mediumId: 'M-9999', path: 'a.csv' },
  'media.wipe': { requestId: 'X-99999' },
  'media.wipeConfirm': { requestId: 'X-99999' },
  'media.crossCheck': {},
  'media.osPolicy': { target: 'usbguard' },
  'export.request': { mediumId: 'M-9999', shikakuIds: ['Q000000001'], reason: 'matrix' },
  'export.list': {},
  'export.approve': { requestId: 'X-99999' },
  'export.refuse': { requestId: 'X-99999', reason: 'matrix' },
  'imports.preview': { path: '/nonexistent/m.csv', kind: 'input' },
  'imports.progress': { requestId: 'matrix-req-1' },
  'imports.list': {},
  'imports.get': { importId: 'IMP-20260101-AAAAAA' },
  'imports.rows': { importId: 'IMP-20260101-AAAAAA' },
  'imports.confirm': { importId: 'IMP-20260101-AAAAAA' },
  'imports.abandon': { importId: 'IMP-20260101-AAAAAA' },
  'imports.receipt': { importId: 'IMP-20260101-AAAAAA' },
  'sync.configure': { terminalId: 'T-MATRIX', serverUrl: 'https://127.0.0.1:1', caPem: 'x', certPem: 'x', keyPem: 'x' },
  'sync.conflicts.list': {},
  'sync.conflicts.resolve': { seq: 999_999, choice: 'dataCenter' },
  'sync.directoryConflicts.list': {},
  'keys.status': {},
  'keys.request': {},
  'keys.pending': {},
  'keys.grant': { terminalId: 'T-MATRIX', fingerprint: '0000-0000-0000-0000-0000' },
  'keys.install': { expectedCheckValue: '0000-0000' },
  'keys.declareFirst': {},
  'linkage.procedures': {},
  'linkage.records.add': { path: '/nonexistent/teikyo.csv' },
  'linkage.records.search': {},
  'linkage.identity.import': { path: '/nonexistent/jlis.csv' },
  'linkage.inquiry.build': { procedureCode: 'T01', shikakuIds: [SAMPLE_ID] },
  'linkage.inquiry.answers': { inquiryId: 'SK-20260101-AAAAAA', answers: [{ hihokenshaEdaban: 'HEAAAAAAAAAA', content: 'matrix' }] },
  'requests.disclosure.receive': { form: 'youshiki1', kind: 'disclosure', requesterName: '対象 者', requesterRelation: 'self', identityCheck: 'matrix', content: 'matrix', receivedOn: '2026-01-01' },
  'requests.disclosure.advance': { requestId: 'KJ-999999', action: 'review', note: 'matrix' },
  'requests.disclosure.list': {},
  'requests.disclosure.get': { requestId: 'KJ-999999' },
  'requests.inquiry.receive': { channel: 'phone', requester: '対象 者', contact: 'matrix', content: 'matrix', priority: 'low', urgency: 'low', responseTeam: 'matrix' },
  'requests.inquiry.progress': { slipNo: 'UK-999999', note: 'matrix' },
  'requests.inquiry.chairDecision': { slipNo: 'UK-999999', decision: 'matrix' },
  'requests.inquiry.answer': { slipNo: 'UK-999999', answer: 'matrix' },
  'requests.inquiry.list': {},
  'requests.inquiry.get': { slipNo: 'UK-999999' },
  'incident.open': { title: 'matrix', summary: 'matrix', serious: false, discoveredAt: '2026-01-01T09:00:00+09:00' },
  'incident.markSerious': { incidentId: 'RK-999999', reason: 'matrix' },
  'incident.reportPreliminary': { incidentId: 'RK-999999', performedBy: 'matrix', performedAt: '2026-01-01T09:00:00+09:00', notes: 'matrix' },
  'incident.recordStep': { incidentId: 'RK-999999', step: 1, performedBy: 'matrix', performedAt: '2026-01-01T09:00:00+09:00', notes: 'matrix' },
  'incident.list': {},
  'incident.get': { incidentId: 'RK-999999' },
  'retention.preview': {},
  'retention.run': { confirm: true },
  'retention.recordRefusal': { shikakuId: SAMPLE_ID, refusedOn: '2026-11-01', reason: 'matrix' },
  'retention.pendingRefusals': {},
  'retention.confirmRefusal': { shikakuId: SAMPLE_ID },
  'retention.cancelRefusal': { shikakuId: SAMPLE_ID, reason: 'matrix' },
  'quality.linkCandidates': { shikakuId: SAMPLE_ID },
  'quality.link': { earlierShikakuId: SAMPLE_ID, laterShikakuId: 'Q000000002', reason: 'shikaku_change' },
  'quality.history': { shikakuId: SAMPLE_ID },
  'quality.checksDue': { year: 2026 },
  'quality.recordCheck': { shikakuId: SAMPLE_ID, year: 2026, result: 'eligible', checkedOn: '2026-10-01' },
  'quality.queuePending': {},
  'quality.queueMarkSent': { seqs: [1] },
  'update.verify': { packagePath: '/nonexistent/kura-9.9.9.exe' },
  'report.create': { shikakuIds: [SAMPLE_ID], password: 'matrix-wrong-password' },
  'report.open': { reportId: 'RPT-20260101-AAAAAAAA', password: 'matrix' },
  'audit.recordReview': { reason: 'periodic', from: '2026-01-01T00:00:00Z', to: '2026-11-01T00:00:00Z', findings: 'matrix' },
  'audit.reviews': {},
  'maintenance.record': { action: 'start', company: '保守 株式会社', workers: '作業 者', purpose: 'matrix' },
  'maintenance.list': {},
};

type PolicyFile = { levels: Record<PrivilegeLevel, string[]>; roles: Record<Role, string[]> };
const policy = JSON.parse(readFileSync('resources/policy.json', 'utf8')) as PolicyFile;
const ROLE_SETS: Role[][] = [[], ['manager'], ['sysadmin'], ['manager', 'sysadmin']];
const PERMISSION_REFUSALS = ['forbidden', 'business_not_declared', 'business_not_assigned', 'business_required'];

/** Allowed by the table: the permission is held, and My Number work has a declared business; work
 * bound to one business (imports: 適用) needs that one declared. */
function expected(level: PrivilegeLevel, roles: Role[], declared: boolean, permission: Permission, business: string | undefined): boolean {
  const held = new Set([...policy.levels[level], ...roles.flatMap((r) => policy.roles[r])]);
  if (!held.has(permission)) return false;
  if (business && !declared) return false;
  return !MY_NUMBER_PERMISSIONS.includes(permission) || declared;
}

describe('AC-2, AC-11: the policy matrix', () => {
  let t: TestKura;
  const users: { level: PrivilegeLevel; roles: Role[]; declared: boolean; conn: Connection }[] = [];
  beforeAll(async () => {
    t = await startKura({ seed: 5 });
    setTerminalDesignations(t.kura.store.db, [...DESIGNATIONS]);
    const admin = await t.manager();
    await t.call(admin, 'user.add', { userId: 'taisho.user', employeeNo: 'T0', name: '対象 太郎', initialPassword: 'Initial-pass-2026' });
    let n = 0;
    for (const level of PRIVILEGE_LEVELS) {
      for (const roles of ROLE_SETS) {
        for (const declared of [true, false]) {
          const userId = `matrix.u${n++}`;
          const businesses = level === 'NONE' ? [] : (['kyufu', 'tekiyo', 'renkei'] as const);
          const conn = await t.clerk(userId, level, [...businesses], declared && level !== 'NONE' ? 'kyufu' : undefined, roles);
          users.push({ level, roles, declared: declared && level !== 'NONE', conn });
        }
      }
    }
  });
  afterAll(() => t.close());

  it('AC-11: every channel has an access rule, and every guarded channel is in this matrix', () => {
    for (const [channel, spec] of Object.entries(contract) as [Channel, { access: string }][]) {
      assert.ok(['public', 'session'].includes(spec.access) || spec.access.includes('.'), channel);
      if (spec.access !== 'public' && spec.access !== 'session') assert.ok(channel in SAMPLE_INPUTS, `no matrix sample for ${channel}: add one`);
    }
  });

  it('AC-2, AC-11: the router allows exactly what the policy table says, for every level, role set and business', async () => {
    let checked = 0;
    for (const [channel, spec] of Object.entries(contract) as [Channel, { access: string; business?: 'tekiyo' | 'kyufu' }][]) {
      if (spec.access === 'public' || spec.access === 'session') continue;
      for (const u of users) {
        // A user who declares at all declares the channel's own business when it has one.
        if (u.declared) await t.call(u.conn, 'session.declareBusiness', { business: spec.business ?? 'kyufu' });
        const want = expected(u.level, u.roles, u.declared, spec.access as Permission, spec.business);
        const r = await t.raw(u.conn, channel, SAMPLE_INPUTS[channel]);
        const refusedByPolicy = !r.ok && PERMISSION_REFUSALS.includes(r.error.code);
        assert.equal(!refusedByPolicy, want, `${channel} as ${u.level}+[${u.roles.join(',')}] declared=${u.declared}: ${r.ok ? 'ok' : r.error.code}`);
        assert.ok(r.ok || r.error.code !== 'invalid_input', `${channel}: the sample input must be valid`);
        checked++;
      }
    }
    assert.ok(checked > 500);
  });
});
