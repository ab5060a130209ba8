// Update verification (BL-1) for the app's menu and route registry (renderer/app/nav.ts).
import type { ComponentType } from 'react';
import type { Message } from '../../../shared/i18n';
import { UPDATE_TEXT } from './text';
import { UpdateScreen } from './UpdateScreen';

type Screen = { id: string; label: Message; permissions: readonly string[]; component: ComponentType; parent?: string };

export const UPDATE_SCREENS: readonly Screen[] = [{ id: 'updates', label: UPDATE_TEXT.menu, permissions: ['update.install'], component: UpdateScreen }];
