// EL-02/EL-03: drives hardenWebContents with a plain EventEmitter standing in for WebContents.
import { EventEmitter } from 'node:events';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  hardenWebContents,
  type GuardedEvent,
  type HardenableContents,
  type PreventableEvent,
} from './harden-web-contents';

class FakeContents extends EventEmitter implements HardenableContents {
  openHandler: ((details: { url: string }) => { action: 'deny' }) | undefined;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.openHandler = handler;
  }
  /** Emits like Electron does and reports whether a handler prevented the default. */
  fire(name: GuardedEvent, url?: string): boolean {
    let prevented = false;
    const event: PreventableEvent = { url, preventDefault: () => (prevented = true) };
    this.emit(name, event);
    return prevented;
  }
  open(url: string): { action: 'deny' } {
    if (!this.openHandler) throw new Error('no window open handler was set');
    return this.openHandler({ url });
  }
}

function setup() {
  const contents = new FakeContents();
  const openInBrowser = vi.fn<(url: string) => void>();
  hardenWebContents(contents, { openInBrowser });
  return { contents, openInBrowser };
}

const foreign = [
  'https://example.com',
  'app://airlock.evil/',
  'app://airlock@evil/',
  'javascript:alert(1)',
  'file:///etc/passwd',
  'https://airlock.example.com.attacker.com',
  'http://127.0.0.1:11434/api/pull',
  'app://airlock:1/',
  'about:blank',
  'data:text/html,<script>alert(1)</script>',
  'devtools://devtools/bundled/inspector.html',
  '',
];

describe('hardenWebContents', () => {
  it('always refuses to attach a <webview>', () => {
    const { contents } = setup();
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  describe.each(['will-navigate', 'will-redirect', 'will-frame-navigate'] as const)('%s', (name) => {
    it.each(foreign)('blocks %s', (url) => {
      expect(setup().contents.fire(name, url)).toBe(true);
    });

    it.each(['app://airlock/', 'app://airlock/index.html', 'app://airlock/index.html#/chat'])(
      'lets the app navigate within itself: %s',
      (url) => {
        expect(setup().contents.fire(name, url)).toBe(false);
      },
    );

    it('blocks an event that carries no URL', () => {
      expect(setup().contents.fire(name, undefined)).toBe(true);
    });
  });

  it('denies window.open for the app itself and hands nothing to the browser', () => {
    const { contents, openInBrowser } = setup();
    expect(contents.open('app://airlock/index.html')).toEqual({ action: 'deny' });
    expect(openInBrowser).not.toHaveBeenCalled();
  });

  it.each(foreign.filter((url) => !url.startsWith('https:')))(
    'denies window.open(%s) without opening anything',
    (url) => {
      const { contents, openInBrowser } = setup();
      expect(contents.open(url)).toEqual({ action: 'deny' });
      expect(openInBrowser).not.toHaveBeenCalled();
    },
  );

  it('denies window.open for an https link and passes it to openInBrowser (which applies EL-06)', () => {
    const { contents, openInBrowser } = setup();
    expect(contents.open('https://example.com/docs')).toEqual({ action: 'deny' });
    expect(openInBrowser).toHaveBeenCalledExactlyOnceWith('https://example.com/docs');
  });

  it('denies every window.open, whatever the URL (property)', () => {
    const { contents, openInBrowser } = setup();
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (url) => {
          expect(contents.open(url)).toEqual({ action: 'deny' });
        },
      ),
      { numRuns: 100 },
    );
    for (const [url] of openInBrowser.mock.calls) expect(new URL(url).protocol).toBe('https:');
  });
});
