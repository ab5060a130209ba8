// BL-2: the renderer is served from app://kura, never file://, with the CSP header on every file.
import type { Protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { APP_SCHEME, RENDERER_SECURITY_HEADERS, contentTypeOf, rendererFileFor } from './hardening';

/** Must run before app 'ready'. standard + secure makes app://kura a real origin for 'self'. */
export const APP_SCHEME_PRIVILEGES = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false } },
];

/** Answers one app:// request from the renderer folder; 404 for anything outside it. */
export async function serveRendererFile(rendererDir: string, url: string): Promise<Response> {
  const name = rendererFileFor(url);
  if (!name) return new Response('not found', { status: 404, headers: RENDERER_SECURITY_HEADERS });
  try {
    const body = await readFile(join(rendererDir, name));
    return new Response(body, { status: 200, headers: { ...RENDERER_SECURITY_HEADERS, 'Content-Type': contentTypeOf(name) } });
  } catch {
    return new Response('not found', { status: 404, headers: RENDERER_SECURITY_HEADERS });
  }
}

export function serveRenderer(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererFile(rendererDir, request.url));
}
