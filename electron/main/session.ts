// Deny-by-default permissions on every session (EL-04; Electron security
// checklist item 5: without handlers Electron grants every request).
import type { Session } from 'electron';
import { permissionCheck, permissionDecision } from '../core/shell-policy/permissions';

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    permissionCheck(permission, requestingOrigin),
  );
  // HID, serial and USB device access from the page: never.
  session.setDevicePermissionHandler(() => false);
}
