// Detectors for identifiers with a fixed shape: e-mail, payment card, IBAN,
// US SSN and IP addresses. Every pattern starts behind a lookbehind of the
// characters it repeats, so the engine never restarts inside a run (linear
// time on long runs, issue 5 robustness), and every repeat is bounded.
import { allMatches } from '../regex-scan';
import { cardPrefixKnown, ibanLength, ibanValid, luhnValid, ssnValid } from './checksums';
import type { PiiSpan } from './types';

const localChar = /[A-Za-z0-9._%+'-]/;
const domainChar = /[A-Za-z0-9.-]/;

/**
 * E-mail by walking out from each "@" (RFC 5321 limits: 64-char local part,
 * 255-char domain), which is linear however the text is built.
 */
export function findEmails(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at !== -1) {
    let s = at;
    while (s > Math.max(lastEnd, at - 64) && localChar.test(text[s - 1]!)) s--;
    let e = at + 1;
    while (e < text.length && e - at <= 255 && domainChar.test(text[e]!)) e++;
    // Trailing dots and hyphens end a sentence, not a domain.
    while (e > at + 1 && /[.-]/.test(text[e - 1]!)) e--;
    while (s < at && text[s] === '.') s++;
    const domain = text.slice(at + 1, e);
    if (s < at && /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,24}$/.test(domain)) {
      out.push({ start: s, end: e, type: 'EMAIL' });
      lastEnd = e;
    }
    at = text.indexOf('@', at + 1);
  }
  return out;
}

// 12 to 19 digits, optionally split by single spaces or hyphens (how cards are written),
// not glued to letters (the tail of a UUID or a hash is no card).
const cardRun = /(?<!\d[.,·])(?<![\w-])\d(?:[ -]?\d){11,18}(?!\w)/g;

export function findCards(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of allMatches(cardRun, text)) {
    const digits = m[0].replace(/\D/g, '');
    if (luhnValid(digits) && cardPrefixKnown(digits)) {
      out.push({ start: m.index, end: m.index + m[0].length, type: 'CREDIT_CARD' });
    }
  }
  return out;
}

// Country code, check digits, then up to 30 alphanumerics in groups (paper form) or solid.
const ibanRun = /(?<![A-Za-z0-9])[A-Za-z]{2}\d{2}(?: ?[A-Za-z0-9]){11,30}/g;

export function findIbans(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of allMatches(ibanRun, text)) {
    const want = ibanLength(m[0].slice(0, 2));
    if (want === undefined) continue;
    // The run may swallow a following word ("GB82 WEST ... 32 is"): keep exactly the country's length.
    let count = 0;
    let end = 0;
    while (end < m[0].length && count < want) {
      if (m[0][end] !== ' ') count++;
      end++;
    }
    const compact = m[0].slice(0, end).replace(/ /g, '');
    const next = m[0][end];
    if (count === want && (next === undefined || next === ' ') && ibanValid(compact)) {
      out.push({ start: m.index, end: m.index + end, type: 'IBAN' });
    }
  }
  return out;
}

const ssnShaped = /(?<![\d-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\d-])/g;
const ssnBare = /(?<!\d)(\d{3})(\d{2})(\d{4})(?!\d)/g;
// A bare nine-digit run is an SSN only when the words say so (a driver's licence is not).
const ssnContext = /\b(?:ssn|ss#|social security(?: number| no\.?)?|sozialversicherungsnummer)\b/i;

export function findSsns(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  for (const m of allMatches(ssnShaped, text)) {
    if (ssnValid(m[1]!, m[3]!, m[4]!)) out.push({ start: m.index, end: m.index + m[0].length, type: 'SSN' });
  }
  for (const m of allMatches(ssnBare, text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (ssnValid(m[1]!, m[2]!, m[3]!) && ssnContext.test(before)) {
      out.push({ start: m.index, end: m.index + 9, type: 'SSN' });
    }
  }
  return out;
}

const ipv4 = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d]|\.\d)/g;
// Hex digits and colons with at least two colons; validated by parseIpv6 below.
const ipv6Run =
  /(?<![\w:.])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:(?<=:)(?:\d{1,3}\.){3}\d{1,3})?(?![\w:])/g;

/** Version strings ("v1.2.3.4", "version 10.0.19041.1") look like IPv4 and are not. */
const versionBefore = /(?:\bv|version\s*|build\s*)$/i;

export function findIps(text: string): PiiSpan[] {
  const out: PiiSpan[] = [];
  // Quick tests first: the Unicode-free scans below start at every digit or hex letter.
  if (/\d\.\d/.test(text))
    for (const m of allMatches(ipv4, text)) {
      if (!m[0].split('.').every((o) => Number(o) <= 255 && !(o.length > 1 && o.startsWith('0')))) continue;
      if (versionBefore.test(text.slice(Math.max(0, m.index - 10), m.index))) continue;
      out.push({ start: m.index, end: m.index + m[0].length, type: 'IP_ADDRESS' });
    }
  if (/[0-9A-Fa-f]?:[0-9A-Fa-f]{0,4}:/.test(text))
    for (const m of allMatches(ipv6Run, text)) {
      if (ipv6Valid(m[0])) out.push({ start: m.index, end: m.index + m[0].length, type: 'IP_ADDRESS' });
    }
  return out;
}

/** RFC 4291 text form: eight groups, or fewer with exactly one "::"; an IPv4 tail counts as two. */
export function ipv6Valid(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = (part: string): string[] | null => {
    if (part === '') return [];
    const g = part.split(':');
    const last = g[g.length - 1]!;
    if (last.includes('.')) {
      if (!/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(last)) return null;
      if (!last.split('.').every((o) => Number(o) <= 255)) return null;
      g.splice(g.length - 1, 1, '0', '0');
    }
    return g.every((x) => /^[0-9A-Fa-f]{1,4}$/.test(x)) ? g : null;
  };
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !tail) return false;
  const n = head.length + tail.length;
  if (halves.length === 1) return n === 8;
  // Compressed: "::1" is fine, but "a::b" in prose is more often code (C++ "std::x" has letters); ask for 3+ groups.
  return n <= 7 && (n >= 3 || s === '::1');
}
