export * from './contract';
export * from './permissions';
export * from './schemas';
export type { WireError } from '../errors';
import type { WireError } from '../errors';
import type { Channel, ChannelOutput } from './contract';

/** What every invoke returns, over ipc, the dev-host WebSocket or in-process. Errors never carry a stack. */
export type RpcResult<C extends Channel = Channel> = { ok: true; data: ChannelOutput<C> } | { ok: false; error: WireError };
