import { ERROR_MESSAGES, MYNUMBER_PROBLEM_MESSAGES, formatMessage, type ErrorCode, type Lang } from '../i18n';
import { containsTwelveDigits } from '../mynumber';

/** An error a clerk can act on. Its params are shown to users, so they must never hold a My Number (AC-9). */
export class KuraError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}) {
    for (const value of Object.values(params)) {
      if (containsTwelveDigits(String(value))) throw new Error('KuraError params must not carry a 12-digit number');
    }
    super(code);
    this.name = 'KuraError';
    this.code = code;
    this.params = params;
    this.message = this.messageIn('en');
  }
  messageIn(lang: Lang): string {
    const params = { ...this.params };
    // A My Number problem is a code (check_digit, ...) shown in the reader's language.
    const problem = typeof params.problem === 'string' ? MYNUMBER_PROBLEM_MESSAGES[params.problem] : undefined;
    if (problem) params.problem = problem[lang];
    return formatMessage(ERROR_MESSAGES[this.code], lang, params);
  }
}

/** The shape an error takes when it crosses the rpc boundary: code and both languages, no stack. */
export type WireError = { code: ErrorCode; ja: string; en: string };

export function toWireError(e: KuraError): WireError {
  return { code: e.code, ja: e.messageIn('ja'), en: e.messageIn('en') };
}
