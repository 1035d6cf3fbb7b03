// Whether a link may leave Airlock for the user's browser or mail client
// (EL-06; Electron security checklist item 15). shell.openExternal hands a URL
// to the OS, where file:, smb:, ms-msdt: or search-ms: run code, so only
// https: (and mailto:, when asked for) to hosts on the allowlist or confirmed
// by the user ever get through. The Electron adapter opens only on allow.
import { parseUrl } from './app-origin';

export interface ExternalLinkOptions {
  /** Exact host names (no wildcards): `docs.docker.com` does not admit `docker.com`. */
  allowedHosts: readonly string[];
  /** Hosts the user confirmed after seeing the full URL (never admits a punycode host). */
  confirmed?: readonly string[];
  /** mailto: is refused unless the caller asks for it. */
  allowMailto?: boolean;
}

export type ExternalRefusal =
  | 'not_a_string'
  | 'too_long'
  | 'hidden_characters'
  | 'backslash'
  | 'unparseable'
  | 'scheme'
  | 'credentials'
  | 'port'
  | 'punycode_host'
  | 'host_not_allowed'
  | 'bad_mailto';

/** On allow, `url` is the parsed, normalized form: open that, never the raw input. */
export type ExternalDecision = { allow: true; url: string } | { allow: false; reason: ExternalRefusal };

const maxLength = 2048;
// Unicode spaces, soft hyphen, zero-width and bidi marks: they hide the real host from the person
// confirming it. Controls and ASCII space are checked by code point below.
const invisible = /[\s\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/u;
const mailAddress = /^[a-z0-9.!#$%&'*+/=^_`{|}~-]+@([a-z0-9.-]+)$/i;

export function safeOpenExternal(raw: unknown, options: ExternalLinkOptions): ExternalDecision {
  if (typeof raw !== 'string') return refuse('not_a_string');
  if (raw.length > maxLength) return refuse('too_long');
  if (hasHiddenCharacters(raw)) return refuse('hidden_characters');
  // Browsers read `https:\\evil.test` as `https://evil.test`; nobody writes a backslash on purpose.
  if (raw.includes('\\')) return refuse('backslash');
  const url = parseUrl(raw);
  if (!url) return refuse('unparseable');

  if (url.protocol === 'https:') {
    if (url.username !== '' || url.password !== '') return refuse('credentials');
    if (url.port !== '') return refuse('port');
    const verdict = checkHost(url.hostname, options);
    return verdict ?? { allow: true, url: url.href };
  }
  if (url.protocol === 'mailto:' && options.allowMailto === true) {
    // One plain address, no ?cc=/&body=/&attach= (some mail clients attach local files).
    const domain = url.search === '' && url.hash === '' ? mailAddress.exec(url.pathname)?.[1] : undefined;
    if (!domain) return refuse('bad_mailto');
    const verdict = checkHost(domain.toLowerCase(), options);
    return verdict ?? { allow: true, url: url.href };
  }
  return refuse('scheme');
}

/** WHATWG URL silently strips tabs and newlines and trims controls; a URL holding any is refused. */
function hasHiddenCharacters(raw: string): boolean {
  for (const char of raw) {
    const code = char.codePointAt(0) ?? 0;
    // C0 controls and space (CR/LF smuggle arguments and headers), DEL and C1 controls.
    if (code <= 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return invisible.test(raw);
}

function checkHost(host: string, options: ExternalLinkOptions): ExternalDecision | undefined {
  const listed = (hosts: readonly string[] | undefined) =>
    (hosts ?? []).some((entry) => entry.toLowerCase() === host);
  if (listed(options.allowedHosts)) return undefined;
  // IDN homographs: URL turns `аpple.com` (Cyrillic а) into `xn--pple-43d.com`. Only the allowlist may name one.
  if (host.split('.').some((label) => label.startsWith('xn--'))) return refuse('punycode_host');
  if (listed(options.confirmed)) return undefined;
  return refuse('host_not_allowed');
}

function refuse(reason: ExternalRefusal): ExternalDecision {
  return { allow: false, reason };
}
