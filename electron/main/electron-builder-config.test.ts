// EL-08 and REL-01 without an Electron binary: electron-builder.yml flips
// exactly these fuses, signs on every platform, and never allows unsigned updates.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = join(import.meta.dirname, '..', '..');
const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = parse(text) as Configuration;

/** Typed against electron-builder's own Configuration, so a misspelled fuse fails typecheck. */
const expectedFuses: NonNullable<Configuration['electronFuses']> = {
  runAsNode: false,
  enableCookieEncryption: true,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  loadBrowserProcessSpecificV8Snapshot: false,
  grantFileProtocolExtraPrivileges: false,
};

describe('electron-builder.yml', () => {
  it('flips exactly the EL-08 fuse map', () => {
    expect(config.electronFuses).toStrictEqual(expectedFuses);
  });

  it('names the app and packs only the build into an asar', () => {
    expect(config.appId).toBe('org.airlock.app');
    expect(config.productName).toBe('Airlock');
    expect(config.asar).toBe(true);
    expect(config.files).toEqual(expect.arrayContaining(['dist/**', 'package.json']));
  });

  it('builds a hardened, notarized dmg, an nsis installer, an AppImage and a deb', () => {
    expect(config.mac).toMatchObject({ target: 'dmg', hardenedRuntime: true, notarize: true });
    expect(config.win).toMatchObject({ target: 'nsis' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });

  it('points at icons and entitlements that exist', () => {
    for (const file of [config.mac?.icon, config.win?.icon, config.linux?.icon, config.mac?.entitlements]) {
      expect(file, 'path in electron-builder.yml').toBeTypeOf('string');
      expect(existsSync(join(root, file!)), file!).toBe(true);
    }
  });

  it('keeps the entitlements to JIT only (no library-validation or DYLD escape hatches)', () => {
    const plist = readFileSync(join(root, config.mac!.entitlements!), 'utf8');
    const keys = [...plist.matchAll(/<key>([^<]+)<\/key>/g)].map((m) => m[1]);
    expect(keys).toEqual(['com.apple.security.cs.allow-jit']);
  });

  it('never allows unsigned code or unverified updates (REL-01)', () => {
    expect(text).not.toMatch(/verifyUpdateCodeSignature\s*:\s*false/);
    expect(text).not.toMatch(/allowUnsigned/i);
    expect(text).not.toMatch(/identity\s*:\s*null/);
    expect(text).not.toMatch(/(password|secret|token)\s*:/i);
  });
});
