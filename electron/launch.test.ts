// launch.mjs and install-electron.mjs against fake Electron packages and
// scripts: the binary present, the binary missing (never a download attempt),
// and the one-line fallbacks.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installElectron } from './install-electron.mjs';
import { findElectronBinary, headlessNotice, launch } from './launch.mjs';

let base: string;
beforeAll(() => (base = mkdtempSync(join(tmpdir(), 'airlock-launch-'))));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** A fake node_modules/electron: index.js mirrors the real one, including its download-on-missing side effect. */
function fakeElectron(name: string, opts: { pathTxt: boolean; binary: boolean }): string {
  const dir = join(base, name);
  mkdirSync(join(dir, 'dist'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  writeFileSync(
    join(dir, 'index.js'),
    `const fs = require('fs'), path = require('path');
const bin = path.join(__dirname, 'dist', fs.readFileSync(path.join(__dirname, 'path.txt'), 'utf8'));
if (!fs.existsSync(bin)) { fs.writeFileSync(path.join(__dirname, 'download-attempted'), ''); throw new Error('Electron failed to install correctly'); }
module.exports = bin;\n`,
  );
  if (opts.pathTxt) writeFileSync(join(dir, 'path.txt'), 'electron');
  if (opts.binary) {
    // Records its arguments and working folder, then exits 7, like an app that quit with an error.
    writeFileSync(
      join(dir, 'dist', 'electron'),
      `#!/bin/sh\nprintf '%s\\n' "$PWD" "$@" > "${join(dir, 'ran-with')}"\nexit 7\n`,
    );
    chmodSync(join(dir, 'dist', 'electron'), 0o755);
  }
  return dir;
}

function script(name: string, body: string): string {
  const file = join(base, name);
  writeFileSync(file, body);
  return file;
}

describe('findElectronBinary', () => {
  it('returns the path require("electron") gives when the binary is installed', () => {
    const dir = fakeElectron('installed', { pathTxt: true, binary: true });
    expect(findElectronBinary(dir, {})).toBe(join(dir, 'dist', 'electron'));
  });

  it.each([
    ['no path.txt (install script never ran)', { pathTxt: false, binary: false }],
    ['path.txt but no binary (download failed)', { pathTxt: true, binary: false }],
  ])('returns undefined with %s, without triggering a download', (name, opts) => {
    const dir = fakeElectron(name.replace(/\W+/g, '-'), opts);
    expect(findElectronBinary(dir, {})).toBeUndefined();
    expect(existsSync(join(dir, 'download-attempted'))).toBe(false);
  });

  it('returns undefined when there is no electron package at all', () => {
    expect(findElectronBinary(join(base, 'nowhere'), {})).toBeUndefined();
  });

  it('agrees with the real package: a path only when that file exists', () => {
    const real = findElectronBinary();
    if (real !== undefined) expect(existsSync(real)).toBe(true);
  });
});

describe('launch', () => {
  it('runs Electron on the app folder with the arguments, and passes its exit code on', async () => {
    const dir = fakeElectron('launch-electron', { pathTxt: true, binary: true });
    const log = vi.fn();
    const code = await launch(['--user-data-dir=/tmp/x'], { electronDir: dir, env: {}, log });
    expect(code).toBe(7);
    expect(log).not.toHaveBeenCalled();
    const [cwd, ...args] = readFileSync(join(dir, 'ran-with'), 'utf8').trim().split('\n');
    expect(cwd).toBe(join(import.meta.dirname, '..'));
    expect(args).toEqual(['.', '--user-data-dir=/tmp/x']);
  });

  it('says so in one line and runs serve with the same arguments when Electron is missing', async () => {
    const dir = fakeElectron('launch-headless', { pathTxt: false, binary: false });
    const out = join(base, 'serve-args.json');
    const serveEntry = script(
      'fake-serve.cjs',
      `require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(process.argv.slice(2))); process.exit(3);`,
    );
    const log = vi.fn();
    const code = await launch(['--port', '0'], { electronDir: dir, serveEntry, env: {}, log });
    expect(code).toBe(3);
    expect(log).toHaveBeenCalledExactlyOnceWith(headlessNotice);
    expect(headlessNotice).toBe(
      'Electron is not available on this machine (its binary could not be downloaded); starting Airlock headless instead.',
    );
    expect(JSON.parse(readFileSync(out, 'utf8'))).toEqual(['--port', '0']);
  });

  it('reports a child killed by a signal as 128 + the signal number', async () => {
    const dir = fakeElectron('launch-signal', { pathTxt: false, binary: false });
    const serveEntry = script('killed-serve.cjs', "process.kill(process.pid, 'SIGTERM');");
    expect(await launch([], { electronDir: dir, serveEntry, env: {}, log: () => undefined })).toBe(143);
  });
});

describe('installElectron', () => {
  it('does nothing when ELECTRON_SKIP_BINARY_DOWNLOAD is set', () => {
    const installScript = script('never.cjs', 'process.exit(1);');
    expect(installElectron({ installScript, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } })).toEqual({
      status: 'skipped',
    });
  });

  it('reports success quietly', () => {
    const installScript = script('ok.cjs', "console.log('Downloading Electron binary...');");
    expect(installElectron({ installScript, env: {} })).toEqual({ status: 'installed' });
  });

  it('turns a failed download into one line, not a stack trace', () => {
    const installScript = script(
      'fail.cjs',
      "console.error('TypeError: fetch failed\\n    at node:internal/deps/undici'); process.exit(1);",
    );
    const outcome = installElectron({ installScript, env: {} });
    expect(outcome.status).toBe('failed');
    expect(outcome.line).toContain('(TypeError: fetch failed)');
    expect(outcome.line).not.toContain('\n');
  });

  it('gives up after the timeout', () => {
    const installScript = script('hang.cjs', 'setTimeout(() => {}, 60_000);');
    const outcome = installElectron({ installScript, env: {}, timeoutMs: 300 });
    expect(outcome).toMatchObject({ status: 'failed' });
    expect(outcome.line).toContain('no answer within');
  });

  it('fails softly when the electron package is absent', () => {
    expect(installElectron({ installScript: join(base, 'missing.js'), env: {} })).toMatchObject({
      status: 'failed',
    });
  });

  it('exits 0 from the command line and prints nothing when skipped', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, 'install-electron.mjs')], {
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
      encoding: 'utf8',
    });
    expect(result.status).toBe(0);
    expect(result.stdout + result.stderr).toBe('');
  });
});
