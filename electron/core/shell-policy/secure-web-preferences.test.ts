// EL-01: every key of the window's webPreferences, and where the preload may live.
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './secure-web-preferences';

const appDir = '/opt/airlock/resources/app.asar';
const preload = `${appDir}/dist/preload/index.cjs`;

describe('secureWebPreferences', () => {
  it('returns exactly the hardened keys for a packaged build', () => {
    expect(secureWebPreferences(preload, { appDir, packaged: true })).toStrictEqual({
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('allows DevTools only when not packaged, and changes nothing else', () => {
    const packaged = secureWebPreferences(preload, { appDir, packaged: true });
    const dev = secureWebPreferences(preload, { appDir, packaged: false });
    expect(dev.devTools).toBe(true);
    expect({ ...dev, devTools: false }).toStrictEqual(packaged);
  });

  it('never sets enableBlinkFeatures or other keys', () => {
    const prefs = secureWebPreferences(preload, { appDir, packaged: false });
    expect(Object.keys(prefs)).not.toContain('enableBlinkFeatures');
    expect(Object.keys(prefs).sort()).toStrictEqual(
      [
        'preload',
        'contextIsolation',
        'sandbox',
        'nodeIntegration',
        'nodeIntegrationInWorker',
        'nodeIntegrationInSubFrames',
        'webSecurity',
        'allowRunningInsecureContent',
        'experimentalFeatures',
        'webviewTag',
        'navigateOnDragDrop',
        'spellcheck',
        'devTools',
      ].sort(),
    );
  });

  it('returns a fresh object each time, so a caller cannot weaken the next window', () => {
    const a = secureWebPreferences(preload, { appDir, packaged: true });
    expect(a).not.toBe(secureWebPreferences(preload, { appDir, packaged: true }));
  });

  it.each([
    ['a relative preload', 'dist/preload/index.cjs', appDir],
    ['a preload outside the app', '/tmp/evil.cjs', appDir],
    ['a sibling folder that shares a prefix', '/opt/airlock/resources/app.asar.evil/p.cjs', appDir],
    ['a path that climbs out', `${appDir}/../../evil.cjs`, appDir],
    ['the app folder itself', appDir, appDir],
    ['a relative app folder', 'dist/preload/index.cjs', 'app'],
  ])('refuses %s', (_name, path, dir) => {
    expect(() => secureWebPreferences(path, { appDir: dir, packaged: true })).toThrow();
  });
});
