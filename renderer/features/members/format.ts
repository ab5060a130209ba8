import { KUBUN, SEX } from '../../../shared/codes';
import type { Lang } from '../../../shared/i18n';

const KUBUN_EN: Record<number, string> = { 1: 'Insured', 2: 'Dependant' };
const SEX_EN: Record<number, string> = { 1: 'M', 2: 'F' };

export function kubunLabel(kubun: number, lang: Lang): string {
  if (lang === 'en') return KUBUN_EN[kubun] ?? String(kubun);
  return KUBUN[kubun as keyof typeof KUBUN] ?? String(kubun);
}

export function sexLabel(sex: number, lang: Lang): string {
  if (lang === 'en') return SEX_EN[sex] ?? String(sex);
  return SEX[sex as keyof typeof SEX] ?? String(sex);
}

/** ISO date as the clerk reads it: 1988/05/03. */
export function dateLabel(iso: string | null): string {
  return iso ? iso.replaceAll('-', '/') : '';
}
