// The data-quality screens for the app's menu and route registry (renderer/app/nav.ts): 名寄せ has the
// menu button; 現況確認 and the intermediate-server queue are its tabs (parent 'quality').
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { ChecksScreen } from './ChecksScreen';
import { LinkScreen } from './LinkScreen';
import { QueueScreen } from './QueueScreen';
import { QUALITY_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

export const QUALITY_SCREENS: readonly Screen[] = [
  { id: 'quality', label: QUALITY_TEXT.menu, permissions: ['quality.read'], component: LinkScreen },
  { id: 'quality-checks', label: QUALITY_TEXT.tabChecks, permissions: ['quality.read'], component: ChecksScreen, parent: 'quality' },
  { id: 'quality-queue', label: QUALITY_TEXT.tabQueue, permissions: ['quality.queue'], component: QueueScreen, parent: 'quality' },
];
