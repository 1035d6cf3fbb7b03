// The main window: its webPreferences come only from secureWebPreferences
// (EL-01, enforced by the lint rule airlock/secure-web-preferences), and it
// loads only app://airlock (EL-02).
import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { appEntryUrl } from '../core/shell-policy/app-origin';
import { secureWebPreferences } from '../core/shell-policy/secure-web-preferences';

export function createMainWindow(log: (line: string) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Airlock',
    webPreferences: secureWebPreferences(join(__dirname, '..', 'preload', 'index.cjs'), {
      appDir: app.getAppPath(),
      packaged: app.isPackaged,
    }),
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(appEntryUrl).catch((error: unknown) => log(`could not load the window: ${String(error)}`));
  return window;
}
