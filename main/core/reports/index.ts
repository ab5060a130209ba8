// DP-4: creator-only, password-protected reports holding My Number, deleted after reports.keepHours.
export { ReportDesk, REPORT_TITLES, type OpenResult, type ReportDeskDeps, type ReportKind, type ReportLine, type ReportRecord } from './desk';
export { reportMigrations } from './schema';
