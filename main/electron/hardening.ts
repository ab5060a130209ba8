// BL-2, DP-6: the exact settings the shell applies, as plain values and pure checks so that unit tests
// can assert them without an Electron binary. main/electron/*.ts only wires these into Electron.

/** The renderer's one origin: the app:// protocol serves the built renderer (never file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kura';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * BL-2: only the app's own files; no inline script, no eval, no remote content, no plugins, no
 * framing, forms post nowhere. connect-src 'self' lets the dev host's same-origin WebSocket through.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** Headers sent with every renderer file, by the app:// protocol and by the dev host alike. */
export const RENDERER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** The configured data-center server as an origin (https only), or null when none is configured. */
export function serverOriginOf(serverUrl: string | null | undefined): string | null {
  if (!serverUrl) return null;
  let url: URL;
  try {
    url = new URL(serverUrl);
  } catch {
    return null;
  }
  return url.protocol === 'https:' ? url.origin : null;
}

/**
 * DP-6: the only requests the window's session may make: the app's own files and the configured
 * server. Everything else (http, other hosts, file:, data: documents, ws:) is cancelled.
 */
export function isAllowedRequest(rawUrl: string, serverOrigin: string | null): boolean {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return false;
  }
  if (url.protocol === `${APP_SCHEME}:`) return url.host === APP_HOST;
  // Inline images only (icons in CSS); a data: document is a navigation and is refused elsewhere.
  if (url.protocol === 'data:') return /^data:image\/(png|svg\+xml);/.test(rawUrl);
  if (url.protocol === 'devtools:') return true;
  return serverOrigin !== null && url.origin === serverOrigin;
}

/** The frame that sent an ipc message: only the app's own top-level page may call the router. */
export type SenderFrame = { url: string; isMainFrame: boolean } | null;

export function isTrustedSender(frame: SenderFrame): boolean {
  if (!frame || !frame.isMainFrame) return false;
  let url: URL;
  try {
    url = new URL(frame.url);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
}

/** Maps an app:// URL to a file under the renderer folder; null for anything outside it (path traversal). */
export function rendererFileFor(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  const path = decodeURIComponent(url.pathname);
  if (path === '/' || path === '') return 'index.html';
  const name = path.replace(/^\/+/, '');
  if (!/^[A-Za-z0-9_-]+(\/[A-Za-z0-9_-]+)*\.(html|js|css|png|svg|woff2)$/.test(name)) return null;
  return name;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  png: 'image/png',
  svg: 'image/svg+xml',
  woff2: 'font/woff2',
};

export function contentTypeOf(name: string): string {
  return CONTENT_TYPES[name.slice(name.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}
