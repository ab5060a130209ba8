import type { Migration } from '../store';

// Requests, inquiries, incidents (70-79): RQ-1 様式1/様式2, RQ-2 受付票, RQ-3 漏えい事案.
export const requestMigrations: Migration[] = [
  {
    version: 70,
    name: 'requests',
    sql: `
CREATE TABLE disclosure_requests (
  request_id TEXT PRIMARY KEY,
  form TEXT NOT NULL CHECK (form IN ('youshiki1','youshiki2')),
  kind TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_relation TEXT NOT NULL,
  identity_check TEXT NOT NULL,
  shikaku_id TEXT,
  content TEXT NOT NULL,
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','in_review','answered','withdrawn')),
  decision TEXT,
  answer TEXT,
  answered_on TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX disclosure_requests_status ON disclosure_requests(status, due_on);
CREATE TABLE inquiries (
  slip_no TEXT PRIMARY KEY,
  received_at TEXT NOT NULL,
  received_by TEXT NOT NULL,
  channel TEXT NOT NULL,
  requester TEXT NOT NULL,
  contact TEXT NOT NULL,
  content TEXT NOT NULL,
  priority TEXT NOT NULL CHECK (priority IN ('high','medium','low')),
  urgency TEXT NOT NULL CHECK (urgency IN ('high','medium','low')),
  rank TEXT NOT NULL CHECK (rank IN ('A','B','C')),
  response_team TEXT NOT NULL,
  answer_due TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','in_progress','answered')),
  serious_leak INTEGER NOT NULL DEFAULT 0,
  escalated_at TEXT,
  escalated_by TEXT,
  chair_decision TEXT,
  chair_decided_at TEXT,
  chair_decided_by TEXT,
  answer TEXT,
  answered_at TEXT,
  answered_by TEXT
);
CREATE INDEX inquiries_status ON inquiries(status, answer_due);
-- One line per thing that happened to a request or an inquiry: the 経過 of the 受付票.
CREATE TABLE request_events (
  id INTEGER PRIMARY KEY,
  subject_id TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user TEXT NOT NULL,
  kind TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX request_events_subject ON request_events(subject_id, id);
CREATE TABLE leak_incidents (
  incident_id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  serious INTEGER NOT NULL,
  discovered_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open','closed')),
  preliminary_at TEXT,
  preliminary_by TEXT,
  preliminary_notes TEXT
);
CREATE TABLE leak_incident_steps (
  incident_id TEXT NOT NULL REFERENCES leak_incidents(incident_id),
  step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 7),
  outcome TEXT NOT NULL CHECK (outcome IN ('done','not_applicable')),
  performed_by TEXT NOT NULL,
  performed_at TEXT NOT NULL,
  notes TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  PRIMARY KEY (incident_id, step)
);
`,
  },
];
