// EL-05: only Airlock's own top frame may call the core.
import { describe, expect, it } from 'vitest';
import { validateSender, type SenderFrame } from './validate-sender';

describe('validateSender', () => {
  it.each<[string, SenderFrame | null | undefined, string]>([
    ['a null frame', null, 'no_frame'],
    ['an undefined frame', undefined, 'no_frame'],
    ['a sub-frame of the app', { url: 'app://airlock/index.html', isMainFrame: false }, 'sub_frame'],
    ['a look-alike host', { url: 'app://airlock.evil/', isMainFrame: true }, 'foreign_origin'],
    ['credentials before another host', { url: 'app://airlock@evil/', isMainFrame: true }, 'foreign_origin'],
    ['a port', { url: 'app://airlock:443/', isMainFrame: true }, 'foreign_origin'],
    ['a web page', { url: 'https://example.com/', isMainFrame: true }, 'foreign_origin'],
    ['a web page named after the app', { url: 'https://airlock/', isMainFrame: true }, 'foreign_origin'],
    ['a local file', { url: 'file:///opt/airlock/index.html', isMainFrame: true }, 'foreign_origin'],
    ['about:blank', { url: 'about:blank', isMainFrame: true }, 'foreign_origin'],
    ['an empty URL', { url: '', isMainFrame: true }, 'foreign_origin'],
  ])('refuses %s', (_name, frame, reason) => {
    expect(validateSender(frame)).toEqual({ ok: false, reason });
  });

  it('refuses a frame whose isMainFrame is not exactly true', () => {
    const frame = { url: 'app://airlock/', isMainFrame: 'yes' } as unknown as SenderFrame;
    expect(validateSender(frame).ok).toBe(false);
  });

  it.each(['app://airlock/', 'app://airlock/index.html', 'app://airlock/index.html#/settings'])(
    'accepts the app top frame at %s',
    (url) => {
      expect(validateSender({ url, isMainFrame: true })).toEqual({ ok: true });
    },
  );
});
