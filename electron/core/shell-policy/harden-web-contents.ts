// Navigation, redirects, new windows and <webview> for every webContents
// (EL-02, EL-03; Electron security checklist items 11-14). Takes a minimal
// interface so tests drive it with a plain EventEmitter instead of Electron.
import { isAppUrl, parseUrl } from './app-origin';

/** The part of an Electron event the handlers use; navigation events carry the target URL. */
export interface PreventableEvent {
  preventDefault(): void;
  readonly url?: string;
}

export type GuardedEvent = 'will-attach-webview' | 'will-navigate' | 'will-redirect' | 'will-frame-navigate';

/** The part of Electron's WebContents this module needs. */
export interface HardenableContents {
  on(event: GuardedEvent, listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface ContentsPolicy {
  /** Where https links from window.open / target=_blank go; the adapter applies safeOpenExternal (EL-06). */
  openInBrowser(url: string): void;
  /** Told about every refusal, for the log. */
  refused?(what: GuardedEvent | 'window-open', url: string): void;
}

export function hardenWebContents(contents: HardenableContents, policy: ContentsPolicy): void {
  // Checklist 12: a <webview> would be a second, unhardened renderer. Always refuse.
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    policy.refused?.('will-attach-webview', '');
  });

  // Checklist 13: the window only ever shows app://airlock; anything else is blocked, not opened.
  for (const name of ['will-navigate', 'will-redirect', 'will-frame-navigate'] as const) {
    contents.on(name, (event) => {
      if (isAppUrl(event.url)) return;
      event.preventDefault();
      policy.refused?.(name, String(event.url));
    });
  }

  // Checklist 14: never a new Electron window. A plain https link goes to the browser via EL-06.
  contents.setWindowOpenHandler((details) => {
    const url = typeof details.url === 'string' ? details.url : '';
    if (parseUrl(url)?.protocol === 'https:') policy.openInBrowser(url);
    else policy.refused?.('window-open', url);
    return { action: 'deny' };
  });
}
