// RQ-1: disclosure, correction and suspension requests on the society's forms (様式1 保有個人データ等
// 開示依頼書, 様式2 保有個人データ等利用停止等依頼書) are recorded at receipt with their deadline and
// tracked to an answer: received → in review → answered (or withdrawn), every step in the 経過.
import { KuraError } from '../../../shared/errors';
import type { Db } from '../store';
import { addDays, type Deadlines } from './deadlines';
import { eventsOf, nextId, recordEvent, type RequestEvent } from './events';

export const REQUEST_FORMS = {
  youshiki1: { ja: '様式1 保有個人データ等開示依頼書', en: 'Form 1: request for disclosure' },
  youshiki2: { ja: '様式2 保有個人データ等利用停止等依頼書', en: 'Form 2: request for suspension of use etc.' },
} as const;
export type RequestForm = keyof typeof REQUEST_FORMS;

/** Which form each kind of request is made on. */
export const REQUEST_KINDS = {
  disclosure: { form: 'youshiki1', ja: '開示', en: 'disclosure' },
  correction: { form: 'youshiki2', ja: '訂正等', en: 'correction' },
  suspension: { form: 'youshiki2', ja: '利用停止', en: 'suspension of use' },
  erasure: { form: 'youshiki2', ja: '消去', en: 'erasure' },
  provision_stop: { form: 'youshiki2', ja: '第三者提供の停止', en: 'stop of provision to third parties' },
} as const satisfies Record<string, { form: RequestForm; ja: string; en: string }>;
export type RequestKind = keyof typeof REQUEST_KINDS;

export const REQUEST_STATUSES = { received: '受付', in_review: '検討中', answered: '回答済', withdrawn: '取下げ' } as const;
export type RequestStatus = keyof typeof REQUEST_STATUSES;
export type RequestDecision = 'granted' | 'partial' | 'refused';

export type DisclosureIntake = {
  form: RequestForm;
  kind: RequestKind;
  requesterName: string;
  requesterRelation: 'self' | 'agent';
  /** How the requester's identity was confirmed (運転免許証, 代理権の確認 ...). */
  identityCheck: string;
  shikakuId: string | null;
  content: string;
  receivedOn: string;
};

export type DisclosureRequest = DisclosureIntake & {
  requestId: string;
  dueOn: string;
  status: RequestStatus;
  decision: RequestDecision | null;
  answer: string | null;
  answeredOn: string | null;
  createdBy: string;
  createdAt: string;
  overdue: boolean;
};

type Row = {
  request_id: string; form: RequestForm; kind: RequestKind; requester_name: string; requester_relation: 'self' | 'agent'; identity_check: string;
  shikaku_id: string | null; content: string; received_on: string; due_on: string; status: RequestStatus; decision: RequestDecision | null;
  answer: string | null; answered_on: string | null; created_by: string; created_at: string;
};

export class DisclosureDesk {
  constructor(
    private readonly db: Db,
    private readonly deadlines: Deadlines,
    private readonly today: () => string,
    private readonly now: () => Date,
  ) {}

  private view(r: Row): DisclosureRequest {
    const open = r.status === 'received' || r.status === 'in_review';
    return {
      requestId: r.request_id, form: r.form, kind: r.kind, requesterName: r.requester_name, requesterRelation: r.requester_relation, identityCheck: r.identity_check,
      shikakuId: r.shikaku_id, content: r.content, receivedOn: r.received_on, dueOn: r.due_on, status: r.status, decision: r.decision, answer: r.answer,
      answeredOn: r.answered_on, createdBy: r.created_by, createdAt: r.created_at, overdue: open && r.due_on < this.today(),
    };
  }

  private row(requestId: string): Row {
    const row = this.db.prepare('SELECT * FROM disclosure_requests WHERE request_id = ?').get(requestId) as Row | undefined;
    if (!row) throw new KuraError('request_not_found', { id: requestId });
    return row;
  }

  private refuseUnless(row: Row, allowed: RequestStatus[]): void {
    if (!allowed.includes(row.status)) throw new KuraError('request_bad_state', { id: row.request_id, status: REQUEST_STATUSES[row.status] });
  }

  /** Call inside the caller's transaction. */
  receive(intake: DisclosureIntake, userId: string): DisclosureRequest {
    const kind = REQUEST_KINDS[intake.kind];
    // The deadline runs from the day the letter arrived, which cannot be later than today.
    if (intake.receivedOn > this.today()) throw new KuraError('invalid_input', { fields: 'receivedOn' });
    if (kind.form !== intake.form) throw new KuraError('request_form_mismatch', { kind: kind.ja, form: REQUEST_FORMS[kind.form].ja });
    const requestId = nextId(this.db, 'disclosure_requests', 'request_id', 'KJ');
    const dueOn = addDays(intake.receivedOn, this.deadlines.disclosureAnswerDays);
    this.db
      .prepare(
        `INSERT INTO disclosure_requests (request_id, form, kind, requester_name, requester_relation, identity_check, shikaku_id, content, received_on, due_on, status, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'received', ?, ?)`,
      )
      .run(requestId, intake.form, intake.kind, intake.requesterName, intake.requesterRelation, intake.identityCheck, intake.shikakuId, intake.content, intake.receivedOn, dueOn, userId, this.now().toISOString());
    recordEvent(this.db, requestId, userId, this.now(), 'received', `${REQUEST_FORMS[intake.form].ja}（${kind.ja}）を受付。回答期限 ${dueOn}`);
    return this.get(requestId).request;
  }

  startReview(requestId: string, userId: string, note: string): DisclosureRequest {
    this.refuseUnless(this.row(requestId), ['received']);
    this.db.prepare("UPDATE disclosure_requests SET status = 'in_review' WHERE request_id = ?").run(requestId);
    recordEvent(this.db, requestId, userId, this.now(), 'in_review', note);
    return this.get(requestId).request;
  }

  /** An answer follows a review; refusing all or part needs its reason. */
  answer(requestId: string, userId: string, decision: RequestDecision, answer: string): DisclosureRequest {
    this.refuseUnless(this.row(requestId), ['in_review']);
    if (decision !== 'granted' && answer.trim().length < 5) throw new KuraError('request_reason_required');
    this.db.prepare("UPDATE disclosure_requests SET status = 'answered', decision = ?, answer = ?, answered_on = ? WHERE request_id = ?").run(decision, answer, this.today(), requestId);
    recordEvent(this.db, requestId, userId, this.now(), 'answered', `${decision}: ${answer}`);
    return this.get(requestId).request;
  }

  withdraw(requestId: string, userId: string, note: string): DisclosureRequest {
    this.refuseUnless(this.row(requestId), ['received', 'in_review']);
    this.db.prepare("UPDATE disclosure_requests SET status = 'withdrawn' WHERE request_id = ?").run(requestId);
    recordEvent(this.db, requestId, userId, this.now(), 'withdrawn', note);
    return this.get(requestId).request;
  }

  get(requestId: string): { request: DisclosureRequest; events: RequestEvent[] } {
    return { request: this.view(this.row(requestId)), events: eventsOf(this.db, requestId) };
  }

  /** Open ones first by deadline; overdueOnly keeps the open requests past their deadline. */
  list(filter: { status?: RequestStatus; overdueOnly?: boolean }): DisclosureRequest[] {
    const rows = this.db
      .prepare(`SELECT * FROM disclosure_requests ${filter.status ? 'WHERE status = ?' : ''} ORDER BY status IN ('answered','withdrawn'), due_on, request_id LIMIT 1000`)
      .all(...(filter.status ? [filter.status] : [])) as Row[];
    const all = rows.map((r) => this.view(r));
    return filter.overdueOnly ? all.filter((r) => r.overdue) : all;
  }
}
