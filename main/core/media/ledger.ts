// MD-1, MD-8: the media ledger (電子記録媒体管理簿). Every medium with its identifiers, kind, holder and
// storage place; every registration, take-out, return, wipe, revocation and disposal as a movement row.
import type { Db } from '../store';
import { refuse, type MediaResult } from './problems';

export const MEDIUM_KINDS = ['usb_flash', 'external_disk', 'optical'] as const;
export type MediumKind = (typeof MEDIUM_KINDS)[number];
export type MediumStatus = 'active' | 'revoked' | 'disposed';
export type MovementKind = 'register' | 'take_out' | 'return' | 'wipe' | 'wipe_confirm' | 'revoke' | 'dispose';

export type Medium = {
  mediumId: string;
  kind: MediumKind;
  label: string;
  vendorId: string | null;
  productId: string | null;
  vendor: string;
  product: string;
  serial: string;
  fsUuid: string;
  holder: string;
  storagePlace: string;
  status: MediumStatus;
  tokenNonce: string;
  registeredBy: string;
  registeredAt: string;
  revokedBy: string | null;
  revokedAt: string | null;
  revokeReason: string | null;
  disposedBy: string | null;
  disposedAt: string | null;
  disposalMethod: string | null;
  disposalWitness: string | null;
  /** True while the latest take-out has no return. */
  takenOut: boolean;
};

export type Movement = { id: number; mediumId: string; kind: MovementKind; at: string; byUser: string; requestId: string | null; note: string };

type Row = {
  medium_id: string; kind: MediumKind; label: string; vendor_id: string | null; product_id: string | null; vendor: string; product: string;
  serial: string; fs_uuid: string; holder: string; storage_place: string; status: MediumStatus; token_nonce: string;
  registered_by: string; registered_at: string; revoked_by: string | null; revoked_at: string | null; revoke_reason: string | null;
  disposed_by: string | null; disposed_at: string | null; disposal_method: string | null; disposal_witness: string | null; taken_out: number;
};

const SELECT = `SELECT m.*, COALESCE((SELECT kind = 'take_out' FROM media_movements mv WHERE mv.medium_id = m.medium_id AND mv.kind IN ('take_out','return') ORDER BY mv.id DESC LIMIT 1), 0) AS taken_out FROM media m`;

function fromRow(r: Row): Medium {
  return {
    mediumId: r.medium_id, kind: r.kind, label: r.label, vendorId: r.vendor_id, productId: r.product_id, vendor: r.vendor, product: r.product,
    serial: r.serial, fsUuid: r.fs_uuid, holder: r.holder, storagePlace: r.storage_place, status: r.status, tokenNonce: r.token_nonce,
    registeredBy: r.registered_by, registeredAt: r.registered_at, revokedBy: r.revoked_by, revokedAt: r.revoked_at, revokeReason: r.revoke_reason,
    disposedBy: r.disposed_by, disposedAt: r.disposed_at, disposalMethod: r.disposal_method, disposalWitness: r.disposal_witness, takenOut: r.taken_out === 1,
  };
}

export type NewMedium = Omit<Medium, 'mediumId' | 'status' | 'registeredAt' | 'revokedBy' | 'revokedAt' | 'revokeReason' | 'disposedBy' | 'disposedAt' | 'disposalMethod' | 'disposalWitness' | 'takenOut'> & { signingKeyId: string };

export class MediaLedger {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date,
  ) {}

  /** M-0001, M-0002 ...: a ledger number staff can write on the label. */
  nextId(): string {
    const row = this.db.prepare("SELECT count(*) AS n FROM media").get() as { n: number };
    return `M-${String(row.n + 1).padStart(4, '0')}`;
  }

  find(mediumId: string): Medium | null {
    const row = this.db.prepare(`${SELECT} WHERE m.medium_id = ?`).get(mediumId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every entry, live or not, carrying this serial (identification looks at all of them). */
  bySerial(serial: string): Medium[] {
    return (this.db.prepare(`${SELECT} WHERE m.serial = ? ORDER BY m.registered_at DESC`).all(serial) as Row[]).map(fromRow);
  }

  list(): Medium[] {
    return (this.db.prepare(`${SELECT} ORDER BY m.medium_id`).all() as Row[]).map(fromRow);
  }

  movements(mediumId?: string): Movement[] {
    const rows = (mediumId
      ? this.db.prepare('SELECT * FROM media_movements WHERE medium_id = ? ORDER BY id').all(mediumId)
      : this.db.prepare('SELECT * FROM media_movements ORDER BY id').all()) as { id: number; medium_id: string; kind: MovementKind; at: string; by_user: string; request_id: string | null; note: string }[];
    return rows.map((r) => ({ id: r.id, mediumId: r.medium_id, kind: r.kind, at: r.at, byUser: r.by_user, requestId: r.request_id, note: r.note }));
  }

  /** Inside the caller's transaction, with the token written by the gate. */
  insert(mediumId: string, m: NewMedium): Medium {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO media (medium_id, kind, label, vendor_id, product_id, vendor, product, serial, fs_uuid, holder, storage_place, status, token_nonce, signing_key_id, registered_by, registered_at)
         VALUES (?,?,?,?,?,?,?,?,?,?,?, 'active', ?,?,?,?)`,
      )
      .run(mediumId, m.kind, m.label, m.vendorId, m.productId, m.vendor, m.product, m.serial, m.fsUuid, m.holder, m.storagePlace, m.tokenNonce, m.signingKeyId, m.registeredBy, at);
    this.move(mediumId, 'register', m.registeredBy, null, `${m.kind} ${m.label}`);
    return this.find(mediumId)!;
  }

  move(mediumId: string, kind: MovementKind, byUser: string, requestId: string | null, note: string): void {
    this.db.prepare('INSERT INTO media_movements (medium_id, kind, at, by_user, request_id, note) VALUES (?,?,?,?,?,?)').run(mediumId, kind, this.now().toISOString(), byUser, requestId, note);
  }

  private active(mediumId: string): MediaResult<{ medium: Medium }> {
    const medium = this.find(mediumId);
    if (!medium) return refuse('unknown_medium', { mediumId });
    if (medium.status !== 'active') return refuse('medium_not_active', { mediumId, status: medium.status });
    return { ok: true, medium };
  }

  /** MD-1: 持出 (the medium leaves its storage place), with purpose and destination. */
  takeOut(mediumId: string, byUser: string, purpose: string): MediaResult<{ medium: Medium }> {
    const r = this.active(mediumId);
    if (!r.ok) return r;
    if (r.medium.takenOut) return refuse('already_taken_out', { mediumId });
    this.move(mediumId, 'take_out', byUser, null, purpose);
    return { ok: true, medium: this.find(mediumId)! };
  }

  giveBack(mediumId: string, byUser: string, note: string): MediaResult<{ medium: Medium }> {
    const medium = this.find(mediumId);
    if (!medium) return refuse('unknown_medium', { mediumId });
    if (!medium.takenOut) return refuse('not_taken_out', { mediumId });
    this.move(mediumId, 'return', byUser, null, note);
    return { ok: true, medium: this.find(mediumId)! };
  }

  revoke(mediumId: string, byUser: string, reason: string): MediaResult<{ medium: Medium }> {
    const r = this.active(mediumId);
    if (!r.ok) return r;
    this.db.prepare("UPDATE media SET status = 'revoked', revoked_by = ?, revoked_at = ?, revoke_reason = ? WHERE medium_id = ?").run(byUser, this.now().toISOString(), reason, mediumId);
    this.move(mediumId, 'revoke', byUser, null, reason);
    return { ok: true, medium: this.find(mediumId)! };
  }

  /** MD-8: physical destruction, with the method and the witness (立会者) who saw it. */
  dispose(mediumId: string, byUser: string, method: string, witness: string): MediaResult<{ medium: Medium }> {
    const medium = this.find(mediumId);
    if (!medium) return refuse('unknown_medium', { mediumId });
    if (medium.status === 'disposed') return refuse('medium_not_active', { mediumId, status: medium.status });
    if (!witness.trim() || witness.trim() === byUser) return refuse('witness_required');
    this.db
      .prepare("UPDATE media SET status = 'disposed', disposed_by = ?, disposed_at = ?, disposal_method = ?, disposal_witness = ? WHERE medium_id = ?")
      .run(byUser, this.now().toISOString(), method, witness.trim(), mediumId);
    this.move(mediumId, 'dispose', byUser, null, `${method} / 立会者: ${witness.trim()}`);
    return { ok: true, medium: this.find(mediumId)! };
  }
}
