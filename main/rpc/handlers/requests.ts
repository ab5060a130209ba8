// Requests, inquiries and incidents through the router (RQ-1..RQ-3). Handlers orchestrate; the
// rules (states, deadlines, escalation, step order) live in main/core/requests. The operation log
// carries the numbers (依頼番号, 受付番号, 事案番号), never the letters' contents.
import { japanDate } from '../../core/kernel';
import { DisclosureDesk, IncidentDesk, InquiryDesk, loadDeadlines, type Deadlines } from '../../core/requests';
import type { Kura } from '../kura';
import { resourcePath } from '../resources';
import type { Handler } from '../router';

type Desks = { disclosure: DisclosureDesk; inquiries: InquiryDesk; incidents: IncidentDesk };
const perKura = new WeakMap<Kura, Desks>();

function desksOf(kura: Kura): Desks {
  let desks = perKura.get(kura);
  if (!desks) {
    const deadlines: Deadlines = loadDeadlines(resourcePath('requests.json'));
    const today = (): string => japanDate(kura.now());
    desks = {
      disclosure: new DisclosureDesk(kura.store.db, deadlines, today, kura.now),
      inquiries: new InquiryDesk(kura.store.db, deadlines, today, kura.now),
      incidents: new IncidentDesk(kura.store.db, kura.now),
    };
    perKura.set(kura, desks);
  }
  return desks;
}

/** RQ-1 */
export const receiveDisclosure: Handler<'requests.disclosure.receive'> = (call) =>
  call.commit(
    () => desksOf(call.kura).disclosure.receive(call.input, call.subject!.userId),
    (r) => ({ target: r.requestId, detail: { form: r.form, kind: r.kind, dueOn: r.dueOn } }),
  );

export const advanceDisclosure: Handler<'requests.disclosure.advance'> = (call) => {
  const desk = desksOf(call.kura).disclosure;
  const userId = call.subject!.userId;
  const input = call.input;
  return call.commit(
    () => {
      if (input.action === 'review') return desk.startReview(input.requestId, userId, input.note);
      if (input.action === 'answer') return desk.answer(input.requestId, userId, input.decision, input.answer);
      return desk.withdraw(input.requestId, userId, input.note);
    },
    (r) => ({ target: r.requestId, detail: { action: input.action, status: r.status, decision: r.decision } }),
  );
};

export const listDisclosures: Handler<'requests.disclosure.list'> = ({ kura, input }) => desksOf(kura).disclosure.list(input);
export const getDisclosure: Handler<'requests.disclosure.get'> = ({ kura, input }) => desksOf(kura).disclosure.get(input.requestId);

/** RQ-2 */
export const receiveInquiry: Handler<'requests.inquiry.receive'> = (call) =>
  call.commit(
    () => desksOf(call.kura).inquiries.receive(call.input, call.subject!.userId),
    (s) => ({ target: s.slipNo, detail: { rank: s.rank, answerDue: s.answerDue, escalatedToChair: s.escalatedToChair } }),
  );

export const progressInquiry: Handler<'requests.inquiry.progress'> = (call) =>
  call.commit(
    () => desksOf(call.kura).inquiries.progress(call.input.slipNo, call.subject!.userId, call.input.note, call.input.seriousLeak),
    (s) => ({ target: s.slipNo, detail: { status: s.status, escalatedToChair: s.escalatedToChair } }),
  );

export const recordChairDecision: Handler<'requests.inquiry.chairDecision'> = (call) =>
  call.commit(() => desksOf(call.kura).inquiries.recordChairDecision(call.input.slipNo, call.subject!.userId, call.input.decision), (s) => ({ target: s.slipNo }));

export const answerInquiry: Handler<'requests.inquiry.answer'> = (call) =>
  call.commit(() => desksOf(call.kura).inquiries.answer(call.input.slipNo, call.subject!.userId, call.input.answer), (s) => ({ target: s.slipNo }));

export const listInquiries: Handler<'requests.inquiry.list'> = ({ kura, input }) => desksOf(kura).inquiries.list(input);
export const getInquiry: Handler<'requests.inquiry.get'> = ({ kura, input }) => desksOf(kura).inquiries.get(input.slipNo);

/** RQ-3 */
export const openIncident: Handler<'incident.open'> = (call) =>
  call.commit(() => desksOf(call.kura).incidents.open(call.input, call.subject!.userId), (i) => ({ target: i.incidentId, detail: { serious: i.serious } }));

export const markIncidentSerious: Handler<'incident.markSerious'> = (call) =>
  call.commit(() => desksOf(call.kura).incidents.markSerious(call.input.incidentId), (i) => ({ target: i.incidentId, detail: { reason: call.input.reason } }));

export const reportPreliminary: Handler<'incident.reportPreliminary'> = (call) => {
  const { incidentId, ...entry } = call.input;
  return call.commit(() => desksOf(call.kura).incidents.reportPreliminary(incidentId, call.subject!.userId, entry), (i) => ({ target: i.incidentId, detail: { preliminaryAt: entry.performedAt } }));
};

export const recordIncidentStep: Handler<'incident.recordStep'> = (call) => {
  const { incidentId, step, outcome, ...entry } = call.input;
  return call.commit(
    () => desksOf(call.kura).incidents.recordStep(incidentId, call.subject!.userId, step, outcome, entry),
    (i) => ({ target: i.incidentId, detail: { step, outcome, status: i.status } }),
  );
};

export const listIncidents: Handler<'incident.list'> = ({ kura }) => desksOf(kura).incidents.list();
export const getIncident: Handler<'incident.get'> = ({ kura, input }) => desksOf(kura).incidents.get(input.incidentId);

export const requestHandlers = {
  'requests.disclosure.receive': receiveDisclosure,
  'requests.disclosure.advance': advanceDisclosure,
  'requests.disclosure.list': listDisclosures,
  'requests.disclosure.get': getDisclosure,
  'requests.inquiry.receive': receiveInquiry,
  'requests.inquiry.progress': progressInquiry,
  'requests.inquiry.chairDecision': recordChairDecision,
  'requests.inquiry.answer': answerInquiry,
  'requests.inquiry.list': listInquiries,
  'requests.inquiry.get': getInquiry,
  'incident.open': openIncident,
  'incident.markSerious': markIncidentSerious,
  'incident.reportPreliminary': reportPreliminary,
  'incident.recordStep': recordIncidentStep,
  'incident.list': listIncidents,
  'incident.get': getIncident,
};
