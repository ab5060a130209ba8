// The rpc contract: channel → input schema, output schema, required permission, audit event.
// main/rpc enforces it; the renderer and kura-admin only call it. A channel without an entry here
// does not exist (AC-11: the main process decides, whatever a menu shows).
// Each capability keeps its channels in channels/<capability>.ts; add one line here for a new file.
import type { z } from 'zod';
import { accessChannels } from './channels/access';
import { foundationChannels } from './channels/foundation';
import { importChannels } from './channels/imports';
import { linkageChannels } from './channels/linkage';
import { mediaChannels } from './channels/media';
import { requestChannels } from './channels/requests';
import { syncChannels } from './channels/sync';
import { retentionChannels } from './channels/retention';
import { qualityChannels } from './channels/quality';
import { updateChannels } from './channels/updates';
import { reportChannels } from './channels/reports';
import { auditReviewChannels } from './channels/audit-review';
import { keyChannels } from './channels/keys';
import type { ChannelSpec } from './spec';

export type { ChannelSpec } from './spec';

export const contract = {
  ...foundationChannels,
  ...accessChannels,
  ...importChannels,
  ...syncChannels,
  ...mediaChannels,
  ...linkageChannels,
  ...requestChannels,
  ...retentionChannels,
  ...qualityChannels,
  ...updateChannels,
  ...reportChannels,
  ...auditReviewChannels,
  ...keyChannels,
} satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;
