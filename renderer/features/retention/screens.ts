// The retention screens for the app's menu and route registry (renderer/app/nav.ts). The dry run and
// purge belong to the administrators; recording a refused qualification is EDIT work in a business,
// confirming one (which erases the number) a manager's.
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { RefusalScreen } from './RefusalScreen';
import { RetentionScreen } from './RetentionScreen';
import { RETENTION_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

export const RETENTION_SCREENS: readonly Screen[] = [
  { id: 'retention', label: RETENTION_TEXT.menu, permissions: ['retention.preview'], component: RetentionScreen },
  { id: 'retention-refusal', label: RETENTION_TEXT.refusalMenu, permissions: ['retention.refusal', 'retention.confirm'], component: RefusalScreen },
];
