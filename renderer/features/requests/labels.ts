// Labels of the request, slip and incident codes, in both languages (the main process keeps codes).
import type { Lang, Message } from '../../../shared/i18n';
import type { disclosureView, incidentView, inquiryView } from '../../../shared/rpc/channels/requests';
import type { z } from 'zod';

export type Disclosure = z.infer<typeof disclosureView>;
export type Inquiry = z.infer<typeof inquiryView>;
export type Incident = z.infer<typeof incidentView>;
export type RequestEvent = { at: string; byUser: string; kind: string; note: string };

export const FORM_LABELS: Record<Disclosure['form'], Message> = {
  youshiki1: { ja: '様式1 開示依頼書', en: 'Form 1: disclosure' },
  youshiki2: { ja: '様式2 利用停止等依頼書', en: 'Form 2: suspension etc.' },
};

/** Each kind is made on one form (the main process refuses a mismatch, request_form_mismatch). */
export const KIND_FORM: Record<Disclosure['kind'], Disclosure['form']> = {
  disclosure: 'youshiki1',
  correction: 'youshiki2',
  suspension: 'youshiki2',
  erasure: 'youshiki2',
  provision_stop: 'youshiki2',
};

export const KIND_LABELS: Record<Disclosure['kind'], Message> = {
  disclosure: { ja: '開示', en: 'Disclosure' },
  correction: { ja: '訂正等', en: 'Correction' },
  suspension: { ja: '利用停止', en: 'Suspension of use' },
  erasure: { ja: '消去', en: 'Erasure' },
  provision_stop: { ja: '第三者提供の停止', en: 'Stop provision to third parties' },
};

export const DISCLOSURE_STATUS_LABELS: Record<Disclosure['status'], Message> = {
  received: { ja: '受付', en: 'Received' },
  in_review: { ja: '検討中', en: 'In review' },
  answered: { ja: '回答済', en: 'Answered' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
};

export const DECISION_LABELS: Record<NonNullable<Disclosure['decision']>, Message> = {
  granted: { ja: '応じる', en: 'Granted' },
  partial: { ja: '一部応じる', en: 'Partly granted' },
  refused: { ja: '応じない', en: 'Refused' },
};

export const CHANNEL_LABELS: Record<Inquiry['channel'], Message> = {
  phone: { ja: '電話', en: 'Phone' },
  letter: { ja: '文書', en: 'Letter' },
  visit: { ja: '来所', en: 'Visit' },
  email: { ja: '電子メール', en: 'Email' },
};

export const LEVEL_LABELS: Record<Inquiry['priority'], Message> = {
  high: { ja: '高', en: 'High' },
  medium: { ja: '中', en: 'Medium' },
  low: { ja: '低', en: 'Low' },
};

export const INQUIRY_STATUS_LABELS: Record<Inquiry['status'], Message> = {
  open: { ja: '受付', en: 'Received' },
  in_progress: { ja: '対応中', en: 'In progress' },
  answered: { ja: '回答済', en: 'Answered' },
};

export const EVENT_LABELS: Record<string, Message> = {
  received: { ja: '受付', en: 'Received' },
  in_review: { ja: '検討開始', en: 'Review' },
  answered: { ja: '回答', en: 'Answered' },
  withdrawn: { ja: '取下げ', en: 'Withdrawn' },
  progress: { ja: '経過', en: 'Progress' },
  escalated: { ja: '理事長へ報告', en: 'Reported to chair' },
  chair_decision: { ja: '理事長判断', en: 'Chair decision' },
};

/** RQ-3: the seven steps of the seed (III-7), in the order they must be recorded. */
export const STEP_LABELS: readonly Message[] = [
  { ja: '責任者への報告・被害拡大の防止', en: 'Report to the responsible person, contain the damage' },
  { ja: '事実関係の調査・原因の究明', en: 'Investigate the facts and the cause' },
  { ja: '影響範囲の特定', en: 'Identify the scope' },
  { ja: '再発防止策の検討・実施', en: 'Decide and carry out recurrence prevention' },
  { ja: '本人への連絡等', en: 'Notify the people concerned' },
  { ja: '事実関係・再発防止策の公表', en: 'Publish the facts and the prevention' },
  { ja: '個人情報保護委員会等への報告', en: 'Report to the commission' },
];

export function stepName(step: number, lang: Lang): string {
  return STEP_LABELS[step - 1]?.[lang] ?? String(step);
}

export function label<K extends string>(labels: Record<K, Message>, code: K, lang: Lang): string {
  return labels[code][lang];
}

/** Today in Japan (the deadlines are Japanese calendar days). */
export function japanToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Tokyo' }).format(new Date());
}

/** Now as the value of a datetime-local input, in the terminal's local time. */
export function localNowInput(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** A datetime-local value (local time, no zone) as ISO 8601 with the zone, as the channels require. */
export function localInputToIso(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}
