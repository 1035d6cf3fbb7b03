// The app:// scheme (EL-02; Electron security checklist item 18: prefer a
// custom protocol to file://): registered as standard and secure before
// ready, then served from the built renderer folder through resolveAppFile.
import { protocol } from 'electron';
import { readFile } from 'node:fs/promises';
import { appScheme } from '../core/shell-policy/app-origin';
import { appResponseHeaders, resolveAppFile } from '../core/shell-policy/app-protocol';

/** Must run before app 'ready'. No bypassCSP, no service workers, no CORS opt-in. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `app://airlock/...` from rendererDir; everything else is a 404 that still carries the CSP. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed.', { status: 405, headers: appResponseHeaders() });
    }
    const found = await resolveAppFile(request.url, rendererDir);
    if (found.status !== 200)
      return new Response('Not found.', { status: 404, headers: appResponseHeaders() });
    const body = request.method === 'HEAD' ? null : await readFile(found.file);
    return new Response(body, { status: 200, headers: appResponseHeaders(found.contentType) });
  });
}
