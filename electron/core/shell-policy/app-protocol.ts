// Maps `app://airlock/<path>` requests to files of the built renderer (EL-02:
// packaged content over a custom scheme, never file://). Anything that is not
// a plain file inside the folder, after decoding and after symlinks, is a 404.
// Every answer carries the one CSP from shared/csp.ts (EL-07).
import { realpath, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { contentSecurityPolicy } from '../../../shared/csp';
import { appHost, appScheme, parseUrl } from './app-origin';

export type AppResolution = { status: 200; file: string; contentType: string } | { status: 404 };

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** Headers on every app:// response, 404s included. */
export function appResponseHeaders(contentType = 'text/plain; charset=utf-8'): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

const notFound: AppResolution = { status: 404 };

/**
 * Lexical step: the file a request names inside rootDir, without touching the
 * disk. Each path segment is decoded on its own so `..%2f` cannot become a
 * separator after the check.
 */
export function resolveAppUrl(requestUrl: string, rootDir: string): AppResolution {
  const url = parseUrl(requestUrl);
  if (!url || url.protocol !== `${appScheme}:` || url.host !== appHost || url.username || url.password) {
    return notFound;
  }
  const segments: string[] = [];
  for (const encoded of url.pathname.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(encoded);
    } catch {
      return notFound;
    }
    if (segment === '') continue;
    if (segment === '.' || segment === '..' || /[/\\\0:]/.test(segment)) return notFound;
    segments.push(segment);
  }
  if (segments.length === 0) segments.push('index.html');
  const file = join(rootDir, ...segments);
  if (!inside(rootDir, file)) return notFound;
  return {
    status: 200,
    file,
    contentType: contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
  };
}

/** The lexical step, then realpath: a symlink inside the folder that points out of it is a 404 too. */
export async function resolveAppFile(requestUrl: string, rootDir: string): Promise<AppResolution> {
  const lexical = resolveAppUrl(requestUrl, rootDir);
  if (lexical.status !== 200) return lexical;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(lexical.file)]);
    if (!inside(realRoot, realFile) || !(await stat(realFile)).isFile()) return notFound;
    return { ...lexical, file: realFile };
  } catch {
    return notFound;
  }
}

function inside(root: string, file: string): boolean {
  const rel = relative(root, file);
  return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}
