// Labels for the media ledger's codes, and times as the clerk reads them (the store keeps UTC).
import type { Lang, Message } from '../../../shared/i18n';

export const KIND_LABELS: Record<'usb_flash' | 'external_disk' | 'optical', Message> = {
  usb_flash: { ja: 'USBメモリ', en: 'USB flash' },
  external_disk: { ja: '外付けディスク', en: 'External disk' },
  optical: { ja: '光ディスク', en: 'Optical disc' },
};

export const MEDIUM_STATUS_LABELS: Record<'active' | 'revoked' | 'disposed', Message> = {
  active: { ja: '有効', en: 'Active' },
  revoked: { ja: '取消', en: 'Revoked' },
  disposed: { ja: '廃棄済', en: 'Disposed' },
};

export const MOVEMENT_LABELS: Record<'register' | 'take_out' | 'return' | 'wipe' | 'wipe_confirm' | 'revoke' | 'dispose', Message> = {
  register: { ja: '登録', en: 'Registered' },
  take_out: { ja: '持出', en: 'Taken out' },
  return: { ja: '返却', en: 'Returned' },
  wipe: { ja: '消去', en: 'Wiped' },
  wipe_confirm: { ja: '消去確認', en: 'Wipe confirmed' },
  revoke: { ja: '登録取消', en: 'Revoked' },
  dispose: { ja: '廃棄', en: 'Disposed' },
};

export const EXPORT_STATUS_LABELS: Record<'requested' | 'approved' | 'refused' | 'exported' | 'failed' | 'wiped' | 'wipe_confirmed', Message> = {
  requested: { ja: '承認待ち', en: 'Awaiting approval' },
  approved: { ja: '承認済（書出し前）', en: 'Approved (not written)' },
  refused: { ja: '却下', en: 'Refused' },
  exported: { ja: '書出し済', en: 'Written' },
  failed: { ja: '書出し失敗', en: 'Write failed' },
  wiped: { ja: '消去済（確認待ち）', en: 'Wiped (to confirm)' },
  wipe_confirmed: { ja: '消去確認済', en: 'Wipe confirmed' },
};

export const FINDING_LABELS: Record<'export_without_approval' | 'approval_without_export' | 'used_not_taken_out' | 'taken_out_not_returned' | 'export_not_wiped', Message> = {
  export_without_approval: { ja: '承認のない書出し', en: 'Export without approval' },
  approval_without_export: { ja: '書出しのない承認', en: 'Approval without export' },
  used_not_taken_out: { ja: '持出記録のない使用', en: 'Used without take-out' },
  taken_out_not_returned: { ja: '未返却', en: 'Not returned' },
  export_not_wiped: { ja: '未消去', en: 'Not wiped' },
};

export function label(labels: Record<string, Message>, code: string, lang: Lang): string {
  return labels[code]?.[lang] ?? code;
}

/** 2026-04-01 09:30 in the terminal's local time. */
export function localTime(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function sizeLabel(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${bytes} B`;
}
