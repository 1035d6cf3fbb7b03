// API keys, tokens and private keys. Provider prefixes come from the
// providers' published formats (OpenAI, GitHub "Behind GitHub's new
// authentication token formats" 2021, AWS IAM identifiers, Slack token
// types, Google API keys, Stripe API keys); anything else long and random is
// caught by its Shannon entropy, minus look-alikes that are not secrets:
// git hashes, UUIDs and base64 payloads of images and data URLs.
import { allMatches } from '../regex-scan';
import type { PiiSpan } from './types';

const providerKeys: RegExp[] = [
  // OpenAI: legacy sk-<48>, project/service/admin keys sk-proj-…, sk-svcacct-…, sk-admin-…
  /(?<![\w-])sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,400}(?![\w-])/g,
  // GitHub: ghp_/gho_/ghu_/ghs_/ghr_ + 36 base62; fine-grained github_pat_ + 82.
  /(?<!\w)gh[pousr]_[A-Za-z0-9]{36,255}(?!\w)/g,
  /(?<!\w)github_pat_[A-Za-z0-9_]{50,255}(?!\w)/g,
  // AWS access key ids: AKIA (long-term), ASIA (temporary), and the rarer ABIA/ACCA.
  /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}(?![A-Za-z0-9])/g,
  // Slack: bot, user, app-level, refresh and legacy tokens.
  /(?<![\w-])xox[bpars]-[A-Za-z0-9-]{10,255}(?![\w-])/g,
  /(?<![\w-])xapp-\d-[A-Za-z0-9-]{10,255}(?![\w-])/g,
  // Google API keys: AIza + 35.
  /(?<![\w-])AIza[0-9A-Za-z_-]{35}(?![\w-])/g,
  // Stripe secret and restricted keys, live and test.
  /(?<!\w)(?:sk|rk)_(?:live|test)_[0-9A-Za-z]{16,255}(?!\w)/g,
];

// One pass for every provider prefix, so the eight patterns run only when one is present.
const anyPrefix =
  /sk-|gh[pousr]_|github_pat_|AKIA|ASIA|ABIA|ACCA|xox[bpars]-|xapp-|AIza|[sr]k_(?:live|test)_/;

export function findProviderKeys(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  if (!anyPrefix.test(text)) return out;
  for (const re of providerKeys) {
    for (const m of allMatches(re, text))
      out.push({ start: m.index, end: m.index + m[0].length, type: 'API_KEY' });
  }
  return out;
}

/** PEM private-key blocks (RFC 7468), from BEGIN to END, or to the end of the text if cut off. */
export function findPrivateKeys(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  // A local regex, resumed after each block, so every character is searched once.
  const begin = /-----BEGIN ([A-Z0-9 ]{0,40}?PRIVATE KEY(?: BLOCK)?)-----/g;
  for (let m = begin.exec(text); m !== null; m = begin.exec(text)) {
    const endMarker = `-----END ${m[1]!}-----`;
    const at = text.indexOf(endMarker, m.index);
    const end = at === -1 ? text.length : at + endMarker.length;
    out.push({ start: m.index, end, type: 'PRIVATE_KEY' });
    if (at === -1) break; // cut off: it runs to the end, and nothing after it can close
    begin.lastIndex = end;
  }
  return out;
}

/** Shannon entropy in bits per character. */
export function shannon(s: string): number {
  const counts = new Map<string, number>();
  for (const ch of s) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let h = 0;
  for (const c of counts.values()) {
    const p = c / s.length;
    h -= p * Math.log2(p);
  }
  return h;
}

const token = /(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/=_-]{24,4096}(?![A-Za-z0-9+/=_-])/g;
const hexOnly = /^[0-9a-fA-F]+$/;
const uuid = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
// Magic numbers of images in base64: PNG, JPEG, GIF, WebP, PDF, SVG/XML.
const imageMagic = /^(?:iVBORw0KGgo|\/9j\/|R0lGOD|UklGR|JVBERi0|PHN2Zy|PD94bW)/;
const dataUrlBefore = /data:[\w.+-]+\/[\w.+-]+(?:;[\w=.+-]+)*,$/;

/**
 * Long random-looking tokens. The threshold is a share of the most a token of
 * that length and alphabet can reach, so short and long secrets are judged alike.
 */
export function findHighEntropy(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of allMatches(token, text)) {
    const t = m[0].replace(/=+$/, '');
    if (t.length < 24 || hexOnly.test(t) || uuid.test(t) || imageMagic.test(t)) continue;
    if (dataUrlBefore.test(text.slice(Math.max(0, m.index - 80), m.index))) continue;
    // Paths, slugs and snake_case words: separators between dictionary-like parts.
    if (/^[a-z]+(?:[_/-][a-z]+)+$/i.test(t)) continue;
    if (!/\d/.test(t) || !/[A-Za-z]/.test(t)) continue;
    const classes = Number(/[a-z]/.test(t)) + Number(/[A-Z]/.test(t)) + Number(/\d/.test(t));
    if (classes < 3 && !/[+/]/.test(t)) continue;
    const ceiling = Math.log2(Math.min(t.length, 64));
    if (shannon(t) >= 0.8 * ceiling && shannon(t) >= 3.8) {
      out.push({ start: m.index, end: m.index + m[0].length, type: 'SECRET' });
    }
  }
  return out;
}

export const findSecrets = (text: string): PiiSpan[] => [
  ...findPrivateKeys(text),
  ...findProviderKeys(text),
  ...findHighEntropy(text),
];
