// The media capability's service: what the rpc handlers call. Reads and checks are here; every
// write to a medium goes through the export gate; ledger changes run in the caller's transaction so
// the router's operation-log entry commits with them (AU-1).
import { realpathSync, statSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import type { Business, Designation } from '../../../shared/codes';
import { decide, loadSubject, type Policy } from '../access';
import { standInMakers, UserDirectory } from '../auth';
import type { AuditLog } from '../audit';
import type { FileScanner } from '../imports';
import type { MemberRegistry } from '../members';
import type { MyNumberVault } from '../mynumber';
import type { Store } from '../store';
import { buildArchive, sha256, verifyArchive, type ArchiveManifest } from './archive';
import { crossCheck, type CrossCheckFinding } from './crosscheck';
import type { Drive, DriveService } from './drives';
import { buildMemberExport, EXPORT_COLUMNS, unknownMembers } from './export-source';
import { exportGate, listMediumFiles } from './gate';
import { judgeDrives, type DriveVerdict } from './identify';
import { MediaLedger, type Medium, type MediumKind } from './ledger';
import { usbguardRules, windowsPolicyScript } from './os-policy';
import { generateExportPassword, PASSWORD_BITS } from './password';
import { refuse, type MediaResult, type Refused } from './problems';
import { ExportRequests, type ExportRequest } from './requests';
import { MediumSigner, newNonce, TOKEN_FILE } from './token';

export type MediaDeskOptions = {
  store: Store;
  audit: AuditLog;
  members: MemberRegistry;
  vault: MyNumberVault;
  policy: Policy;
  drives: DriveService;
  /** MD-5: without a scanner nothing is read from media (fail closed). */
  scanner: FileScanner | null;
  designations: () => Designation[];
  now: () => Date;
  maxReadBytes?: number;
};

export type RegistrationInput = { kind: MediumKind; label: string; holder: string; storagePlace: string };
export type WrittenExport = { password: string; passwordBits: number; archive: { name: string; sha256: string; bytes: number }; records: number; withoutNumber: number };

export class MediaDesk {
  readonly ledger: MediaLedger;
  readonly requests: ExportRequests;
  private readonly signer: MediumSigner;

  constructor(private readonly o: MediaDeskOptions) {
    this.ledger = new MediaLedger(o.store.db, o.now);
    this.requests = new ExportRequests(o.store.db, o.now);
    this.signer = new MediumSigner(o.store, o.now);
  }

  /** MD-3 / AC-12 again inside the capability: the router's check is not the only one. */
  private undesignated(): Refused | null {
    return this.o.designations().includes('media') ? null : refuse('terminal_not_designated');
  }

  async verdicts(): Promise<DriveVerdict[]> {
    if (this.undesignated()) return [];
    return judgeDrives(await this.o.drives.list(), this.ledger, this.signer);
  }

  async verdictFor(driveId: string): Promise<MediaResult<{ verdict: DriveVerdict }>> {
    const no = this.undesignated();
    if (no) return no;
    const verdict = (await this.verdicts()).find((v) => v.drive.driveId === driveId);
    return verdict ? { ok: true, verdict } : refuse('drive_not_found');
  }

  /** The attached drive that is this ledger entry, identified (MD-2), or the reason it is not usable. */
  async locate(mediumId: string): Promise<MediaResult<{ medium: Medium; drive: Drive }>> {
    const no = this.undesignated();
    if (no) return no;
    if (!this.ledger.find(mediumId)) return refuse('unknown_medium', { mediumId });
    const verdicts = await this.verdicts();
    const good = verdicts.find((v) => v.usable && v.medium.mediumId === mediumId);
    if (good?.usable) return { ok: true, medium: good.medium, drive: good.drive };
    const bad = verdicts.find((v) => !v.usable && v.mediumId === mediumId);
    if (bad && !bad.usable) return { ok: false, problem: bad.problem };
    return refuse('not_attached', { mediumId });
  }

  /**
   * MD-2 for reads by other capabilities (employer-file imports): a path on a removable drive may be
   * read only when that drive is a registered, identified medium on a designated terminal. A path on
   * no removable drive is a local file and not a medium (mediumId null).
   */
  async sourceCheck(path: string): Promise<MediaResult<{ mediumId: string | null }>> {
    let full: string;
    try {
      full = realpathSync(path);
    } catch {
      return { ok: true, mediumId: null };
    }
    const inside = (root: string): boolean => {
      const r = realpathSync(root);
      return full === r || full.startsWith(r.endsWith(sep) ? r : r + sep);
    };
    const drive = (await this.o.drives.list()).find((d) => d.mountPoint !== null && inside(d.mountPoint));
    if (!drive) return { ok: true, mediumId: null };
    const no = this.undesignated();
    if (no) return no;
    const verdict = (await this.verdicts()).find((v) => v.drive.driveId === drive.driveId);
    if (!verdict) return refuse('drive_not_found');
    return verdict.usable ? { ok: true, mediumId: verdict.medium.mediumId } : { ok: false, problem: verdict.problem };
  }

  // --- ledger (MD-1, MD-8) ---

  async prepareRegistration(driveId: string): Promise<MediaResult<{ drive: Drive }>> {
    const no = this.undesignated();
    if (no) return no;
    const attached = await this.o.drives.list();
    const drive = attached.find((d) => d.driveId === driveId);
    if (!drive) return refuse('drive_not_found');
    const serial = drive.serial.trim();
    if (!serial) return refuse('no_serial');
    if (attached.filter((d) => d.serial.trim() === serial).length > 1) return refuse('duplicate_serial', { serial });
    if (!drive.mountPoint) return refuse('not_mounted');
    const live = this.ledger.bySerial(serial).find((m) => m.status === 'active');
    if (live) return refuse('already_registered', { serial, mediumId: live.mediumId });
    return { ok: true, drive };
  }

  /** In the caller's transaction: ledger row, then the signed token on the medium; a failed write rolls back. */
  register(drive: Drive, input: RegistrationInput, byUser: string): Medium {
    const mediumId = this.ledger.nextId();
    const nonce = newNonce();
    const token = this.signer.sign({ mediumId, serial: drive.serial.trim(), fsUuid: drive.fsUuid, nonce });
    const medium = this.ledger.insert(mediumId, {
      ...input, vendorId: drive.vendorId, productId: drive.productId, vendor: drive.vendor, product: drive.product,
      serial: drive.serial.trim(), fsUuid: drive.fsUuid, tokenNonce: nonce, signingKeyId: token.keyId, registeredBy: byUser,
    });
    exportGate.writeToken(drive.mountPoint!, Buffer.from(JSON.stringify(token), 'utf8'));
    return medium;
  }

  // --- export requests (MD-4) ---

  requestExport(byUser: string, business: Business, input: { mediumId: string; shikakuIds: readonly string[]; reason: string }): MediaResult<{ request: ExportRequest }> {
    const medium = this.ledger.find(input.mediumId);
    if (!medium) return refuse('unknown_medium', { mediumId: input.mediumId });
    if (medium.status !== 'active') return refuse('medium_not_active', { mediumId: medium.mediumId, status: medium.status });
    const ids = [...new Set(input.shikakuIds)];
    const unknown = unknownMembers(this.o.members, ids);
    if (unknown.length > 0) return refuse('unknown_members', { count: unknown.length, example: unknown[0]! });
    return { ok: true, request: this.requests.create({ mediumId: medium.mediumId, source: 'members_mynumber', business, shikakuIds: ids, reason: input.reason, requestedBy: byUser }) };
  }

  /** MD-4: only a pending request, never by its requester, and only while the requester still holds the right. */
  checkApproval(approver: string, requestId: string): MediaResult<{ request: ExportRequest }> {
    const request = this.requests.find(requestId);
    if (!request) return refuse('unknown_request', { requestId });
    if (request.status !== 'requested' && request.status !== 'failed') return refuse('request_not_pending', { requestId, status: request.status });
    if (request.requestedBy === approver) return refuse('self_approval');
    // MD-4, AC-3: nor by whoever created the requester's ID or ever set its password (a stand-in's maker),
    // nor through an ID the requester created or set a password for (the requester as their own approver).
    const db = this.o.store.db;
    const directory = new UserDirectory(db);
    const requesterId = directory.find(request.requestedBy);
    if (requesterId && standInMakers(db, requesterId).includes(approver)) return refuse('stand_in_approval', { userId: request.requestedBy });
    const approverId = directory.find(approver);
    if (approverId && standInMakers(db, approverId).includes(request.requestedBy)) return refuse('approver_made_by_requester', { userId: request.requestedBy });
    const requester = loadSubject(this.o.store.db, this.o.policy, request.requestedBy, { declared: request.business, myNumberOff: false }, this.o.now());
    if (!decide(requester, 'export.request').allowed) return refuse('requester_lost_right', { userId: request.requestedBy });
    return { ok: true, request };
  }

  markApproved(requestId: string, approver: string): void {
    this.requests.decide(requestId, 'approved', approver, '');
  }

  refuseExport(approver: string, requestId: string, reason: string): MediaResult<{ request: ExportRequest }> {
    const request = this.requests.find(requestId);
    if (!request) return refuse('unknown_request', { requestId });
    if (request.status !== 'requested' && request.status !== 'failed') return refuse('request_not_pending', { requestId, status: request.status });
    this.requests.decide(requestId, 'refused', approver, reason);
    return { ok: true, request: this.requests.find(requestId)! };
  }

  /**
   * MD-10: builds the CSV, encrypts it into an AES-256 ZIP under a fresh 100-bit password, writes it
   * through the gate and verifies what is on the medium. The password exists only in the result.
   */
  async writeExport(request: ExportRequest, drive: Drive): Promise<MediaResult<WrittenExport>> {
    try {
      const content = buildMemberExport(this.o.members, this.o.vault, this.requests.shikakuIds(request.requestId));
      const dataSha256 = sha256(content.csv);
      const manifest: ArchiveManifest = { format: 'kura-export/1', requestId: request.requestId, records: content.records, columns: EXPORT_COLUMNS, dataSha256, createdAt: this.o.now().toISOString() };
      const password = generateExportPassword();
      const bytes = await buildArchive(content.csv, manifest, password);
      content.csv.fill(0);
      const name = `KURA-EXPORT-${request.requestId}.zip`;
      const onMedium = exportGate.writeArchive(drive.mountPoint!, name, bytes);
      const problem = sha256(onMedium) !== sha256(bytes) ? 'medium returned other bytes' : await verifyArchive(onMedium, password, dataSha256);
      if (problem) {
        exportGate.wipe(drive.mountPoint!, [name]);
        return refuse('export_failed', { detail: problem });
      }
      return { ok: true, password, passwordBits: PASSWORD_BITS, archive: { name, sha256: sha256(onMedium), bytes: onMedium.length }, records: content.records, withoutNumber: content.withoutNumber };
    } catch (e) {
      const detail = e instanceof Error ? (e as NodeJS.ErrnoException).code ?? 'write error' : 'write error';
      return refuse('export_failed', { detail });
    }
  }

  // --- wipe (MD-7) ---

  async prepareWipe(requestId: string, expected: 'exported' | 'wiped'): Promise<MediaResult<{ request: ExportRequest; drive: Drive }>> {
    const request = this.requests.find(requestId);
    if (!request) return refuse('unknown_request', { requestId });
    if (expected === 'exported' && request.status !== 'exported') return refuse('not_exported', { requestId, status: request.status });
    if (expected === 'wiped' && request.status !== 'wiped') return refuse('not_wiped', { requestId, status: request.status });
    const located = await this.locate(request.mediumId);
    if (!located.ok) return located;
    return { ok: true, request, drive: located.drive };
  }

  /** In the caller's transaction: overwrite and delete the archive, then record it. */
  wipe(request: ExportRequest, drive: Drive, byUser: string): MediaResult<{ request: ExportRequest }> {
    const left = exportGate.wipe(drive.mountPoint!, request.archiveName ? [request.archiveName] : []);
    if (left.length > 0) return refuse('wipe_incomplete', { files: left.join(', ') });
    this.requests.wiped(request.requestId, byUser);
    this.ledger.move(request.mediumId, 'wipe', byUser, request.requestId, request.archiveName ?? '');
    return { ok: true, request: this.requests.find(request.requestId)! };
  }

  /** The responsible person confirms: the archive is gone and nothing but the token is left (MD-7). */
  confirmWipe(request: ExportRequest, drive: Drive, byUser: string): MediaResult<{ request: ExportRequest }> {
    const files = listMediumFiles(drive.mountPoint!).map((f) => f.name);
    if (request.archiveName && files.includes(request.archiveName)) return refuse('wipe_incomplete', { files: request.archiveName });
    const others = files.filter((f) => f !== TOKEN_FILE);
    if (others.length > 0) return refuse('medium_not_empty', { files: others.slice(0, 5).join(', ') });
    this.requests.wipeConfirmed(request.requestId, byUser);
    this.ledger.move(request.mediumId, 'wipe_confirm', byUser, request.requestId, '');
    return { ok: true, request: this.requests.find(request.requestId)! };
  }

  // --- reading (MD-5) ---

  async listFiles(mediumId: string): Promise<MediaResult<{ files: { name: string; sizeBytes: number }[] }>> {
    const located = await this.locate(mediumId);
    if (!located.ok) return located;
    return { ok: true, files: listMediumFiles(located.drive.mountPoint!).filter((f) => f.name !== TOKEN_FILE) };
  }

  /**
   * Identification, then the virus check on exactly the bytes handed on; a finding or a scanner that
   * could not judge stops here (MD-5). The bytes go to the imports capability, never to the renderer.
   */
  async readFile(mediumId: string, path: string): Promise<MediaResult<{ name: string; bytes: Buffer; sha256: string; scanner: string }>> {
    const located = await this.locate(mediumId);
    if (!located.ok) return located;
    const root = realpathSync(located.drive.mountPoint!);
    if (isAbsolute(path) || normalize(path).split(/[\\/]/).includes('..')) return refuse('bad_path');
    let full: string;
    try {
      full = realpathSync(join(root, path));
    } catch {
      return refuse('file_not_found', { path });
    }
    const rel = relative(root, full);
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep)[0] === TOKEN_FILE || !statSync(full).isFile()) return refuse('bad_path');
    const max = this.o.maxReadBytes ?? 64 * 1024 * 1024;
    const size = statSync(full).size;
    if (size > max) return refuse('file_too_large', { size: Math.ceil(size / 1048576), max: Math.floor(max / 1048576) });
    const scanner = this.o.scanner;
    if (!scanner) return refuse('scanner_unavailable');
    const bytes = readFileSync(full);
    try {
      const verdict = await scanner.scan(bytes);
      if (!verdict.clean) return refuse('virus_found', { signature: verdict.signature.slice(0, 80) });
    } catch (e) {
      return refuse('scan_failed', { detail: e instanceof Error ? e.message.replace(/\d{12,}/g, '…').slice(0, 80) : 'unknown' });
    }
    return { ok: true, name: rel.split(sep).join('/'), bytes, sha256: sha256(bytes), scanner: scanner.name };
  }

  // --- MD-9 and the OS policy ---

  crossCheck(): CrossCheckFinding[] {
    return crossCheck(this.ledger, this.requests, this.o.audit);
  }

  osPolicy(target: 'usbguard' | 'windows'): { fileName: string; text: string; media: number } {
    const media = this.ledger.list();
    const at = this.o.now().toISOString();
    const live = media.filter((m) => m.status === 'active').length;
    return target === 'usbguard'
      ? { fileName: 'kura-media.rules', text: usbguardRules(media, at), media: live }
      : { fileName: 'kura-media-policy.ps1', text: windowsPolicyScript(media, at), media: live };
  }
}
