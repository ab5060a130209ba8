// RQ-2: every inquiry gets a reception slip (受付票): content, response team, progress (経過), 重要度 and
// 緊急度 with the rank they give, and an answer deadline. An inquiry about a serious leak is reported
// to the chair (理事長) the moment it is flagged, and cannot be answered before the chair's decision is
// recorded (the seed: 理事長へ報告の上、対応を決定する).
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import { addDays, type Deadlines } from './deadlines';
import { eventsOf, nextId, recordEvent, type RequestEvent } from './events';

export type Level3 = 'high' | 'medium' | 'low';
export type Rank = 'A' | 'B' | 'C';
export type InquiryStatus = 'open' | 'in_progress' | 'answered';
export const INQUIRY_STATUSES: Record<InquiryStatus, string> = { open: '受付', in_progress: '対応中', answered: '回答済' };

export type InquiryIntake = {
  channel: 'phone' | 'letter' | 'visit' | 'email';
  requester: string;
  contact: string;
  content: string;
  priority: Level3;
  urgency: Level3;
  responseTeam: string;
  /** Set by the clerk; without it the rank's default applies. */
  answerDue: string | null;
  seriousLeak: boolean;
};

export type InquirySlip = Omit<InquiryIntake, 'answerDue'> & {
  slipNo: string;
  receivedAt: string;
  receivedBy: string;
  rank: Rank;
  answerDue: string;
  status: InquiryStatus;
  /** The flag the list shows: reported to the chair. */
  escalatedToChair: boolean;
  escalatedAt: string | null;
  escalatedBy: string | null;
  /** Escalated and still waiting for the chair's decision. */
  awaitingChair: boolean;
  chairDecision: string | null;
  chairDecidedAt: string | null;
  chairDecidedBy: string | null;
  answer: string | null;
  answeredAt: string | null;
  answeredBy: string | null;
  overdue: boolean;
};

/** A: high importance or urgency (or a serious leak); C: both low; otherwise B. */
export function rankOf(priority: Level3, urgency: Level3, seriousLeak: boolean): Rank {
  if (seriousLeak || priority === 'high' || urgency === 'high') return 'A';
  return priority === 'low' && urgency === 'low' ? 'C' : 'B';
}

type Row = {
  slip_no: string; received_at: string; received_by: string; channel: InquiryIntake['channel']; requester: string; contact: string; content: string;
  priority: Level3; urgency: Level3; rank: Rank; response_team: string; answer_due: string; status: InquiryStatus; serious_leak: number;
  escalated_at: string | null; escalated_by: string | null; chair_decision: string | null; chair_decided_at: string | null; chair_decided_by: string | null;
  answer: string | null; answered_at: string | null; answered_by: string | null;
};

export class InquiryDesk {
  constructor(
    private readonly db: Db,
    private readonly deadlines: Deadlines,
    private readonly today: () => string,
    private readonly now: () => Date,
  ) {}

  private view(r: Row): InquirySlip {
    const escalated = r.escalated_at !== null;
    return {
      slipNo: r.slip_no, receivedAt: r.received_at, receivedBy: r.received_by, channel: r.channel, requester: r.requester, contact: r.contact, content: r.content,
      priority: r.priority, urgency: r.urgency, rank: r.rank, responseTeam: r.response_team, answerDue: r.answer_due, status: r.status, seriousLeak: r.serious_leak === 1,
      escalatedToChair: escalated, escalatedAt: r.escalated_at, escalatedBy: r.escalated_by, awaitingChair: escalated && r.chair_decision === null,
      chairDecision: r.chair_decision, chairDecidedAt: r.chair_decided_at, chairDecidedBy: r.chair_decided_by,
      answer: r.answer, answeredAt: r.answered_at, answeredBy: r.answered_by, overdue: r.status !== 'answered' && r.answer_due < this.today(),
    };
  }

  private row(slipNo: string): Row {
    const row = this.db.prepare('SELECT * FROM inquiries WHERE slip_no = ?').get(slipNo) as Row | undefined;
    if (!row) throw new KuraError('request_not_found', { id: slipNo });
    return row;
  }

  private escalate(slipNo: string, userId: string): void {
    const at = this.now();
    this.db.prepare("UPDATE inquiries SET serious_leak = 1, rank = 'A', escalated_at = ?, escalated_by = ? WHERE slip_no = ? AND escalated_at IS NULL").run(at.toISOString(), userId, slipNo);
    recordEvent(this.db, slipNo, userId, at, 'escalated', '情報漏えい等の重大な事案に関する問合せとして理事長へ報告');
  }

  /** Call inside the caller's transaction. */
  receive(intake: InquiryIntake, userId: string): InquirySlip {
    const today = this.today();
    const rank = rankOf(intake.priority, intake.urgency, intake.seriousLeak);
    if (intake.answerDue && intake.answerDue < today) throw new KuraError('invalid_input', { fields: 'answerDue' });
    const answerDue = intake.answerDue ?? addDays(today, this.deadlines.inquiryAnswerDays[rank]);
    const slipNo = nextId(this.db, 'inquiries', 'slip_no', 'UK');
    const at = this.now();
    this.db
      .prepare(
        `INSERT INTO inquiries (slip_no, received_at, received_by, channel, requester, contact, content, priority, urgency, rank, response_team, answer_due, status, serious_leak)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', 0)`,
      )
      .run(slipNo, at.toISOString(), userId, intake.channel, intake.requester, intake.contact, intake.content, intake.priority, intake.urgency, rank, intake.responseTeam, answerDue);
    recordEvent(this.db, slipNo, userId, at, 'received', `受付票を起票（ランク${rank}、回答期限 ${answerDue}、対応体制 ${intake.responseTeam}）`);
    if (intake.seriousLeak) this.escalate(slipNo, userId);
    return this.get(slipNo).slip;
  }

  /** A line of 経過; flagging a serious leak later reports it to the chair at once. */
  progress(slipNo: string, userId: string, note: string, seriousLeak: boolean): InquirySlip {
    const row = this.row(slipNo);
    if (row.status === 'answered') throw new KuraError('request_bad_state', { id: slipNo, status: INQUIRY_STATUSES[row.status] });
    this.db.prepare("UPDATE inquiries SET status = 'in_progress' WHERE slip_no = ?").run(slipNo);
    recordEvent(this.db, slipNo, userId, this.now(), 'progress', note);
    if (seriousLeak && row.escalated_at === null) this.escalate(slipNo, userId);
    return this.get(slipNo).slip;
  }

  /** The chair's decision on how to respond, recorded by a manager. */
  recordChairDecision(slipNo: string, userId: string, decision: string): InquirySlip {
    const row = this.row(slipNo);
    if (row.escalated_at === null) throw new KuraError('inquiry_not_escalated', { id: slipNo });
    if (row.chair_decision !== null || row.status === 'answered') throw new KuraError('request_bad_state', { id: slipNo, status: row.chair_decision !== null ? '理事長判断記録済' : INQUIRY_STATUSES[row.status] });
    const at = this.now();
    this.db.prepare('UPDATE inquiries SET chair_decision = ?, chair_decided_at = ?, chair_decided_by = ? WHERE slip_no = ?').run(decision, at.toISOString(), userId, slipNo);
    recordEvent(this.db, slipNo, userId, at, 'chair_decision', decision);
    return this.get(slipNo).slip;
  }

  answer(slipNo: string, userId: string, answer: string): InquirySlip {
    const row = this.row(slipNo);
    if (row.status === 'answered') throw new KuraError('request_bad_state', { id: slipNo, status: INQUIRY_STATUSES[row.status] });
    if (row.escalated_at !== null && row.chair_decision === null) throw new KuraError('inquiry_chair_decision_required', { id: slipNo });
    const at = this.now();
    this.db.prepare("UPDATE inquiries SET status = 'answered', answer = ?, answered_at = ?, answered_by = ? WHERE slip_no = ?").run(answer, at.toISOString(), userId, slipNo);
    recordEvent(this.db, slipNo, userId, at, 'answered', answer);
    return this.get(slipNo).slip;
  }

  get(slipNo: string): { slip: InquirySlip; events: RequestEvent[] } {
    return { slip: this.view(this.row(slipNo)), events: eventsOf(this.db, slipNo) };
  }

  /** Escalated ones first, then open ones by deadline. */
  list(filter: { openOnly?: boolean }): InquirySlip[] {
    const rows = this.db
      .prepare(`SELECT * FROM inquiries ${filter.openOnly ? "WHERE status <> 'answered'" : ''}
        ORDER BY status = 'answered', escalated_at IS NULL, answer_due, slip_no LIMIT 1000`)
      .all() as Row[];
    return rows.map((r) => this.view(r));
  }
}
