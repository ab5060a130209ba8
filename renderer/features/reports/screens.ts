// The report screen for the app's menu and route registry (renderer/app/nav.ts). Only a user who may
// see numbers (in a declared business) makes or opens a report, so only they get the menu button.
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { ReportsScreen } from './ReportsScreen';
import { REPORT_TEXT } from './text';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

export const REPORT_SCREENS: readonly Screen[] = [{ id: 'reports', label: REPORT_TEXT.menu, permissions: ['mynumber.reveal'], component: ReportsScreen }];
