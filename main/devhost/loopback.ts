// The dev host listens on loopback only: it serves the same router as the terminal, and that must
// never be reachable from another machine.
const LOOPBACK_V4 = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;

export function isLoopbackAddress(host: string): boolean {
  return LOOPBACK_V4.test(host) || host === '::1';
}

export function assertLoopback(host: string): void {
  if (!isLoopbackAddress(host)) {
    throw new Error(`開発用ホストはループバック（127.0.0.1）以外では起動できません: ${host} / The dev host binds to loopback only, refused: ${host}`);
  }
}

/** DNS rebinding guard: a request must name the loopback address and our port in its Host header. */
export function isLoopbackHostHeader(hostHeader: string | undefined, port: number): boolean {
  return hostHeader === `127.0.0.1:${port}` || hostHeader === `localhost:${port}` || hostHeader === `[::1]:${port}`;
}
