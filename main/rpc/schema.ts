// The terminal's schema: every capability's migrations, composed here because the store may not
// import the capabilities (they import it) and nothing in main/core may import main/rpc. Adding a
// table means editing only its capability's schema.ts; only a new capability adds a line here. The
// store's runner sorts them by number and refuses a number used twice (store/migrate.ts).
import { accessMigrations } from '../core/access';
import { auditReviewMigrations } from '../core/audit-review';
import { authMigrations } from '../core/auth';
import { importMigrations } from '../core/imports';
import { linkageMigrations } from '../core/linkage';
import { mediaMigrations } from '../core/media';
import { memberMigrations } from '../core/members';
import { qualityMigrations } from '../core/quality';
import { reportMigrations } from '../core/reports';
import { requestMigrations } from '../core/requests';
import { retentionMigrations } from '../core/retention';
import { foundationMigrations, numberQueueMigrations, orgKeyMigrations, type Migration } from '../core/store';
import { syncMigrations } from '../core/sync';

export const kuraMigrations: readonly Migration[] = [
  ...foundationMigrations,
  ...memberMigrations,
  ...syncMigrations,
  ...orgKeyMigrations,
  ...importMigrations,
  ...mediaMigrations,
  ...accessMigrations,
  ...authMigrations,
  ...retentionMigrations,
  ...qualityMigrations,
  ...linkageMigrations,
  ...requestMigrations,
  ...reportMigrations,
  ...auditReviewMigrations,
  ...numberQueueMigrations,
];
