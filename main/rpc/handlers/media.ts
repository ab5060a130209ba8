// Removable media through the router (issue 6). Handlers orchestrate; the rules live in
// main/core/media. A domain refusal is returned as { ok: false, problem } and logged with outcome
// 'refused' through commit(), so the screen shows it and the operation log keeps it (MD-2, MD-4).
import { decide } from '../../core/access';
import { ClamAvScanner, type FileScanner } from '../../core/imports';
import { describeProblem, MediaDesk, SystemDrives, type DriveService, type DriveVerdict, type ExportRequest, type Medium, type MediaProblem } from '../../core/media';
import type { Kura } from '../kura';
import type { Call, Handler } from '../router';
import type { Channel } from '../../../shared/rpc';

export type MediaConfiguration = { drives?: DriveService; scanner?: FileScanner | null };

const desks = new WeakMap<Kura, MediaDesk>();
const configured = new WeakMap<Kura, MediaConfiguration>();

/**
 * Sets the drive service and scanner for a Kura (tests and the dev host pass FakeDrives). Without it
 * the real drives are read through systeminformation and files are scanned with ClamAV (MD-5).
 */
export function configureMedia(kura: Kura, config: MediaConfiguration): void {
  configured.set(kura, config);
  desks.delete(kura);
}

export function mediaDesk(kura: Kura): MediaDesk {
  let desk = desks.get(kura);
  if (!desk) {
    const config = configured.get(kura) ?? {};
    desk = new MediaDesk({
      store: kura.store, audit: kura.audit, members: kura.members, vault: kura.vault, policy: kura.policy, now: kura.now,
      designations: () => kura.designations(),
      drives: config.drives ?? new SystemDrives(),
      scanner: config.scanner === undefined ? new ClamAvScanner({ databasePath: process.env.KURA_CLAMAV_DB }) : config.scanner,
    });
    desks.set(kura, desk);
  }
  return desk;
}

type Refusal = { ok: false; problem: ReturnType<typeof describeProblem> };

/** Logs the refusal in its own transaction (nothing else happened) and returns it for the screen. */
function refused<C extends Channel>(call: Call<C>, problem: MediaProblem, target: string | null, detail: Record<string, unknown> = {}): Refusal {
  call.commit(() => undefined, { outcome: 'refused', target, detail: { ...detail, reason: problem.code } });
  return { ok: false, problem: describeProblem(problem) };
}

function userOf<C extends Channel>(call: Call<C>): string {
  return call.subject!.userId;
}

const mediumOut = (m: Medium) => ({
  mediumId: m.mediumId, kind: m.kind, label: m.label, vendorId: m.vendorId, productId: m.productId, vendor: m.vendor, product: m.product,
  serial: m.serial, fsUuid: m.fsUuid, holder: m.holder, storagePlace: m.storagePlace, status: m.status, takenOut: m.takenOut,
  registeredBy: m.registeredBy, registeredAt: m.registeredAt, revokedBy: m.revokedBy, revokedAt: m.revokedAt, revokeReason: m.revokeReason,
  disposedBy: m.disposedBy, disposedAt: m.disposedAt, disposalMethod: m.disposalMethod, disposalWitness: m.disposalWitness,
});

const driveOut = (v: DriveVerdict) => ({
  driveId: v.drive.driveId, vendorId: v.drive.vendorId, productId: v.drive.productId, vendor: v.drive.vendor, product: v.drive.product,
  serial: v.drive.serial, fsUuid: v.drive.fsUuid, label: v.drive.label, mountPoint: v.drive.mountPoint, sizeBytes: v.drive.sizeBytes,
  usable: v.usable, mediumId: v.usable ? v.medium.mediumId : v.mediumId, problem: v.usable ? null : describeProblem(v.problem),
});

const requestOut = (r: ExportRequest) => ({ ...r });

export const listDrives: Handler<'media.drives'> = async ({ kura }) => (await mediaDesk(kura).verdicts()).map(driveOut);

/** MD-2: every identification is logged, a refusal with its reason. */
export const identifyDrive: Handler<'media.identify'> = async (call) => {
  const found = await mediaDesk(call.kura).verdictFor(call.input.driveId);
  if (!found.ok) return refused(call, found.problem, null);
  const v = found.verdict;
  if (!v.usable) return refused(call, v.problem, v.mediumId, { serial: v.drive.serial, fsUuid: v.drive.fsUuid });
  call.note({ target: v.medium.mediumId, detail: { serial: v.drive.serial, fsUuid: v.drive.fsUuid } });
  return { ok: true as const, medium: mediumOut(v.medium) };
};

/** MD-1, MD-2: ledger entry and signed token in one transaction; a failed token write rolls the entry back. */
export const registerMedium: Handler<'media.register'> = async (call) => {
  const desk = mediaDesk(call.kura);
  const prepared = await desk.prepareRegistration(call.input.driveId);
  if (!prepared.ok) return refused(call, prepared.problem, null);
  const { driveId: _drive, ...registration } = call.input;
  const medium = call.commit(() => desk.register(prepared.drive, registration, userOf(call)), (m) => ({
    target: m.mediumId, detail: { kind: m.kind, serial: m.serial, fsUuid: m.fsUuid, holder: m.holder, storagePlace: m.storagePlace },
  }));
  return { ok: true as const, medium: mediumOut(medium) };
};

export const listMedia: Handler<'media.list'> = ({ kura }) => mediaDesk(kura).ledger.list().map(mediumOut);

export const getMedium: Handler<'media.get'> = ({ kura, input }) => {
  const ledger = mediaDesk(kura).ledger;
  const medium = ledger.find(input.mediumId);
  if (!medium) return { ok: false as const, problem: describeProblem({ code: 'unknown_medium', params: { mediumId: input.mediumId } }) };
  return { ok: true as const, medium: mediumOut(medium), movements: ledger.movements(input.mediumId) };
};

/** Ledger changes: the movement row and the log entry commit together; a refusal is logged instead. */
function ledgerChange<C extends 'media.takeOut' | 'media.return' | 'media.revoke' | 'media.dispose'>(
  change: (desk: MediaDesk, call: Call<C>) => ReturnType<MediaDesk['ledger']['revoke']>,
  detail: (call: Call<C>) => Record<string, unknown>,
): Handler<C> {
  return (call) => {
    const desk = mediaDesk(call.kura);
    const r = call.commit(() => change(desk, call), (res) => (res.ok ? { target: res.medium.mediumId, detail: detail(call) } : { outcome: 'refused', target: (call.input as { mediumId: string }).mediumId, detail: { reason: res.problem.code } }));
    return (r.ok ? { ok: true as const, medium: mediumOut(r.medium) } : { ok: false as const, problem: describeProblem(r.problem) }) as Awaited<ReturnType<Handler<C>>>;
  };
}

export const takeOutMedium = ledgerChange<'media.takeOut'>((d, c) => d.ledger.takeOut(c.input.mediumId, userOf(c), c.input.purpose), (c) => ({ purpose: c.input.purpose }));
export const returnMedium = ledgerChange<'media.return'>((d, c) => d.ledger.giveBack(c.input.mediumId, userOf(c), c.input.note), (c) => ({ note: c.input.note }));
export const revokeMedium = ledgerChange<'media.revoke'>((d, c) => d.ledger.revoke(c.input.mediumId, userOf(c), c.input.reason), (c) => ({ reason: c.input.reason }));
/** MD-8: disposal names the method and the witness. */
export const disposeMedium = ledgerChange<'media.dispose'>((d, c) => d.ledger.dispose(c.input.mediumId, userOf(c), c.input.method, c.input.witness), (c) => ({ method: c.input.method, witness: c.input.witness }));

export const listMediumFiles: Handler<'media.files'> = async (call) => {
  const r = await mediaDesk(call.kura).listFiles(call.input.mediumId);
  if (!r.ok) return refused(call, r.problem, call.input.mediumId);
  call.note({ target: call.input.mediumId, detail: { files: r.files.length } });
  return { ok: true as const, files: r.files };
};

/** MD-5: identification, then the virus check; a finding stops here and is logged. */
export const scanMediumFile: Handler<'media.scan'> = async (call) => {
  const r = await mediaDesk(call.kura).readFile(call.input.mediumId, call.input.path);
  if (!r.ok) return refused(call, r.problem, call.input.mediumId);
  r.bytes.fill(0);
  call.note({ target: call.input.mediumId, detail: { sha256: r.sha256, sizeBytes: r.bytes.length, scanner: r.scanner } });
  return { ok: true as const, name: r.name, sizeBytes: r.bytes.length, sha256: r.sha256, scanner: r.scanner };
};

/** MD-7: the gate overwrites and deletes what it wrote; the ledger and the log record it. */
export const wipeExport: Handler<'media.wipe'> = async (call) => {
  const desk = mediaDesk(call.kura);
  const prepared = await desk.prepareWipe(call.input.requestId, 'exported');
  if (!prepared.ok) return refused(call, prepared.problem, call.input.requestId);
  const r = call.commit(() => desk.wipe(prepared.request, prepared.drive, userOf(call)), (res) => ({
    outcome: res.ok ? 'ok' : 'refused', target: call.input.requestId, detail: { mediumId: prepared.request.mediumId, ...(res.ok ? {} : { reason: res.problem.code }) },
  }));
  return r.ok ? { ok: true as const, request: requestOut(r.request) } : { ok: false as const, problem: describeProblem(r.problem) };
};

/** MD-7: the responsible person confirms on the medium itself that nothing is left. */
export const confirmWipe: Handler<'media.wipeConfirm'> = async (call) => {
  const desk = mediaDesk(call.kura);
  const prepared = await desk.prepareWipe(call.input.requestId, 'wiped');
  if (!prepared.ok) return refused(call, prepared.problem, call.input.requestId);
  const r = call.commit(() => desk.confirmWipe(prepared.request, prepared.drive, userOf(call)), (res) => ({
    outcome: res.ok ? 'ok' : 'refused', target: call.input.requestId, detail: { mediumId: prepared.request.mediumId, ...(res.ok ? {} : { reason: res.problem.code }) },
  }));
  return r.ok ? { ok: true as const, request: requestOut(r.request) } : { ok: false as const, problem: describeProblem(r.problem) };
};

/** MD-9 */
export const crossCheckMedia: Handler<'media.crossCheck'> = (call) => {
  const findings = mediaDesk(call.kura).crossCheck();
  call.note({ detail: { findings: findings.length } });
  return { checkedAt: call.now.toISOString(), findings };
};

export const mediaOsPolicy: Handler<'media.osPolicy'> = (call) => {
  const policy = mediaDesk(call.kura).osPolicy(call.input.target);
  call.note({ detail: { target: call.input.target, media: policy.media } });
  return policy;
};

/** MD-4: the request names the data, the medium and the reason; the business is the declared one (AC-7). */
export const requestExport: Handler<'export.request'> = (call) => {
  const desk = mediaDesk(call.kura);
  const r = call.commit(() => desk.requestExport(userOf(call), call.subject!.declared!, call.input), (res) =>
    res.ok
      ? { target: res.request.requestId, detail: { mediumId: res.request.mediumId, records: res.request.recordCount, reason: call.input.reason } }
      : { outcome: 'refused', target: call.input.mediumId, detail: { reason: res.problem.code } },
  );
  return r.ok ? { ok: true as const, request: requestOut(r.request) } : { ok: false as const, problem: describeProblem(r.problem) };
};

/** A requester sees their own requests; approvers and the ledger keeper see all. */
export const listExports: Handler<'export.list'> = ({ kura, input, subject }) => {
  const all = decide(subject!, 'export.approve').allowed || decide(subject!, 'media.ledger').allowed;
  return mediaDesk(kura).requests.list({ status: input.status, requestedBy: all ? undefined : subject!.userId }).map(requestOut);
};

/**
 * MD-4, MD-10: approve (never one's own), identify the medium, record the approval, write and verify
 * the encrypted archive, record the export. Two log entries (step approved / written) let the
 * cross-check (MD-9) find an approval without an export. The password is in the response only.
 */
export const approveExport: Handler<'export.approve'> = async (call) => {
  const desk = mediaDesk(call.kura);
  const approver = userOf(call);
  const checked = desk.checkApproval(approver, call.input.requestId);
  if (!checked.ok) return refused(call, checked.problem, call.input.requestId, { step: 'check' });
  const request = checked.request;
  const located = await desk.locate(request.mediumId);
  if (!located.ok) return refused(call, located.problem, request.requestId, { step: 'identify', mediumId: request.mediumId });
  call.commit(() => desk.markApproved(request.requestId, approver), { target: request.requestId, detail: { step: 'approved', mediumId: request.mediumId, requestedBy: request.requestedBy, records: request.recordCount } });
  const written = await desk.writeExport(request, located.drive);
  if (!written.ok) {
    call.commit(() => desk.requests.failed(request.requestId, String(written.problem.params.detail ?? '')), { outcome: 'failed', target: request.requestId, detail: { step: 'write_failed', mediumId: request.mediumId, reason: written.problem.code } });
    return { ok: false as const, problem: describeProblem(written.problem) };
  }
  call.commit(() => desk.requests.exported(request.requestId, written.archive), {
    target: request.requestId,
    detail: { step: 'written', mediumId: request.mediumId, archive: written.archive.name, sha256: written.archive.sha256, records: written.records, withoutNumber: written.withoutNumber },
  });
  return { ok: true as const, request: requestOut(desk.requests.find(request.requestId)!), password: written.password, passwordBits: written.passwordBits };
};

export const refuseExport: Handler<'export.refuse'> = (call) => {
  const desk = mediaDesk(call.kura);
  const r = call.commit(() => desk.refuseExport(userOf(call), call.input.requestId, call.input.reason), (res) =>
    res.ok ? { target: call.input.requestId, detail: { reason: call.input.reason } } : { outcome: 'refused', target: call.input.requestId, detail: { reason: res.problem.code } },
  );
  return r.ok ? { ok: true as const, request: requestOut(r.request) } : { ok: false as const, problem: describeProblem(r.problem) };
};

export const mediaHandlers = {
  'media.drives': listDrives,
  'media.identify': identifyDrive,
  'media.register': registerMedium,
  'media.list': listMedia,
  'media.get': getMedium,
  'media.takeOut': takeOutMedium,
  'media.return': returnMedium,
  'media.revoke': revokeMedium,
  'media.dispose': disposeMedium,
  'media.files': listMediumFiles,
  'media.scan': scanMediumFile,
  'media.wipe': wipeExport,
  'media.wipeConfirm': confirmWipe,
  'media.crossCheck': crossCheckMedia,
  'media.osPolicy': mediaOsPolicy,
  'export.request': requestExport,
  'export.list': listExports,
  'export.approve': approveExport,
  'export.refuse': refuseExport,
};
