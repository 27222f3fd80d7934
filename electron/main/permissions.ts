/**
 * Denies every permission the allowlist does not name (Electron grants all by default), every
 * device chooser and every download: a kiosk page has no business with any of them.
 */
import type { Session } from 'electron';
import { log } from './log.js';
import { mayGrantPermission } from './policies/permissions.js';

/** Installs the permission handlers on a session. */
export function setupPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const granted = mayGrantPermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame });
    if (!granted) log(`permission refused: ${permission} for ${details.requestingUrl.slice(0, 200)}`);
    callback(granted);
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    mayGrantPermission({ permission, requestingUrl: details.requestingUrl ?? requestingOrigin, isMainFrame: details.isMainFrame }),
  );
  session.setDevicePermissionHandler(() => false);
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  session.on('will-download', (event) => {
    event.preventDefault();
    log('download refused');
  });
}
