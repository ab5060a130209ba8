// A loopback TCP proxy between a terminal and the data center that misbehaves on purpose. TLS stays
// end to end (the proxy sees only records), so the faults are what a VPN link can really do:
//   blackhole   accept, forward nothing (the client times out)
//   reset       cut the connection at once
//   delay       forward every chunk after ms
//   duplicate   also replay the client's bytes on a second upstream connection (TLS refuses the replay)
//   loseReply   forward the request, hold everything the server sends after it, and cut the connection
//               once `when()` says so (e.g. "the server has committed"): the reply never arrives.
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Fault =
  | { kind: 'pass' }
  | { kind: 'blackhole' }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  | { kind: 'duplicate' }
  | { kind: 'loseReply'; when: () => boolean | Promise<boolean> };

const TLS_APPLICATION_DATA = 23;

export class FaultProxy {
  fault: Fault = { kind: 'pass' };
  readonly counts = { connections: 0, cut: 0, replayed: 0 };
  private readonly sockets = new Set<Socket>();
  private server: Server | null = null;

  constructor(private readonly targetPort: number) {}

  async listen(): Promise<number> {
    this.server = createServer((client) => this.handle(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    return typeof address === 'object' && address ? address.port : 0;
  }

  /** Sets the fault for new connections and cuts the open ones, so the next request meets it. */
  set(fault: Fault): void {
    this.fault = fault;
    this.cutAll();
  }

  cutAll(): void {
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  async close(): Promise<void> {
    this.cutAll();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private track(s: Socket): Socket {
    this.sockets.add(s);
    s.on('close', () => this.sockets.delete(s));
    s.on('error', () => undefined);
    return s;
  }

  private handle(client: Socket): void {
    this.counts.connections++;
    const fault = this.fault;
    this.track(client);
    if (fault.kind === 'reset') {
      client.resetAndDestroy();
      return;
    }
    if (fault.kind === 'blackhole') return;
    const upstream = this.track(connect(this.targetPort, '127.0.0.1'));
    const replay = fault.kind === 'duplicate' ? this.track(connect(this.targetPort, '127.0.0.1')) : null;
    if (replay) {
      this.counts.replayed++;
      replay.on('data', () => undefined);
    }
    const cut = (): void => {
      this.counts.cut++;
      client.destroy();
      upstream.destroy();
    };
    const later = (fn: () => void): void => {
      if (fault.kind === 'delay') setTimeout(fn, fault.ms);
      else fn();
    };
    let requestSent = false;
    client.on('data', (chunk: Buffer) => {
      // The client's first application-data record ends its handshake; what the server says after it
      // belongs to the request (session tickets, then the reply).
      if (firstRecordTypes(chunk).includes(TLS_APPLICATION_DATA)) requestSent = true;
      later(() => upstream.write(chunk));
      replay?.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (fault.kind === 'loseReply' && requestSent) {
        void Promise.resolve(fault.when()).then((now) => {
          if (now) cut();
        });
        return; // held: never reaches the client
      }
      later(() => client.write(chunk));
    });
    client.on('close', () => {
      upstream.destroy();
      replay?.destroy();
    });
    upstream.on('close', () => client.destroy());
  }
}

function firstRecordTypes(chunk: Buffer): number[] {
  const types: number[] = [];
  for (let i = 0; i + 5 <= chunk.length; i += 5 + chunk.readUInt16BE(i + 3)) types.push(chunk[i]!);
  return types;
}
