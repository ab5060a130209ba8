// DP-6: mutual TLS 1.3. Only a certificate from our own CA gets a connection (OpenSSL checks the chain
// against the pinned CA: requestCert + rejectUnauthorized); the terminal's identity is its certificate's
// CN, never anything in a request body.
// Revocation: the CRL is enforced here, right after the handshake and before any request is handled,
// rather than inside OpenSSL: Node resets a socket that fails verification without a word, and then a
// revoked terminal could never be told to wipe its replica. A revoked certificate gets exactly one
// answer, 403 terminal_revoked, and the socket is closed. Revoking also destroys the terminal's open
// sockets (a reloaded CRL only affects new connections, reference.md Server).
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import type { Server } from 'node:https';
import type { SecureContextOptions, TLSSocket } from 'node:tls';
import { terminalIdSchema } from '../../shared/sync/protocol';
import { caPaths, crlSerials, normalizeSerial } from './pki';

export type TlsMaterial = { key: string; cert: string; ca: string; crl: string };

export function loadTlsMaterial(caDir: string): TlsMaterial {
  const p = caPaths(caDir);
  return { key: readFileSync(p.serverKey, 'utf8'), cert: readFileSync(p.serverCert, 'utf8'), ca: readFileSync(p.cert, 'utf8'), crl: readFileSync(p.crl, 'utf8') };
}

/** The Node TLS options of reference.md: requestCert, rejectUnauthorized, pinned CA, TLS 1.3 only (CRL: see above). */
export function tlsOptions(m: TlsMaterial): SecureContextOptions & { requestCert: true; rejectUnauthorized: true } {
  return { key: m.key, cert: m.cert, ca: m.ca, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3', requestCert: true, rejectUnauthorized: true };
}

export type PeerTerminal = { terminalId: string; serial: string };

/** The terminal on the other end of an authorized socket, or null if the certificate names none. */
export function peerTerminal(socket: TLSSocket): PeerTerminal | null {
  if (!socket.authorized) return null;
  const cert = socket.getPeerX509Certificate();
  if (!cert) return null;
  const cn = /^CN=(.+)$/m.exec(cert.subject)?.[1];
  const parsed = terminalIdSchema.safeParse(cn);
  return parsed.success ? { terminalId: parsed.data, serial: normalizeSerial(cert.serialNumber) } : null;
}

/** Tracks open sockets by certificate serial so a revocation can close them. */
export class TerminalSockets {
  private readonly bySerial = new Map<string, Set<TLSSocket>>();
  private revoked = new Set<string>();
  private watching: string | null = null;
  /** Recent refused handshakes (reason codes only), for operators and tests. */
  readonly refusals: string[] = [];

  constructor(
    private readonly server: Server,
    private readonly caDir: string,
    private readonly log: (line: string) => void,
  ) {
    this.revoked = crlSerials(loadTlsMaterial(caDir).crl);
    server.on('tlsClientError', (error: NodeJS.ErrnoException, socket: TLSSocket) => {
      // Node closes a socket whose certificate failed verification without an alert, so the client
      // only sees a reset; the reason (CERT_REVOKED, UNABLE_TO_GET_ISSUER_CERT ...) is kept here.
      const reason = socket.authorizationError ? String(socket.authorizationError) : (error.code ?? error.message);
      this.refusals.push(reason);
      if (this.refusals.length > 100) this.refusals.shift();
      this.log(`handshake refused: ${reason}`);
    });
    server.on('secureConnection', (socket: TLSSocket) => {
      const peer = peerTerminal(socket);
      if (!peer) {
        socket.destroy();
        return;
      }
      if (this.revoked.has(peer.serial)) {
        this.refusals.push('CERT_REVOKED');
        this.log(`revoked terminal ${peer.terminalId} connected: it is told to wipe its replica`);
        // Time to send the one refusal; then the connection goes whatever the client does.
        setTimeout(() => socket.destroy(), 5_000).unref();
        return;
      }
      let set = this.bySerial.get(peer.serial);
      if (!set) this.bySerial.set(peer.serial, (set = new Set()));
      set.add(socket);
      socket.once('close', () => {
        set.delete(socket);
        if (set.size === 0) this.bySerial.delete(peer.serial);
      });
    });
  }

  isRevoked(serial: string): boolean {
    return this.revoked.has(serial);
  }

  openConnections(): number {
    let n = 0;
    for (const set of this.bySerial.values()) n += set.size;
    return n;
  }

  /** Re-reads the CRL: new handshakes check it, and open sockets of revoked terminals are destroyed. */
  reload(): number {
    const material = loadTlsMaterial(this.caDir);
    this.server.setSecureContext(tlsOptions(material));
    this.revoked = crlSerials(material.crl);
    let closed = 0;
    for (const serial of this.revoked) {
      for (const socket of this.bySerial.get(serial) ?? []) {
        socket.destroy();
        closed++;
      }
    }
    if (closed) this.log(`revocation: closed ${closed} open connection(s)`);
    return closed;
  }

  /** The CLI rewrites the CRL file; the running server picks it up within pollMs. */
  watch(pollMs: number): void {
    const file = caPaths(this.caDir).crl;
    this.watching = file;
    watchFile(file, { interval: pollMs, persistent: false }, () => {
      try {
        this.reload();
      } catch (e) {
        this.log(`CRL reload failed, keeping the previous one: ${e instanceof Error ? e.message : String(e)}`);
      }
    });
  }

  stop(): void {
    if (this.watching) unwatchFile(this.watching);
    this.watching = null;
  }
}
