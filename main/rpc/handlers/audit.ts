import type { Handler } from '../router';

export const listAudit: Handler<'audit.list'> = ({ kura, input }) => ({
  entries: kura.audit.recent(input.limit, input.event).map(({ prevHash: _p, hash: _h, ...entry }) => entry),
});

/** AU-2: recompute the chain. */
export const verifyAudit: Handler<'audit.verify'> = ({ kura, note }) => {
  const result = kura.audit.verify();
  note({ detail: { ok: result.ok, entries: result.entries, firstBadSeq: result.firstBadSeq } });
  return result;
};
