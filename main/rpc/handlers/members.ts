import type { MemberDetail, MemberSummary } from '../../../shared/rpc';
import { decide, type Subject } from '../../core/access';
import type { Member } from '../../core/members';
import type { Kura } from '../kura';
import { redactDigits, type Handler } from '../router';

/** AC-9: the number's status is attached only for users who may reach My Number now; others get no trace. */
function summarize(kura: Kura, subject: Subject, m: Member): MemberSummary {
  const base: MemberSummary = {
    shikakuId: m.shikakuId, jigyoshoKigo: m.jigyoshoKigo, hihokenshaNo: m.hihokenshaNo, edaban: m.edaban, kubun: m.kubun,
    kanjiName: m.kanjiName, kanaName: m.kanaName, birthDate: m.birthDate, sex: m.sex,
  };
  if (decide(subject, 'mynumber.status').allowed) base.myNumber = kura.vault.status(m.shikakuId);
  return base;
}

export const searchMembers: Handler<'member.search'> = ({ kura, input, subject, require, note }) => {
  let found: Member[];
  if (input.by === 'myNumber') {
    // Searching by number is itself My Number use: VIEW or above in the declared business (AC-7, AC-9).
    require('mynumber.search');
    const holder = kura.vault.findHolder(input.query);
    const member = holder ? kura.members.find(holder) : null;
    found = member ? [member] : [];
  } else {
    found = kura.members.search(input.by, input.query, input.limit);
  }
  const truncated = found.length > input.limit;
  const members = found.slice(0, input.limit).map((m) => summarize(kura, subject!, m));
  // The log says how the search was made and how much it found; a number query is never written.
  note({ detail: { by: input.by, query: input.by === 'myNumber' ? undefined : redactDigits(input.query), count: members.length } });
  return { members, truncated };
};

export const getMember: Handler<'member.get'> = ({ kura, input, subject, note }): MemberDetail => {
  const m = kura.members.get(input.shikakuId);
  note({ target: m.shikakuId, detail: { myNumberStatusShown: decide(subject!, 'mynumber.status').allowed } });
  return { ...summarize(kura, subject!, m), zokugara: m.zokugara, shutokuDate: m.shutokuDate, soshitsuDate: m.soshitsuDate };
};
