// The only source of a window's webPreferences (EL-01). Every key is spelled
// out, even where Electron's default agrees, so a changed default or a typo
// cannot weaken a window; the lint rule airlock/secure-web-preferences makes
// this function the only thing `new BrowserWindow` may be given.
import { isAbsolute, relative, sep } from 'node:path';

export interface WebPreferencesOptions {
  /** The app's own folder (`app.getAppPath()`); the preload must sit inside it. */
  appDir: string;
  /** `app.isPackaged`: a shipped build has no DevTools. */
  packaged: boolean;
}

/** Structurally a subset of Electron's WebPreferences; Electron-free so CI can test it. */
export interface SecureWebPreferences {
  readonly preload: string;
  readonly contextIsolation: true;
  readonly sandbox: true;
  readonly nodeIntegration: false;
  readonly nodeIntegrationInWorker: false;
  readonly nodeIntegrationInSubFrames: false;
  readonly webSecurity: true;
  readonly allowRunningInsecureContent: false;
  readonly experimentalFeatures: false;
  readonly webviewTag: false;
  readonly navigateOnDragDrop: false;
  readonly spellcheck: false;
  readonly devTools: boolean;
}

export function secureWebPreferences(
  preloadPath: string,
  options: WebPreferencesOptions,
): SecureWebPreferences {
  assertInside(preloadPath, options.appDir);
  return {
    preload: preloadPath,
    // Checklist 3: the preload's world is separate from the page's.
    contextIsolation: true,
    // Checklist 4: the renderer runs in Chromium's OS sandbox; the preload can only require('electron').
    sandbox: true,
    // Checklist 2: no Node in the page, its workers or its frames.
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    // Checklist 6, 8, 9: keep same-origin policy, no mixed content, no experimental features.
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // Checklist 11-12 (EL-02): no <webview>; will-attach-webview is refused as well.
    webviewTag: false,
    // A dropped file must not navigate the window to file:// (EL-02).
    navigateOnDragDrop: false,
    // The spellchecker downloads dictionaries from Google's CDN; Airlock makes no remote requests.
    spellcheck: false,
    devTools: !options.packaged,
    // Checklist 10: enableBlinkFeatures is deliberately absent.
  };
}

/** The preload must be an absolute path inside the app (EL-01), never a path the environment picks. */
function assertInside(preloadPath: string, appDir: string): void {
  if (!isAbsolute(appDir)) throw new Error(`The app folder must be an absolute path: ${appDir}`);
  if (!isAbsolute(preloadPath)) throw new Error(`The preload path must be absolute: ${preloadPath}`);
  const rel = relative(appDir, preloadPath);
  if (rel === '' || isAbsolute(rel) || rel.split(sep)[0] === '..') {
    throw new Error(`The preload must sit inside the app folder ${appDir}: ${preloadPath}`);
  }
}
