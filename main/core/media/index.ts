// Removable media (issue 6): drives, the media ledger, identification, export requests with approval,
// the export gate (the only writer outside the store), wipe, cross-check and the OS policy for IT.
export { MediaDesk, type MediaDeskOptions, type RegistrationInput, type WrittenExport } from './desk';
export { SystemDrives, drivesFromSystem, type BlockDeviceInfo, type UsbInfo } from './system-drives';
export { FakeDrives, type FakeStick } from './fake-drives';
export { diffDrives, type Drive, type DriveEvent, type DriveService } from './drives';
export { MEDIUM_KINDS, type Medium, type MediumKind, type MediumStatus, type Movement, type MovementKind } from './ledger';
export { EXPORT_SOURCES, type ExportRequest, type ExportStatus } from './requests';
export { MEDIA_PROBLEMS, describeProblem, type MediaProblem, type MediaProblemCode, type MediaResult } from './problems';
export { TOKEN_FILE } from './token';
export { DATA_ENTRY, MANIFEST_ENTRY } from './archive';
export { EXPORT_COLUMNS, csvCell } from './export-source';
export { generateExportPassword, normalizePassword, PASSWORD_BITS } from './password';
export { usbguardRules, windowsPolicyScript } from './os-policy';
export type { CrossCheckFinding, CrossCheckKind } from './crosscheck';
export type { DriveVerdict } from './identify';
export { mediaMigrations } from './schema';
