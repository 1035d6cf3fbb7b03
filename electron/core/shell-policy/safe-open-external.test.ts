// EL-06: which links may leave for the OS, over 30 URLs of scheme, host and encoding tricks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeOpenExternal, type ExternalLinkOptions, type ExternalRefusal } from './safe-open-external';

const options: ExternalLinkOptions = {
  allowedHosts: ['good.example.com', 'docs.docker.com', 'xn--bcher-kva.example'],
  confirmed: ['confirmed.example.org', 'xn--pple-43d.com'],
  allowMailto: true,
};

describe('safeOpenExternal', () => {
  it.each([
    ['https://good.example.com/', 'https://good.example.com/'],
    ['https://good.example.com/path?q=1#frag', 'https://good.example.com/path?q=1#frag'],
    ['HTTPS://GOOD.EXAMPLE.COM/A', 'https://good.example.com/A'],
    ['https://docs.docker.com/engine/install/', 'https://docs.docker.com/engine/install/'],
    ['https://good.example.com:443/', 'https://good.example.com/'],
    ['https://confirmed.example.org/x', 'https://confirmed.example.org/x'],
    ['https://bücher.example/', 'https://xn--bcher-kva.example/'],
    ['mailto:help@good.example.com', 'mailto:help@good.example.com'],
  ])('opens %s as %s', (raw, normalized) => {
    expect(safeOpenExternal(raw, options)).toEqual({ allow: true, url: normalized });
  });

  it.each<[string, ExternalRefusal]>([
    ['http://good.example.com/', 'scheme'],
    ['file:///etc/passwd', 'scheme'],
    ['file://good.example.com/share', 'scheme'],
    ['smb://good.example.com/share', 'scheme'],
    ['ms-msdt:/id PCWDiagnostic /skip force', 'hidden_characters'],
    ['ms-msdt:/id%20PCWDiagnostic', 'scheme'],
    ['search-ms:query=calc&crumb=location:\\\\evil.test\\share', 'backslash'],
    ['search-ms:query=calc', 'scheme'],
    ['javascript:alert(1)', 'scheme'],
    ['data:text/html,<script>alert(1)</script>', 'scheme'],
    ['vbscript:msgbox(1)', 'scheme'],
    ['app://airlock/index.html', 'scheme'],
    ['airlock://open', 'scheme'],
    ['vscode://file/etc/passwd', 'scheme'],
    ['ftp://good.example.com/', 'scheme'],
    ['//good.example.com/', 'unparseable'],
    ['good.example.com', 'unparseable'],
    ['https://good.example.com.evil.test/', 'host_not_allowed'],
    ['https://evil.test/good.example.com', 'host_not_allowed'],
    ['https://evil.test/?u=https://good.example.com', 'host_not_allowed'],
    ['https://example.com/', 'host_not_allowed'],
    ['https://docker.com/', 'host_not_allowed'],
    ['https://sub.good.example.com/', 'host_not_allowed'],
    ['https://good.example.com./', 'host_not_allowed'],
    ['https://good.example.com@evil.test/', 'credentials'],
    ['https://user:pass@good.example.com/', 'credentials'],
    ['https://good.example.com:8443/', 'port'],
    ['https://xn--pple-43d.com/', 'punycode_host'],
    ['https://аpple.com/', 'punycode_host'],
    ['https://good.xn--exmple-cua.com/', 'punycode_host'],
    ['https://good.example.com/\r\nX-Injected: 1', 'hidden_characters'],
    ['https://good.example.com%0d%0a.evil.test/', 'unparseable'],
    ['https://good.ex\tample.com/', 'hidden_characters'],
    [' https://good.example.com/', 'hidden_characters'],
    ['https://good.example.com\u200b.evil.test/', 'hidden_characters'],
    ['https://evil.test\u202e/moc.elpmaxe.doog', 'hidden_characters'],
    ['https:\\\\good.example.com\\', 'backslash'],
    ['https://127.0.0.1/', 'host_not_allowed'],
    ['https://0x7f.1/', 'host_not_allowed'],
    ['https://[::1]/', 'host_not_allowed'],
    ['mailto:someone@evil.test', 'host_not_allowed'],
    ['mailto:help@good.example.com?attach=/etc/passwd', 'bad_mailto'],
    ['mailto:help@good.example.com,other@evil.test', 'bad_mailto'],
    ['mailto:?to=help@good.example.com', 'bad_mailto'],
    ['', 'unparseable'],
  ])('refuses %j (%s)', (raw, reason) => {
    expect(safeOpenExternal(raw, options)).toEqual({ allow: false, reason });
  });

  it('refuses very long URLs', () => {
    const raw = `https://good.example.com/${'a'.repeat(2100)}`;
    expect(safeOpenExternal(raw, options)).toEqual({ allow: false, reason: 'too_long' });
  });

  it('keeps a percent-encoded newline in a path encoded, so the OS never sees a raw one', () => {
    expect(safeOpenExternal('https://good.example.com/a%0Ab', options)).toEqual({
      allow: true,
      url: 'https://good.example.com/a%0Ab',
    });
  });

  it('refuses mailto: unless the caller allows it', () => {
    expect(safeOpenExternal('mailto:help@good.example.com', { allowedHosts: ['good.example.com'] })).toEqual({
      allow: false,
      reason: 'scheme',
    });
  });

  it('refuses non-strings', () => {
    expect(safeOpenExternal(undefined, options)).toEqual({ allow: false, reason: 'not_a_string' });
    expect(safeOpenExternal(new URL('https://good.example.com/'), options)).toEqual({
      allow: false,
      reason: 'not_a_string',
    });
  });

  it('never allows a host outside the lists, whatever the URL (property)', () => {
    const allowed = new Set([...options.allowedHosts, ...(options.confirmed ?? [])]);
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string()),
        (raw) => {
          const decision = safeOpenExternal(raw, options);
          if (decision.allow) {
            const url = new URL(decision.url);
            expect(url.protocol).toBe('https:');
            expect(allowed.has(url.hostname)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
