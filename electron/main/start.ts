// Wires the Electron shell to the core: scheme, sessions, every webContents,
// IPC and the window. Loaded by index.ts only after the EL-09 check passed.
import { app, session, type WebContents } from 'electron';
import { join } from 'node:path';
import { createCore, type Core } from '../core/services';
import { hardenWebContents } from '../core/shell-policy/harden-web-contents';
import { bindIpc } from './ipc';
import { openConfirmedLink, openInBrowser } from './open-external';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { hardenSession } from './session';
import { createMainWindow } from './window';

const log = (line: string): void => console.error(`[airlock] ${line}`);

export function start(): void {
  // Checklist 4: every renderer sandboxed, whatever a window asks for.
  app.enableSandbox();
  registerAppScheme();

  // Checklist 12-14: applied to every webContents as it is created, not only ours.
  app.on('web-contents-created', (_event, contents) => harden(contents));
  app.on('session-created', hardenSession);
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(ready)
    .catch((error: unknown) => {
      log(`could not start: ${String(error)}`);
      app.exit(1);
    });
}

function ready(): void {
  hardenSession(session.defaultSession);
  serveAppProtocol(join(__dirname, '..', 'renderer'));
  const core = createCore({
    dataDir: app.getPath('userData'),
    carrier: 'electron',
    log,
    systemBrowser: openConfirmedLink,
  });
  const unbind = bindIpc(core, log);
  stopOnQuit(core, unbind);
  createMainWindow(log);
}

/** Lets the core close its resources before the process ends. */
function stopOnQuit(core: Core, unbind: () => void): void {
  let stopped = false;
  app.on('will-quit', (event) => {
    if (stopped) return;
    stopped = true;
    event.preventDefault();
    unbind();
    core
      .dispose()
      .catch((error: unknown) => log(`core did not close cleanly: ${String(error)}`))
      .finally(() => app.quit());
  });
}

function harden(contents: WebContents): void {
  hardenWebContents(contents, {
    openInBrowser: (url) => openInBrowser(url, log),
    refused: (what, url) => log(`blocked ${what} ${url.slice(0, 200)}`),
  });
}
