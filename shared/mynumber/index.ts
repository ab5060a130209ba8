// DQ-1: My Number (個人番号) normalisation and check digit, pure so that renderer and main share it.
// Rule: 番号法施行令 第8条 / 平成26年総務省令第85号 第5条 (see design/reference.md).

export type MyNumberProblem =
  | 'empty'
  | 'non_digit'
  | 'spreadsheet_exponent'
  | 'lost_leading_zero'
  | 'length'
  | 'check_digit';

export type MyNumberCheck =
  | { ok: true; value: string; warnings: 'all_zero'[] }
  | { ok: false; problem: MyNumberProblem };

const FULLWIDTH_DIGIT = /[０-９]/g;
/** Not global: .test on a /g pattern would carry lastIndex from one text to the next. */
const ANY_FULLWIDTH_DIGIT = /[０-９]/;
// Spaces (half and full width) and the hyphen-like characters people type between digit groups.
const SEPARATORS = /[\s\u3000\-‐‑‒–—―−－ｰー]/g;
// What a spreadsheet makes of a 12-digit number it treated as a float: 1.23457E+11.
const EXPONENT_FORM = /^\d(?:\.\d+)?e\+?\d+$/i;

export function toHalfWidthDigits(raw: string): string {
  return raw.replace(FULLWIDTH_DIGIT, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** Weighted sum rule: P1 is the 11th digit, Q = n+1 for n<=6, n-5 for n>=7. */
export function computeCheckDigit(first11: string): number {
  if (!/^\d{11}$/.test(first11)) throw new RangeError('computeCheckDigit needs 11 ASCII digits');
  let sum = 0;
  for (let n = 1; n <= 11; n++) {
    const p = first11.charCodeAt(11 - n) - 48;
    const q = n <= 6 ? n + 1 : n - 5;
    sum += p * q;
  }
  const remainder = sum % 11;
  return remainder <= 1 ? 0 : 11 - remainder;
}

export function hasValidCheckDigit(twelve: string): boolean {
  return /^\d{12}$/.test(twelve) && computeCheckDigit(twelve.slice(0, 11)) === twelve.charCodeAt(11) - 48;
}

/** Normalise then validate: the only way a typed or imported number enters Kura. */
export function checkMyNumber(raw: string): MyNumberCheck {
  const trimmed = toHalfWidthDigits(raw).replace(SEPARATORS, '');
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (EXPONENT_FORM.test(trimmed)) return { ok: false, problem: 'spreadsheet_exponent' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'non_digit' };
  if (trimmed.length === 11) return { ok: false, problem: 'lost_leading_zero' };
  if (trimmed.length !== 12) return { ok: false, problem: 'length' };
  if (!hasValidCheckDigit(trimmed)) return { ok: false, problem: 'check_digit' };
  // 000000000000 passes the checksum but is never issued: accept with a warning the clerk sees.
  return { ok: true, value: trimmed, warnings: /^0{12}$/.test(trimmed) ? ['all_zero'] : [] };
}

/** What a user without a reveal sees: nothing of the digits, only that a number exists. */
export const MASKED_MY_NUMBER = '●●●● ●●●● ●●●●';

/** Finds any standalone run of 12 digits: used to prove logs, errors and payloads hold no My Number. */
export const TWELVE_DIGIT_RUN = /(?<!\d)\d{12}(?!\d)/;

/**
 * 12 digits in a row, also in full width (１２３４５６７８９０１８). For machine-made text (log entries,
 * error parameters) whose IDs and digests may join digit groups with hyphens.
 */
export function containsTwelveDigits(text: string): boolean {
  if (TWELVE_DIGIT_RUN.test(text)) return true;
  // The conversion is the costly half and changes nothing in text without full-width digits (every
  // log entry is scanned: issue 2's bulk writes one per registration).
  return ANY_FULLWIDTH_DIGIT.test(text) && TWELVE_DIGIT_RUN.test(toHalfWidthDigits(text));
}

/**
 * What a person could read as a My Number: 12 digits in a row, also after full-width digits are made
 * ASCII and spaces and hyphens are taken out (１２３４ ５６７８ ９０１８, 1234-5678-9018). Used wherever
 * free text a person typed leaves the store (free-text fields, import cells): a false positive only hides text.
 */
export function looksLikeMyNumber(text: string): boolean {
  return TWELVE_DIGIT_RUN.test(text) || TWELVE_DIGIT_RUN.test(toHalfWidthDigits(text.normalize('NFKC')).replace(SEPARATORS, ''));
}
