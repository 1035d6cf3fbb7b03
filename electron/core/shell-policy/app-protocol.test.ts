// EL-02: the app:// handler serves only files inside the renderer folder,
// tested against a real folder with a real symlink pointing out of it.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../shared/csp';
import { appResponseHeaders, resolveAppFile, resolveAppUrl } from './app-protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'airlock-app-protocol-')));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html>');
  writeFileSync(join(root, 'assets', 'main.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'a b.css'), 'body{}');
  writeFileSync(join(base, 'secret.txt'), 'outside the renderer');
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.js'), 'outside too');
  symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'escape.txt'));
  symlinkSync(base, join(root, 'up'));
  symlinkSync(join(root, 'index.html'), join(root, 'assets', 'alias.html'));
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppFile', () => {
  it.each([
    ['app://airlock/', 'index.html', 'text/html; charset=utf-8'],
    ['app://airlock', 'index.html', 'text/html; charset=utf-8'],
    ['app://airlock/index.html', 'index.html', 'text/html; charset=utf-8'],
    ['app://airlock/index.html?x=1#frag', 'index.html', 'text/html; charset=utf-8'],
    ['app://airlock/assets/main.js', 'assets/main.js', 'text/javascript; charset=utf-8'],
    ['app://airlock/assets/a%20b.css', 'assets/a b.css', 'text/css; charset=utf-8'],
    ['app://airlock//assets//main.js', 'assets/main.js', 'text/javascript; charset=utf-8'],
    ['app://airlock/assets/alias.html', 'index.html', 'text/html; charset=utf-8'],
  ])('serves %s', async (url, file, type) => {
    const result = await resolveAppFile(url, root);
    expect(result).toEqual({ status: 200, file: join(root, file), contentType: type });
  });

  it.each([
    'app://airlock/../../etc/passwd',
    'app://airlock/%2e%2e/%2e%2e/etc/passwd',
    'app://airlock/%2E%2E/secret.txt',
    'app://airlock/..%2f..%2fetc%2fpasswd',
    'app://airlock/..%2fsecret.txt',
    'app://airlock/assets/..%5c..%5csecret.txt',
    'app://airlock/%2e%2e%5csecret.txt',
    'app://airlock/..%252fsecret.txt',
    'app://airlock/index.html%00.js',
    'app://airlock/%ff',
    'app://airlock/C:%5cWindows%5cwin.ini',
    'app://airlock/assets/escape.txt',
    'app://airlock/up/secret.txt',
    'app://airlock/up/renderer-evil/x.js',
    'app://airlock/assets',
    'app://airlock/missing.js',
    'app://airlock.evil/index.html',
    'app://airlock@evil/index.html',
    'app://evil/index.html',
    'app://airlock:1/index.html',
    'https://airlock/index.html',
    'file:///etc/passwd',
    'not a url',
  ])('answers 404 for %s', async (url) => {
    expect(await resolveAppFile(url, root)).toEqual({ status: 404 });
  });

  it('answers 404 when the renderer folder itself is missing', async () => {
    expect(await resolveAppFile('app://airlock/index.html', join(base, 'nope'))).toEqual({ status: 404 });
  });
});

describe('resolveAppUrl (lexical)', () => {
  it('never names a file outside the folder, even before the disk is asked', () => {
    // The URL parser folds `..` and `%2e%2e` first, so the name stays inside the folder (and does not exist).
    for (const url of ['app://airlock/../../etc/passwd', 'app://airlock/%2e%2e/%2e%2e/etc/passwd']) {
      expect(resolveAppUrl(url, root)).toMatchObject({ status: 200, file: join(root, 'etc', 'passwd') });
    }
    expect(resolveAppUrl('app://airlock/..%2fsecret.txt', root)).toEqual({ status: 404 });
  });

  it('labels unknown extensions as opaque bytes', () => {
    expect(resolveAppUrl('app://airlock/x.bin', root)).toMatchObject({
      contentType: 'application/octet-stream',
    });
  });
});

describe('appResponseHeaders', () => {
  it('carries the one CSP from shared/csp.ts and nosniff', () => {
    const headers = appResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(contentSecurityPolicy);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(appResponseHeaders()['Content-Security-Policy']).toBe(contentSecurityPolicy);
  });
});
