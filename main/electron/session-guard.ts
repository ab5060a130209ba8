// BL-2, DP-3, DP-6: what the window's session refuses. Takes the Session so tests can pass a mock.
import type { Session } from 'electron';
import { CONTENT_SECURITY_POLICY, isAllowedRequest } from './hardening';

export type GuardedSession = Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler' | 'on'> & {
  webRequest: Pick<Session['webRequest'], 'onBeforeRequest' | 'onHeadersReceived'>;
};

export function hardenSession(ses: GuardedSession, serverOrigin: string | null): void {
  // BL-2: no camera, microphone, notifications, clipboard read, geolocation, USB, HID, serial ... ever.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);

  // DP-6: the app's own files and the configured data-center server; nothing else leaves the machine.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, serverOrigin) });
  });
  // BL-2: whatever answers, the strict CSP applies (the app:// handler sets it too).
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });

  // DP-3: no file ever leaves through a download or its save dialog.
  ses.on('will-download', (event, item) => {
    event.preventDefault();
    item.cancel();
  });
}
