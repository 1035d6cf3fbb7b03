// The content filter's view of a text: lower case, NFKC, invisible characters
// dropped, look-alike letters and in-word leetspeak folded, s p a c e d letters
// joined and long letter runs shortened, with a map back to the user's own
// offsets. Interim until shared/guard/normalize.ts lands; every step is one
// linear pass so a 100 KB paste stays cheap.

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

/** Folds `input` for matching; never throws (lone surrogates pass through as themselves). */
export function fold(input: string): Folded {
  const n = input.length;
  let out = new Uint16Array(n + 16);
  let map = new Int32Array(n + 17);
  let o = 0;
  let prev = 0;
  let run = 0;
  const push = (c: number, at: number): void => {
    // Shorten letter runs ("fuuuuck", "assss") to two: real words rarely triple a letter.
    if (c === prev && isLetterCode(c)) {
      if (++run >= 2) return;
    } else run = 0;
    if (o >= out.length - 1) {
      const bigger = new Uint16Array(out.length * 2);
      bigger.set(out);
      out = bigger;
      const biggerMap = new Int32Array(map.length * 2);
      biggerMap.set(map);
      map = biggerMap;
    }
    out[o] = c;
    map[o++] = at;
    prev = c;
  };
  for (let i = 0; i < n; i++) {
    const code = input.charCodeAt(i);
    if (code < 128) {
      const l = asciiLeet[code]!;
      // Leet only in a word: after a letter, or before one ("$hit", "sh1t", "a55").
      if (l !== 0 && (isLetterCode(prev) || isAsciiLetter(input.charCodeAt(i + 1)))) push(l, i);
      else push(asciiFold[code]!, i);
      continue;
    }
    const cp = input.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    if (!invisible(cp)) {
      const raw = input.slice(i, i + width);
      for (const c of raw.normalize('NFKC').toLowerCase()) {
        if (invisible(c.codePointAt(0)!)) continue;
        const plain = c.normalize('NFD')[0] ?? c;
        const folded = lookAlikes[c] ?? (isLetter(plain) ? plain : c);
        for (let k = 0; k < folded.length; k++) push(folded.charCodeAt(k), i);
      }
    }
    i += width - 1;
  }
  map[o] = n;
  let text = '';
  // fromCharCode in slices: one call per 4 K code units keeps the argument list small.
  for (let k = 0; k < o; k += 4096) text += String.fromCharCode(...out.subarray(k, Math.min(o, k + 4096)));
  return joinSpacedLetters(text, map.subarray(0, o + 1));
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
  for (const m of text.matchAll(spaced)) {
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
