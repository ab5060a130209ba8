// Serves the built renderer with the same security headers as the app:// protocol of the shell.
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

/**
 * BL-2: the same CSP as main/electron/hardening.ts (main/devhost may not import main/electron;
 * test/unit/electron-hardening.test.ts proves the two strings are identical).
 */
export const DEVHOST_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': DEVHOST_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

const TYPES: Record<string, string> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
};

/** Only flat, known file names under the renderer folder; nothing else is ever read. */
export function staticFileFor(pathname: string): string | null {
  if (pathname === '/' || pathname === '/index.html') return 'index.html';
  const name = pathname.replace(/^\/+/, '');
  return /^[A-Za-z0-9_-]+\.(js|css|png|svg)$/.test(name) ? name : null;
}

export async function serveStatic(rendererDir: string, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<void> {
  const name = req.method === 'GET' || req.method === 'HEAD' ? staticFileFor(pathname) : null;
  if (!name) {
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    return;
  }
  try {
    const body = await readFile(join(rendererDir, name));
    const type = TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
    res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': type }).end(req.method === 'HEAD' ? undefined : body);
  } catch {
    const hint = name === 'index.html' ? 'renderer not built: run `npm run build` / 画面が未ビルドです。npm run build を実行してください' : 'not found';
    res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end(hint);
  }
}
