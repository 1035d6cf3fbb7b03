// The content filter's view of a text: lower case, NFKC, invisible characters
// dropped, look-alike letters and in-word leetspeak folded, s p a c e d letters
// joined and long letter runs shortened, with a map back to the user's own
// offsets. The phrase rules and the profanity list read this view (their
// spans map back through it); the learned model reads normalize's leet view
// (model-input.ts). Every step is one linear pass so a 100 KB paste stays cheap.
import { allMatches } from '../regex-scan';

export interface Folded {
  /** The folded text the lexicons, the profanity matcher and the model read. */
  text: string;
  /** map[i] is the original UTF-16 offset of folded character i; map[text.length] is the original length. */
  map: Int32Array;
}

// Cyrillic and Greek letters that read as Latin ones (Unicode TR39 confusables,
// the common subset); NFKC keeps them apart, so "sеx" with a Cyrillic е would slip by.
const lookAlikes: Record<string, string> = {
  а: 'a',
  в: 'b',
  с: 'c',
  е: 'e',
  һ: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  о: 'o',
  р: 'p',
  ѕ: 's',
  т: 't',
  х: 'x',
  у: 'y',
  ԁ: 'd',
  ԛ: 'q',
  ԝ: 'w',
  ӏ: 'l',
  ё: 'e',
  ї: 'i',
  α: 'a',
  β: 'b',
  ε: 'e',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ı: 'i',
  ł: 'l',
  ø: 'o',
  ß: 's',
  đ: 'd',
  ħ: 'h',
};

// Leetspeak stand-ins, folded only next to a letter so "100 kids" stays a number.
const leet: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '(': 'c',
  '+': 't',
  '€': 'e',
};

const isLetter = (c: string): boolean => c >= 'a' && c <= 'z';
const isAsciiLetter = (code: number): boolean => (code | 32) >= 97 && (code | 32) <= 122;

// Zero-width, bidi controls, soft hyphen, variation selectors and combining marks: read as nothing.
function invisible(cp: number): boolean {
  return (
    cp === 0xad ||
    (cp >= 0x300 && cp <= 0x36f) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2060 && cp <= 0x206f) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    cp === 0xfeff ||
    (cp >= 0xe0000 && cp <= 0xe007f)
  );
}

// Leet stand-ins and ASCII lower case as one code-unit table, so the hot loop does no string work.
const asciiFold = new Uint16Array(128);
const asciiLeet = new Uint16Array(128);
for (let c = 0; c < 128; c++) asciiFold[c] = c >= 65 && c <= 90 ? c + 32 : c;
for (const [from, to] of Object.entries(leet))
  if (from.charCodeAt(0) < 128) asciiLeet[from.charCodeAt(0)] = to.charCodeAt(0);
const isLetterCode = (c: number): boolean => c >= 97 && c <= 122;

/** The folded code units of one non-ASCII code point. Cached: NFKC, case and NFD per character are the slow part. */
const nonAscii = new Map<number, string>();
const nonAsciiLimit = 20_000;

function foldNonAscii(cp: number, raw: string): string {
  const hit = nonAscii.get(cp);
  if (hit !== undefined) return hit;
  let out = '';
  if (!invisible(cp)) {
    for (const c of raw.normalize('NFKC').toLowerCase()) {
      if (invisible(c.codePointAt(0)!)) continue;
      const plain = c.normalize('NFD')[0] ?? c;
      out += lookAlikes[c] ?? (isLetter(plain) ? plain : c);
    }
  }
  if (nonAscii.size < nonAsciiLimit) nonAscii.set(cp, out);
  return out;
}

let scratch = new Uint16Array(4096);

/** Folds `input` for matching; never throws (lone surrogates pass through as themselves). */
export function fold(input: string): Folded {
  const n = input.length;
  // The code units only become a string, so a reused buffer serves; the map is the result's own.
  if (scratch.length < n + 16) scratch = new Uint16Array(Math.max(2 * scratch.length, n + 16));
  let out = scratch;
  let capacity = n + 16;
  let map = new Int32Array(capacity + 1);
  let o = 0;
  let prev = 0;
  let run = 0;
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    let c: number;
    let extra = '';
    if (code < 128) {
      const l = asciiLeet[code]!;
      // Leet only in a word: after a letter, or before one ("$hit", "sh1t", "a55").
      c = l !== 0 && (isLetterCode(prev) || isAsciiLetter(input.charCodeAt(i + 1))) ? l : asciiFold[code]!;
    } else {
      const cp = input.codePointAt(i)!;
      const width = cp > 0xffff ? 2 : 1;
      extra = foldNonAscii(cp, input.slice(i, i + width));
      // Room for this expansion plus every remaining character, so the ASCII path never checks.
      if (o + extra.length + (n - i) + 1 >= capacity) {
        const size = Math.max(capacity * 2, o + extra.length + (n - i) + 16);
        capacity = size;
        if (out.length < size) {
          const bigger = new Uint16Array(size);
          bigger.set(out.subarray(0, o));
          out = scratch = bigger;
        }
        const biggerMap = new Int32Array(size + 1);
        biggerMap.set(map);
        map = biggerMap;
      }
      for (let k = 0; k < extra.length; k++) {
        const e = extra.charCodeAt(k);
        // Shorten letter runs ("fuuuuck", "assss") to two: real words rarely triple a letter.
        if (e === prev && isLetterCode(e)) {
          if (++run >= 2) continue;
        } else run = 0;
        out[o] = e;
        map[o++] = i;
        prev = e;
      }
      i += width - 1;
      continue;
    }
    if (c === prev && isLetterCode(c)) {
      if (++run >= 2) continue;
    } else run = 0;
    // ASCII adds one unit per character read; the buffers always have room for the rest (see above).
    out[o] = c;
    map[o++] = i;
    prev = c;
  }
  map[o] = n;
  return joinSpacedLetters(codesToString(out, o), map.subarray(0, o + 1));
}

/** fromCharCode over 1 K slices: one call per slice keeps the argument list small and fast. */
function codesToString(codes: Uint16Array, length: number): string {
  let text = '';
  for (let k = 0; k < length; k += 1024)
    text += String.fromCharCode.apply(
      null,
      codes.subarray(k, Math.min(length, k + 1024)) as unknown as number[],
    );
  return text;
}

// "f u c k", "s.e.x", "k-i-l-l": three or more single letters with one separator between.
// Each step consumes a separator and a letter not followed by a letter, so the scan is linear.
const spaced = /(?<![a-z])[a-z](?:[ .\-_*][a-z](?![a-z])){2,}/g;

function joinSpacedLetters(text: string, map: Int32Array): Folded {
  spaced.lastIndex = 0;
  if (!spaced.test(text)) return { text, map };
  spaced.lastIndex = 0;
  const out: string[] = [];
  const outMap: number[] = [];
  let last = 0;
  for (const m of allMatches(spaced, text)) {
    for (let i = last; i < m.index; i++) {
      out.push(text[i]!);
      outMap.push(map[i]!);
    }
    for (let i = m.index; i < m.index + m[0].length; i += 2) {
      out.push(text[i]!);
      outMap.push(map[i]!);
    }
    last = m.index + m[0].length;
  }
  for (let i = last; i < text.length; i++) {
    out.push(text[i]!);
    outMap.push(map[i]!);
  }
  outMap.push(map[text.length]!);
  return { text: out.join(''), map: Int32Array.from(outMap) };
}

/** The original span [start, end) behind folded span [fStart, fEnd); dropped characters inside it (repeats, zero-width) come along. */
export function originalSpan(f: Folded, fStart: number, fEnd: number): { start: number; end: number } {
  const start = f.map[fStart] ?? 0;
  return { start, end: Math.max(start, f.map[fEnd] ?? start) };
}
