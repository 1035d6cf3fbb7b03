// Deny-by-default answers for Chromium permission requests and checks
// (EL-04; Electron security checklist item 5: without a handler Electron
// grants every request). Media, geolocation, notifications, HID, serial, USB
// and openExternal are never granted to the page.
import { isAppUrl } from './app-origin';

/** The whole allowlist: copying text out of a chat, from Airlock's own page only. */
export const grantedPermissions: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** For `session.setPermissionRequestHandler`: true only for an allowlisted permission from app://airlock. */
export function permissionDecision(permission: string, origin: string): boolean {
  return grantedPermissions.has(permission) && isAppUrl(origin);
}

/**
 * For `session.setPermissionCheckHandler`, which Chromium asks synchronously
 * (e.g. before showing a clipboard button). Same answer as the request: a
 * check that said yes while the request says no would only confuse the page.
 */
export function permissionCheck(permission: string, requestingOrigin: string): boolean {
  return permissionDecision(permission, requestingOrigin);
}
