import { describe, expect, it } from 'vitest';
import { resolveDataDir } from './data-dir';

describe('data folder', () => {
  it('prefers --data, then $AIRLOCK_DATA, then the OS default', () => {
    expect(resolveDataDir({ flag: '/x', env: { AIRLOCK_DATA: '/y' } })).toBe('/x');
    expect(resolveDataDir({ env: { AIRLOCK_DATA: '/y' } })).toBe('/y');
    expect(resolveDataDir({ env: {}, platform: 'linux', home: '/home/a' })).toBe('/home/a/.config/Airlock');
    expect(resolveDataDir({ env: { XDG_CONFIG_HOME: '/cfg' }, platform: 'linux', home: '/home/a' })).toBe(
      '/cfg/Airlock',
    );
    expect(resolveDataDir({ env: {}, platform: 'darwin', home: '/Users/a' })).toBe(
      '/Users/a/Library/Application Support/Airlock',
    );
    expect(
      resolveDataDir({
        env: { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' },
        platform: 'win32',
        home: 'C:\\Users\\a',
      }),
    ).toMatch(/Roaming.Airlock$/);
  });

  it('makes a relative folder absolute', () => {
    expect(resolveDataDir({ flag: 'rel/dir', env: {} })).toBe(`${process.cwd()}/rel/dir`);
  });
});
