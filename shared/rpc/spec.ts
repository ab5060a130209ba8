import type { z } from 'zod';
import type { Business, Designation } from '../codes';
import type { Permission } from './permissions';

/**
 * access: 'public' needs no session (setup, login); 'session' needs a logged-in, unlocked user;
 * a Permission needs that permission from the policy table as well.
 * audit: the operation-log event written for every call (success and refusal), or null for
 * calls that touch no specific personal information and change nothing.
 */
export type ChannelSpec = {
  input: z.ZodType;
  output: z.ZodType;
  access: 'public' | 'session' | Permission;
  audit: string | null;
  /** Allowed while a password change is pending or the screen is locked. */
  allowWhenRestricted?: boolean;
  /** AC-12: only a terminal holding this designation may serve the channel (media, backup ...). */
  designation?: Designation;
  /** AC-7: work that belongs to one business (e.g. employer files are 適用) needs it declared. */
  business?: Business;
};
