// EL-04: every permission Electron's typings know, from the app and from elsewhere.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { permissionCheck, permissionDecision } from './permissions';

/** The permission union of `setPermissionRequestHandler`, read from the installed electron.d.ts. */
function electronPermissions(): string[] {
  const typings = readFileSync(createRequire(import.meta.url).resolve('electron/electron.d.ts'), 'utf8');
  const line = typings.split('\n').find((l) => l.includes('setPermissionRequestHandler(handler:'));
  const union = line?.match(/permission: ((?:'[^']+'(?: \| )?)+)/)?.[1];
  if (!union) throw new Error('could not find the permission union in electron.d.ts');
  return [...union.matchAll(/'([^']+)'/g)].map((m) => m[1]!);
}

const permissions = electronPermissions();
const appOrigins = ['app://airlock', 'app://airlock/', 'app://airlock/index.html'];
const foreignOrigins = [
  'https://example.com',
  'app://airlock.evil',
  'app://airlock@evil',
  'file:///',
  'http://127.0.0.1:11434',
  'null',
  '',
];

describe('permissionDecision / permissionCheck', () => {
  it('reads a plausible list from the typings', () => {
    expect(permissions.length).toBeGreaterThan(30);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'hid', 'serial', 'usb'])
      expect(permissions).toContain(p);
    expect(permissions).toContain('clipboard-sanitized-write');
  });

  it.each(permissions)('%s: granted only on the allowlist and only to app://airlock', (permission) => {
    const allowed = permission === 'clipboard-sanitized-write';
    for (const origin of appOrigins) {
      expect(permissionDecision(permission, origin)).toBe(allowed);
      expect(permissionCheck(permission, origin)).toBe(allowed);
    }
    for (const origin of foreignOrigins) {
      expect(permissionDecision(permission, origin)).toBe(false);
      expect(permissionCheck(permission, origin)).toBe(false);
    }
  });

  it('denies permissions Electron does not know yet', () => {
    expect(permissionDecision('some-future-permission', 'app://airlock')).toBe(false);
    expect(permissionDecision('', 'app://airlock')).toBe(false);
  });
});
