import { syncStatus } from '../../core/sync';
import type { Handler } from '../router';

export const getSyncStatus: Handler<'sync.status'> = ({ kura, now }) => syncStatus(kura.store.db, now);

export const syncHandlers = {
  'sync.status': getSyncStatus,
};
