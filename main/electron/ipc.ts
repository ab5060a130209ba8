// The ipc adapter: one Connection per window, and a call reaches the router only from the app's own
// top-level frame (BL-2). Anything else gets a refusal, never the router.
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { z } from 'zod';
import { KuraError, toWireError } from '../../shared/errors';
import type { RpcResult } from '../../shared/rpc';
import { Connection } from '../rpc';
import { EVENT_CHANNEL, RPC_CHANNEL } from '../preload/bridge';
import { isTrustedSender, type SenderFrame } from './hardening';

export { EVENT_CHANNEL, RPC_CHANNEL };

export type RpcInvoke = (conn: Connection, channel: string, input: unknown) => Promise<RpcResult>;
type Contents = Pick<WebContents, 'id' | 'once' | 'send' | 'isDestroyed'>;

/** One Connection (and so one session) per web contents; dropped when the window goes. */
export class ConnectionRegistry {
  private readonly byContents = new Map<number, { conn: Connection; contents: Contents }>();

  connectionFor(contents: Contents): Connection {
    const known = this.byContents.get(contents.id);
    if (known) return known.conn;
    const conn = new Connection('ipc');
    this.byContents.set(contents.id, { conn, contents });
    contents.once('destroyed', () => this.byContents.delete(contents.id));
    return conn;
  }

  /** AC-10: OS lock or suspend locks every session and tells each window to show its lock screen. */
  lockAll(): void {
    for (const { conn, contents } of this.byContents.values()) {
      conn.lock();
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, { event: 'locked' });
    }
  }
}

const rpcArgs = z.tuple([z.string().min(1).max(64), z.unknown()]);

export type RpcEvent = { senderFrame: { url: string; parent: unknown } | null; sender: Contents };

function senderOf(event: RpcEvent): SenderFrame {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null } : null;
}

export async function handleRpc(event: RpcEvent, args: unknown[], invoke: RpcInvoke, registry: ConnectionRegistry): Promise<RpcResult> {
  if (!isTrustedSender(senderOf(event))) {
    console.error('[kura] ipc call refused: sender frame is not app://kura');
    return { ok: false, error: toWireError(new KuraError('forbidden')) };
  }
  const parsed = rpcArgs.safeParse(args);
  if (!parsed.success) return { ok: false, error: toWireError(new KuraError('invalid_input', { fields: '(channel)' })) };
  const [channel, input] = parsed.data;
  return invoke(registry.connectionFor(event.sender), channel, input);
}

export function installRpcBridge(ipcMain: Pick<IpcMain, 'handle'>, invoke: RpcInvoke, registry: ConnectionRegistry): void {
  ipcMain.handle(RPC_CHANNEL, (event: IpcMainInvokeEvent, ...args: unknown[]) => handleRpc(event, args, invoke, registry));
}
