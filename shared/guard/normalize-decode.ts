// Finds base64, hex and rot13 runs inside a message and decodes them for a
// second look, so "aWdub3JlIGFsbCBwcmV2aW91cw==" is read as what it says.
// Hand-written scanners: one pass each, no regex backtracking on long runs.

export type Encoding = 'base64' | 'hex' | 'rot13';

/** A decoded run: `text` is what it decodes to; start/end are offsets of the run in the original message. */
export interface DecodedRun {
  text: string;
  start: number;
  end: number;
  encoding: Encoding;
}

/** Bounds so a hostile paste cannot make the second look cost more than the first. */
const maxRuns = 32;
const maxDecodedChars = 64 * 1024;
const minBase64 = 16;
const minHexBytes = 6;

const b64Value = new Int8Array(128).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
  .split('')
  .forEach((c, i) => (b64Value[c.charCodeAt(0)] = i));
// URL-safe alphabet (RFC 4648 §5) decodes the same way.
b64Value['-'.charCodeAt(0)] = 62;
b64Value['_'.charCodeAt(0)] = 63;

const isB64 = (c: number): boolean => c < 128 && b64Value[c]! >= 0;
const hexTable = new Int8Array(128).fill(-1);
for (let c = 0; c < 128; c++)
  hexTable[c] = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 102 ? c - 87 : c >= 65 && c <= 70 ? c - 55 : -1;
/** A table, not a chain of comparisons: the hex scan asks this of nearly every character. */
const hexValue = (c: number): number => (c < 128 ? hexTable[c]! : -1);

/** Strict UTF-8 (no TextDecoder in shared/): null on any malformed sequence. */
export function utf8(bytes: ArrayLike<number>): string | null {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let cp: number;
    let extra: number;
    if (b < 0x80) [cp, extra] = [b, 0];
    else if (b >= 0xc2 && b < 0xe0) [cp, extra] = [b & 0x1f, 1];
    else if (b >= 0xe0 && b < 0xf0) [cp, extra] = [b & 0x0f, 2];
    else if (b >= 0xf0 && b < 0xf5) [cp, extra] = [b & 0x07, 3];
    else return null;
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return null;
      cp = (cp << 6) | (next & 0x3f);
    }
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return null;
    out += String.fromCodePoint(cp);
    i += extra + 1;
  }
  return out;
}

/** Decoded bytes are worth a second look only when they read as text, not as an image or a hash. */
export function looksLikeText(s: string): boolean {
  if (s.length < 4) return false;
  let good = 0;
  let letters = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 32 && c < 127)) good++;
    else if (c >= 0xa0 && c !== 0xfffd) good++;
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
  }
  return good / s.length >= 0.9 && letters / s.length >= 0.4;
}

function decodeBase64(text: string, start: number, end: number): string | null {
  const bytes: number[] = [];
  let acc = 0;
  let bits = 0;
  for (let i = start; i < end; i++) {
    const v = b64Value[text.charCodeAt(i)]!;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  return utf8(bytes);
}

function scanBase64(text: string, runs: DecodedRun[]): void {
  let i = 0;
  const n = text.length;
  while (i < n && runs.length < maxRuns) {
    if (!isB64(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    let mixed = 0; // digits, upper case or +/ show it is not an ordinary long word
    while (i < n && isB64(text.charCodeAt(i))) {
      const c = text.charCodeAt(i);
      if (c < 97 || c > 122) mixed++;
      i++;
    }
    const end = i;
    while (i < n && text.charCodeAt(i) === 61 /* = */ && i - end < 2) i++;
    if (end - start >= minBase64 && mixed > 0) {
      // A huge run is looked at by its head only: enough to read an instruction, bounded in cost.
      const decoded = decodeBase64(text, start, Math.min(end, start + maxDecodedChars));
      if (decoded !== null && looksLikeText(decoded))
        runs.push({ text: decoded, start, end: i, encoding: 'base64' });
    }
  }
}

/**
 * Walks one hex run (bytes optionally separated by one space, colon or "\x" per
 * byte) from `i`: how many bytes it holds (its end goes to hexRunEnd), decoding
 * into `bytes` only when given.
 */
/** Where the last hexRun ended: a module variable, not a returned object, as this runs once per hex-letter word. */
let hexRunEnd = 0;

function hexRun(text: string, i: number, bytes: number[] | null): number {
  const n = text.length;
  let count = 0;
  let j = i;
  while (j + 1 < n && count < maxDecodedChars) {
    const hi = hexValue(text.charCodeAt(j));
    const lo = hexValue(text.charCodeAt(j + 1));
    if (hi < 0 || lo < 0) break;
    if (bytes) bytes.push(hi * 16 + lo);
    count++;
    j += 2;
    const sep = text.charCodeAt(j);
    if ((sep === 32 || sep === 58) && hexValue(text.charCodeAt(j + 1)) >= 0) j++;
    else if (sep === 92 /* \ */ && text.charCodeAt(j + 1) === 120 /* x */) j += 2;
  }
  hexRunEnd = j;
  return count;
}

/** Hex bytes, optionally separated by one space, colon or "\x" / "0x" prefix per byte. */
function scanHex(text: string, runs: DecodedRun[]): void {
  const n = text.length;
  let i = 0;
  while (i < n && runs.length < maxRuns) {
    if (hexValue(text.charCodeAt(i)) < 0) {
      i++;
      continue;
    }
    const start = i;
    // Measured first, decoded only when long enough: most hex-letter runs are words ("cafe", "bed").
    const count = hexRun(text, i, null);
    const j = hexRunEnd;
    if (count >= minHexBytes) {
      const bytes: number[] = [];
      hexRun(text, i, bytes);
      const decoded = utf8(bytes);
      if (decoded !== null && looksLikeText(decoded))
        runs.push({ text: decoded, start, end: j, encoding: 'hex' });
    }
    // Skip the whole run (or at least one character) so the scan stays linear.
    i = Math.max(j, i + 1);
    while (i < n && hexValue(text.charCodeAt(i)) >= 0) i++;
  }
}

export function rot13(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) out += String.fromCharCode(((c - 84) % 26) + 97);
    else if (c >= 65 && c <= 90) out += String.fromCharCode(((c - 52) % 26) + 65);
    else out += s[i]!;
  }
  return out;
}

/** Words so common in English that a line using several of them after rot13 (and not before) is rot13. */
const common = new Set(
  (
    'the you your and to of a is are in it that this for with be not all any now ignore ' +
    'previous instructions tell me what how say do from as on or system prompt rules above'
  ).split(' '),
);

const commonRot = new Set([...common].map(rot13));

/**
 * A word of up to 6 ASCII letters as an exact integer (base 27, case folded),
 * so the scan can look words up without slicing and lower-casing each one.
 * Longer words go through the strings, and only when a listed word has that
 * length and first letter (most do not).
 */
const maxKeyLetters = 6; // 27^6 < 2^30: keys stay small integers, which a Set hashes fastest
function letterKey(text: string, from: number, to: number): number {
  let key = 0;
  for (let i = from; i < to; i++) key = key * 27 + ((text.charCodeAt(i) | 0x20) - 96);
  return key;
}
const keysOf = (words: Set<string>): Set<number> =>
  new Set([...words].filter((w) => w.length <= maxKeyLetters).map((w) => letterKey(w, 0, w.length)));
const commonKeys = keysOf(common);
const commonRotKeys = keysOf(commonRot);
const longCandidates = new Uint8Array(13 * 32);
for (const w of [...common, ...commonRot])
  if (w.length > maxKeyLetters) longCandidates[w.length * 32 + (w.charCodeAt(0) & 31)] = 1;

/** Lines (split on newlines and sentence ends) whose rot13 reads as English while the line itself does not. */
function scanRot13(text: string, runs: DecodedRun[]): void {
  const n = text.length;
  let start = 0;
  let words = 0;
  let plain = 0;
  let rotated = 0;
  let wordStart = -1;
  for (let i = 0; i <= n && runs.length < maxRuns; i++) {
    const c = i < n ? text.charCodeAt(i) | 0x20 : 10;
    const isLetter = c >= 97 && c <= 122 && i < n;
    if (isLetter) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    // A word ends here: count it against both vocabularies without building the rot13 text.
    if (wordStart >= 0) {
      const length = i - wordStart;
      words++;
      if (length <= maxKeyLetters) {
        const key = letterKey(text, wordStart, i);
        if (commonKeys.has(key)) plain++;
        if (commonRotKeys.has(key)) rotated++;
      } else if (length <= 12 && longCandidates[length * 32 + (text.charCodeAt(wordStart) & 31)] === 1) {
        const w = text.slice(wordStart, i).toLowerCase();
        if (common.has(w)) plain++;
        if (commonRot.has(w)) rotated++;
      }
      wordStart = -1;
    }
    const code = i < n ? text.charCodeAt(i) : 10;
    if (code !== 10 && code !== 46 && code !== 33 && code !== 63) continue;
    if (words >= 3 && rotated >= 2 && rotated > plain * 2 && rotated / words >= 0.25)
      runs.push({ text: rot13(text.slice(start, i)), start, end: i, encoding: 'rot13' });
    start = i + 1;
    words = plain = rotated = 0;
  }
}

/** Every encoded run worth a second look, in order of position, within the bounds above. */
export function findEncodedRuns(text: string): DecodedRun[] {
  const runs: DecodedRun[] = [];
  scanBase64(text, runs);
  scanHex(text, runs);
  scanRot13(text, runs);
  let budget = maxDecodedChars;
  return runs
    .sort((a, b) => a.start - b.start)
    .filter((r) => {
      budget -= r.text.length;
      return budget >= 0;
    });
}
