// Media channels (issue 6): drives, the media ledger (MD-1, MD-8), identification (MD-2, MD-3),
// export requests and approval (MD-4, MD-10, DP-3), reading with a virus check (MD-5), wipe (MD-7),
// cross-check (MD-9) and the OS policy for IT. Channels that touch a drive carry designation 'media'
// (AC-12): the router refuses them on a terminal not designated for media.
// Domain refusals (an unregistered stick, a self-approval ...) are values { ok: false, problem } that
// the screen shows as they are; the router still logs them with outcome 'refused'.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';
import { businessSchema, shikakuIdSchema } from '../schemas';

/** Operation-log events the cross-check (MD-9) reads; the channels below write them. */
export const MEDIA_EVENTS = {
  identify: 'media.identify',
  register: 'media.register',
  takeOut: 'media.takeOut',
  giveBack: 'media.return',
  read: 'media.read',
  wipe: 'media.wipe',
  wipeConfirm: 'media.wipeConfirm',
  request: 'export.request',
  approve: 'export.approve',
  refuse: 'export.refuse',
} as const;

const empty = z.strictObject({});
const mediumIdSchema = z.string().regex(/^M-\d{4,6}$/, '媒体ID');
const requestIdSchema = z.string().regex(/^X-\d{5,7}$/, '申請ID');
const text = (max: number) => z.string().trim().min(1).max(max);

export const mediaProblem = z.strictObject({ code: z.string(), ja: z.string(), en: z.string() });
const refused = z.strictObject({ ok: z.literal(false), problem: mediaProblem });
function result<T extends z.ZodRawShape>(shape: T) {
  return z.discriminatedUnion('ok', [z.strictObject({ ok: z.literal(true), ...shape }), refused]);
}

export const mediumKindSchema = z.enum(['usb_flash', 'external_disk', 'optical']);

/** What identifies a stick (USB vendor/product, serial, volume UUID): shared by drives and ledger entries. */
const deviceIdentity = {
  vendorId: z.string().nullable(),
  productId: z.string().nullable(),
  vendor: z.string(),
  product: z.string(),
  serial: z.string(),
  fsUuid: z.string(),
};

export const driveView = z.strictObject({
  driveId: z.string(),
  ...deviceIdentity,
  label: z.string(),
  mountPoint: z.string().nullable(),
  sizeBytes: z.number(),
  usable: z.boolean(),
  mediumId: z.string().nullable(),
  problem: mediaProblem.nullable(),
});

export const mediumView = z.strictObject({
  mediumId: z.string(),
  kind: mediumKindSchema,
  label: z.string(),
  ...deviceIdentity,
  holder: z.string(),
  storagePlace: z.string(),
  status: z.enum(['active', 'revoked', 'disposed']),
  takenOut: z.boolean(),
  registeredBy: z.string(),
  registeredAt: z.string(),
  revokedBy: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  disposedBy: z.string().nullable(),
  disposedAt: z.string().nullable(),
  disposalMethod: z.string().nullable(),
  disposalWitness: z.string().nullable(),
});

export const movementView = z.strictObject({
  id: z.number().int(),
  mediumId: z.string(),
  kind: z.enum(['register', 'take_out', 'return', 'wipe', 'wipe_confirm', 'revoke', 'dispose']),
  at: z.string(),
  byUser: z.string(),
  requestId: z.string().nullable(),
  note: z.string(),
});

export const exportStatusSchema = z.enum(['requested', 'approved', 'refused', 'exported', 'failed', 'wiped', 'wipe_confirmed']);
export const exportRequestView = z.strictObject({
  requestId: z.string(),
  mediumId: z.string(),
  source: z.enum(['members_mynumber']),
  business: businessSchema,
  recordCount: z.number().int(),
  reason: z.string(),
  status: exportStatusSchema,
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionNote: z.string().nullable(),
  archiveName: z.string().nullable(),
  archiveSha256: z.string().nullable(),
  archiveBytes: z.number().int().nullable(),
  exportedAt: z.string().nullable(),
  failure: z.string().nullable(),
  wipedBy: z.string().nullable(),
  wipedAt: z.string().nullable(),
  wipeConfirmedBy: z.string().nullable(),
  wipeConfirmedAt: z.string().nullable(),
});

const crossCheckFinding = z.strictObject({
  kind: z.enum(['export_without_approval', 'approval_without_export', 'used_not_taken_out', 'taken_out_not_returned', 'export_not_wiped']),
  mediumId: z.string().nullable(),
  requestId: z.string().nullable(),
  at: z.string(),
  logSeq: z.number().int().nullable(),
  detail: z.string(),
});

export const mediaChannels = {
  'media.drives': { input: empty, output: z.array(driveView), access: 'media.use', audit: null, designation: 'media' },
  'media.identify': { input: z.strictObject({ driveId: text(200) }), output: result({ medium: mediumView }), access: 'media.use', audit: MEDIA_EVENTS.identify, designation: 'media' },
  'media.register': {
    input: z.strictObject({ driveId: text(200), kind: mediumKindSchema, label: text(64), holder: text(64), storagePlace: text(128) }),
    output: result({ medium: mediumView }),
    access: 'media.ledger',
    audit: MEDIA_EVENTS.register,
    designation: 'media',
  },
  'media.list': { input: empty, output: z.array(mediumView), access: 'media.use', audit: null },
  'media.get': { input: z.strictObject({ mediumId: mediumIdSchema }), output: result({ medium: mediumView, movements: z.array(movementView) }), access: 'media.use', audit: null },
  'media.takeOut': { input: z.strictObject({ mediumId: mediumIdSchema, purpose: text(200) }), output: result({ medium: mediumView }), access: 'media.ledger', audit: MEDIA_EVENTS.takeOut },
  'media.return': { input: z.strictObject({ mediumId: mediumIdSchema, note: z.string().trim().max(200).default('') }), output: result({ medium: mediumView }), access: 'media.ledger', audit: MEDIA_EVENTS.giveBack },
  'media.revoke': { input: z.strictObject({ mediumId: mediumIdSchema, reason: text(200) }), output: result({ medium: mediumView }), access: 'media.ledger', audit: 'media.revoke' },
  'media.dispose': {
    input: z.strictObject({ mediumId: mediumIdSchema, method: text(100), witness: text(64) }),
    output: result({ medium: mediumView }),
    access: 'media.ledger',
    audit: 'media.dispose',
  },
  'media.files': {
    input: z.strictObject({ mediumId: mediumIdSchema }),
    output: result({ files: z.array(z.strictObject({ name: z.string(), sizeBytes: z.number() })) }),
    access: 'media.use',
    audit: 'media.files',
    designation: 'media',
  },
  'media.scan': {
    input: z.strictObject({ mediumId: mediumIdSchema, path: text(260) }),
    output: result({ name: z.string(), sizeBytes: z.number(), sha256: z.string(), scanner: z.string() }),
    access: 'media.use',
    audit: MEDIA_EVENTS.read,
    designation: 'media',
  },
  'media.wipe': { input: z.strictObject({ requestId: requestIdSchema }), output: result({ request: exportRequestView }), access: 'media.use', audit: MEDIA_EVENTS.wipe, designation: 'media' },
  'media.wipeConfirm': {
    input: z.strictObject({ requestId: requestIdSchema }),
    output: result({ request: exportRequestView }),
    access: 'export.approve',
    audit: MEDIA_EVENTS.wipeConfirm,
    designation: 'media',
  },
  'media.crossCheck': { input: empty, output: z.strictObject({ checkedAt: z.string(), findings: z.array(crossCheckFinding) }), access: 'media.ledger', audit: 'media.crossCheck' },
  'media.osPolicy': {
    input: z.strictObject({ target: z.enum(['usbguard', 'windows']) }),
    output: z.strictObject({ fileName: z.string(), text: z.string(), media: z.number().int() }),
    access: 'media.ledger',
    audit: 'media.osPolicy',
  },
  'export.request': {
    input: z.strictObject({ mediumId: mediumIdSchema, shikakuIds: z.array(shikakuIdSchema).min(1).max(200_000), reason: text(200) }),
    output: result({ request: exportRequestView }),
    access: 'export.request',
    audit: MEDIA_EVENTS.request,
  },
  'export.list': { input: z.strictObject({ status: exportStatusSchema.optional() }), output: z.array(exportRequestView), access: 'media.use', audit: null },
  /** The password appears in this response only, once, for the approver to hand over separately (MD-10). */
  'export.approve': {
    input: z.strictObject({ requestId: requestIdSchema }),
    output: result({ request: exportRequestView, password: z.string(), passwordBits: z.number().int() }),
    access: 'export.approve',
    audit: MEDIA_EVENTS.approve,
    designation: 'media',
  },
  'export.refuse': { input: z.strictObject({ requestId: requestIdSchema, reason: text(200) }), output: result({ request: exportRequestView }), access: 'export.approve', audit: MEDIA_EVENTS.refuse },
} satisfies Record<string, ChannelSpec>;
