import type { Handler } from '../router';

/** AC-9, AU-1: the only channel that returns the digits, and every call is in the log. */
export const revealMyNumber: Handler<'mynumber.reveal'> = ({ kura, input, commit }) =>
  commit(() => kura.vault.reveal(input.shikakuId), (r) => ({ target: input.shikakuId, detail: { version: r.version } }));

/** DQ-1 runs inside the vault; the number and its log entry commit together. */
export const registerMyNumber: Handler<'mynumber.register'> = ({ kura, input, commit }) =>
  commit(() => kura.vault.register(input.shikakuId, input.myNumber), (r) => ({ target: input.shikakuId, detail: { version: r.version, warnings: r.warnings } }));

export const correctMyNumber: Handler<'mynumber.correct'> = ({ kura, input, commit }) =>
  commit(() => kura.vault.correct(input.shikakuId, input.myNumber, input.expectedVersion), (r) => ({
    target: input.shikakuId,
    detail: { fromVersion: input.expectedVersion, version: r.version, reason: input.reason, warnings: r.warnings },
  }));
