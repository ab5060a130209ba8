// Update channels (BL-1): IT verifies a signed update package before the OS installer runs it.
import { z } from 'zod';
import type { ChannelSpec } from '../spec';

const problem = z.strictObject({ code: z.string(), ja: z.string(), en: z.string() });
const filePath = z.string().trim().min(1).max(1000);

export const updateChannels = {
  /** The same check for a package from the data-center server or from a registered medium. */
  'update.verify': {
    input: z.strictObject({ packagePath: filePath, manifestPath: filePath.optional() }),
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), packagePath: z.string(), version: z.string(), currentVersion: z.string(), sha256: z.string(), created: z.string() }),
      z.strictObject({ ok: z.literal(false), problem }),
    ]),
    access: 'update.install',
    audit: 'update.verify',
  },
} satisfies Record<string, ChannelSpec>;
