// Requests, inquiries and incidents (seed IV and III-7): disclosure/correction/suspension requests
// on 様式1・2 (RQ-1), inquiry reception slips with escalation to the chair (RQ-2), and leak incidents
// through the seven steps (RQ-3).
export { addDays, DEFAULT_DEADLINES, deadlineSchema, loadDeadlines, type Deadlines } from './deadlines';
export { eventsOf, type RequestEvent } from './events';
export {
  DisclosureDesk, REQUEST_FORMS, REQUEST_KINDS, REQUEST_STATUSES,
  type DisclosureIntake, type DisclosureRequest, type RequestDecision, type RequestForm, type RequestKind, type RequestStatus,
} from './disclosure';
export { INQUIRY_STATUSES, InquiryDesk, rankOf, type InquiryIntake, type InquirySlip, type InquiryStatus, type Level3, type Rank } from './inquiries';
export { INCIDENT_STEPS, IncidentDesk, type IncidentStep, type LeakIncident, type StepEntry, type StepOutcome } from './incidents';
export { requestMigrations } from './schema';
