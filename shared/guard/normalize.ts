// Normalization every chat filter runs first (issue 5 item 1), so obfuscation
// does not walk past them. Pure: no Node, no DOM.
//
// API (stable; pii/ and content/ build on it):
//   normalize(text) → Normalized
//     .original  the text as given
//     .folded    NFKC; zero-width, bidi and control characters removed; combining
//                diacritics dropped; Cyrillic/Greek/small-capital look-alikes folded to
//                Latin; Unicode spaces → ' '; lower case. Digits stay digits, so PII
//                detectors (phones, cards, IBANs) read this view.
//     .leet      folded, then leetspeak folded inside words that contain a letter
//                ("1gn0r3" → "ignore", "h@ck" → "hack"; "555-1234" and "$100" stay), and
//                s p a c e d / d.o.t.t.e.d single letters joined ("i g n o r e" → "ignore").
//                Injection and family-safe filters read this view.
//     .toOriginal(start, end, view = 'folded') → {start, end}
//                maps a [start, end) range of a view back to UTF-16 offsets of the
//                original, covering every original character that produced it (removed
//                invisibles inside the range included), so spans land on the user's text.
//     .decoded   base64, hex and rot13 runs found in the original, decoded: {text, start,
//                end, encoding}; start/end are original offsets. Call normalize() on
//                `text` for a second look.
//   foldText(text) → string: just the folded view, for short strings such as word lists.
//   leetText(text) → string: just the leet view (no decoding, no offsets).
//
// Everything is one linear pass per view; per-code-point work for non-ASCII is cached.
import {
  isCombiningMark,
  isInvisible,
  confusables,
  leetDigits,
  leetSymbols,
  letterSeparators,
} from './normalize-tables';
import { findEncodedRuns, type DecodedRun } from './normalize-decode';

export type { DecodedRun, Encoding } from './normalize-decode';
export type View = 'folded' | 'leet';

export interface Normalized {
  original: string;
  folded: string;
  leet: string;
  toOriginal(start: number, end: number, view?: View): { start: number; end: number };
  decoded: DecodedRun[];
}

/** The folded form of one non-ASCII code point. Cached: NFKC per character is the slow part. */
const cache = new Map<number, string>();
const cacheLimit = 20_000;

function foldNonAscii(cp: number): string {
  const hit = cache.get(cp);
  if (hit !== undefined) return hit;
  let out = '';
  if (isInvisible(cp) || isCombiningMark(cp) || (cp >= 0x80 && cp < 0xa0)) out = '';
  else if (cp >= 0xd800 && cp <= 0xdfff)
    out = ''; // a lone surrogate carries no text
  else if (cp >= 0xe0020 && cp <= 0xe007e)
    out = String.fromCharCode(cp - 0xe0000).toLowerCase(); // tag "ASCII smuggling"
  else if (cp >= 0xe0000 && cp <= 0xe007f) out = '';
  else {
    const direct = confusables.get(cp);
    if (direct !== undefined) out = direct;
    else {
      for (const ch of String.fromCodePoint(cp).normalize('NFKC')) {
        const c = ch.codePointAt(0)!;
        if (c < 0x80) out += foldAscii(c);
        else if (isInvisible(c) || isCombiningMark(c)) continue;
        else if (/\s/u.test(ch)) out += ' ';
        else out += foldLetter(ch, c);
      }
    }
  }
  if (cache.size < cacheLimit) cache.set(cp, out);
  return out;
}

/** A letter after NFKC: its look-alike, or its lower case stripped of diacritics. */
function foldLetter(ch: string, cp: number): string {
  const direct = confusables.get(cp);
  if (direct !== undefined) return direct;
  let out = '';
  for (const part of ch.toLowerCase().normalize('NFD')) {
    const c = part.codePointAt(0)!;
    if (isCombiningMark(c)) continue;
    out += confusables.get(c) ?? part;
  }
  return out;
}

function foldAscii(c: number): string {
  if (c >= 65 && c <= 90) return String.fromCharCode(c + 32);
  if (c === 9) return ' ';
  if (c === 13) return '\n';
  if (c < 32 || c === 127) return c === 10 ? '\n' : '';
  return String.fromCharCode(c);
}

/** For each output code unit of a view, the original range that produced it. */
class OffsetMap {
  starts: Int32Array;
  ends: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.starts = new Int32Array(Math.max(16, capacity));
    this.ends = new Int32Array(Math.max(16, capacity));
  }
  /** Room for `extra` more entries (NFKC can expand one character into up to 18). */
  reserve(extra: number): void {
    if (this.length + extra <= this.starts.length) return;
    const size = Math.max(this.starts.length * 2, this.length + extra);
    const grow = (a: Int32Array): Int32Array => {
      const b = new Int32Array(size);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }
  /** [start, end) of the view → original range; empty ranges map to a point. */
  map(start: number, end: number, originalLength: number): { start: number; end: number } {
    const n = this.length;
    const s = Math.max(0, Math.min(n, Math.floor(start) || 0));
    const e = Math.max(s, Math.min(n, Math.floor(end) || 0));
    if (e === s) {
      const at = s < n ? this.starts[s]! : originalLength;
      return { start: at, end: at };
    }
    return { start: this.starts[s]!, end: this.ends[e - 1]! };
  }
}

/** ASCII folds to at most one unit: its code, or -1 when removed. A table keeps the hot loop branch-free. */
const asciiFold = new Int16Array(128);
for (let c = 0; c < 128; c++) {
  const f = foldAscii(c);
  asciiFold[c] = f === '' ? -1 : f.charCodeAt(0);
}

/** The folded view as code units (leet folding edits a copy of them) plus its offset map. */
function foldView(text: string): { codes: Uint16Array; map: OffsetMap } {
  const n = text.length;
  const map = new OffsetMap(n + 16);
  let codes = new Uint16Array(Math.max(16, n + 16));
  let len = 0;
  for (let i = 0; i < n;) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const f = asciiFold[c]!;
      if (f >= 0) {
        codes[len] = f;
        map.starts[len] = i;
        map.ends[len] = i + 1;
        len++;
      }
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const out = foldNonAscii(cp);
    map.length = len;
    map.reserve(out.length + 1);
    if (len + out.length + 1 > codes.length) {
      const bigger = new Uint16Array(Math.max(codes.length * 2, len + out.length + 16));
      bigger.set(codes);
      codes = bigger;
    }
    for (let k = 0; k < out.length; k++) {
      codes[len] = out.charCodeAt(k);
      map.starts[len] = i;
      map.ends[len] = i + width;
      len++;
    }
    i += width;
  }
  map.length = len;
  return { codes: codes.subarray(0, len), map };
}

const isAsciiLetter = (c: number): boolean => c >= 97 && c <= 122;
const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/** Leet stand-ins by code unit: digits → letter code; symbols → negative letter code (folded only mid-word). */
const leetCode = new Int16Array(0x10000);
for (const [k, v] of Object.entries(leetDigits)) leetCode[k.charCodeAt(0)] = v.charCodeAt(0);
for (const [k, v] of Object.entries(leetSymbols)) leetCode[k.charCodeAt(0)] = -v.charCodeAt(0);
const separatorCode = new Uint8Array(0x10000);
for (const c of letterSeparators) separatorCode[c.charCodeAt(0)] = 1;
const isWordUnit = (c: number): boolean => isAsciiLetter(c) || isDigit(c) || leetCode[c] !== 0;
const isSymbol = (c: number): boolean => leetCode[c]! < 0;

/** Leetspeak folding, word by word: only words holding at least one real letter change. */
function foldLeet(folded: Uint16Array): Uint16Array {
  const n = folded.length;
  const units = folded.slice();
  let i = 0;
  while (i < n) {
    if (!isWordUnit(units[i]!)) {
      i++;
      continue;
    }
    let j = i;
    let letters = 0;
    while (j < n && isWordUnit(units[j]!)) {
      if (isAsciiLetter(units[j]!)) letters++;
      j++;
    }
    // Trim symbol stand-ins off the word's edges: "stop!" and "$5" are punctuation, not leet.
    let a = i;
    let b = j;
    while (a < b && isSymbol(units[a]!)) a++;
    while (b > a && isSymbol(units[b - 1]!)) b--;
    if (letters > 0) {
      for (let k = a; k < b; k++) {
        const to = leetCode[units[k]!]!;
        if (to !== 0) units[k] = Math.abs(to);
      }
    }
    i = j;
  }
  return units;
}

function codesToString(codes: Uint16Array, length: number): string {
  const parts: string[] = [];
  // apply() over 1 KB slices: spreading large arrays is several times slower and can overflow the stack.
  for (let k = 0; k < length; k += 1024)
    parts.push(
      String.fromCharCode.apply(null, codes.subarray(k, Math.min(length, k + 1024)) as unknown as number[]),
    );
  return parts.join('');
}

/** Joins runs of ≥ 3 single letters split by one repeated separator: "i g n o r e", "k.i.l.l". */
function collapseSpaced(units: Uint16Array, src: OffsetMap): { leet: string; map: OffsetMap } {
  const n = units.length;
  const map = new OffsetMap(n + 16);
  const out = new Uint16Array(n);
  let len = 0;
  const letter = (k: number): boolean => k >= 0 && k < n && isAsciiLetter(units[k]!);
  const alnum = (k: number): boolean => letter(k) || (k >= 0 && k < n && isDigit(units[k]!));
  const emit = (k: number): void => {
    out[len] = units[k]!;
    map.starts[len] = src.starts[k]!;
    map.ends[len] = src.ends[k]!;
    len++;
  };
  let i = 0;
  while (i < n) {
    // Cheapest test first: most characters are not followed by a separator.
    if (i + 1 < n && separatorCode[units[i + 1]!] === 1 && letter(i) && !alnum(i - 1)) {
      const sep = units[i + 1]!;
      // Count single letters L sep L sep L … ; each letter must stand alone.
      let j = i;
      let count = 1;
      while (units[j + 1] === sep && letter(j + 2) && !alnum(j + 3)) {
        j += 2;
        count++;
      }
      if (count >= 3) {
        for (let k = i; k <= j; k += 2) emit(k);
        i = j + 1;
        continue;
      }
    }
    emit(i);
    i++;
  }
  map.length = len;
  return { leet: codesToString(out, len), map };
}

/** Coerces anything to a string without throwing, so a filter always gets text to judge. */
function asText(text: unknown): string {
  if (typeof text === 'string') return text;
  if (typeof text === 'number' || typeof text === 'boolean') return String(text);
  return '';
}

export function normalize(input: string): Normalized {
  const original = asText(input);
  const { codes, map: foldedMap } = foldView(original);
  const folded = codesToString(codes, codes.length);
  const { leet, map: leetMap } = collapseSpaced(foldLeet(codes), foldedMap);
  return {
    original,
    folded,
    leet,
    toOriginal: (start, end, view = 'folded') =>
      (view === 'leet' ? leetMap : foldedMap).map(start, end, original.length),
    decoded: findEncodedRuns(original),
  };
}

/** Whether a filter was handed an already normalized text (the input pipeline's way) rather than a string. */
export function isNormalized(input: unknown): input is Normalized {
  return (
    typeof input === 'object' &&
    input !== null &&
    typeof (input as Normalized).original === 'string' &&
    typeof (input as Normalized).leet === 'string'
  );
}

/** Just the leet view, without the decoding pass or the offset API (the content model's periodic look at a stream). */
export function leetText(text: string): string {
  const { codes, map } = foldView(asText(text));
  return collapseSpaced(foldLeet(codes), map).leet;
}

export function foldText(text: string): string {
  const { codes } = foldView(asText(text));
  return codesToString(codes, codes.length);
}
