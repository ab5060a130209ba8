// DP-6: the one server this terminal may talk to, set by IT in <userData>/terminal.json.
import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { serverOriginOf } from './hardening';

const terminalConfigSchema = z.strictObject({
  /** The data-center server, https only; absent means the terminal makes no network request at all. */
  serverUrl: z.url({ protocol: /^https$/ }).optional(),
});

export type TerminalConfig = { serverOrigin: string | null };

export function loadTerminalConfig(path: string): TerminalConfig {
  if (!existsSync(path)) return { serverOrigin: null };
  const parsed = terminalConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')) as unknown);
  return { serverOrigin: serverOriginOf(parsed.serverUrl) };
}
