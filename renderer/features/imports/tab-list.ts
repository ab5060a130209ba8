// The import screens: the import itself (menu button) and its history (a tab under it).
import type { TabEntry } from '../media/tab-list';
import { IMPORT_TEXT } from './text';

export const IMPORT_TABS: readonly TabEntry[] = [
  { id: 'imports', label: IMPORT_TEXT.tabNew, permissions: ['import.preview'] },
  { id: 'imports-history', label: IMPORT_TEXT.tabHistory, permissions: ['import.preview'] },
];
