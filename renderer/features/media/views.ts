// The shapes the media screens show, from the rpc contract: one place, so that a form and the screen
// it sits on both read them here instead of from each other.
import type { z } from 'zod';
import type { mediumView, movementView } from '../../../shared/rpc/channels/media';

export type MediumView = z.infer<typeof mediumView>;
export type MovementView = z.infer<typeof movementView>;
