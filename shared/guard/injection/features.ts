// Hashed features of a message for the injection model: word 1-2-grams and
// character 4-grams of the leet view, plus the rule families that fired and a
// few shape measures. Training (electron/eval/train-injection.ts) and inference
// share this file, so both always see the very same vector.

/** 2^16 buckets: small enough to ship as int8 (~88 KB base64), wide enough for few collisions. */
export const featureBits = 16;
export const featureCount = 1 << featureBits;

/** A message longer than this is featurized by its head and tail (attacks sit at either end). */
const headChars = 12_000;
const tailChars = 4_000;

/** FNV-1a, 32 bits; the top bit gives a sign so collisions cancel rather than add up. */
export function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface SparseVector {
  index: Int32Array;
  value: Float32Array;
}

function add(counts: Map<number, number>, key: string, weight = 1): void {
  const h = hash(key);
  const i = h & (featureCount - 1);
  const signed = h & 0x80000000 ? -weight : weight;
  counts.set(i, (counts.get(i) ?? 0) + signed);
}

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;

/** Symbol density and glued camelCase words: the shape of optimizer-made suffixes (GCG). */
function shape(original: string, counts: Map<number, number>): void {
  const tail = original.slice(-400);
  let symbols = 0;
  let visible = 0;
  for (let i = 0; i < tail.length; i++) {
    const c = tail.charCodeAt(i);
    if (c <= 32) continue;
    visible++;
    if ('{}[]()\\|<>=*^~$#@`'.includes(tail[i]!)) symbols++;
  }
  const density = visible === 0 ? 0 : symbols / visible;
  if (density > 0.06) add(counts, 'shape:symbols>6%');
  if (density > 0.12) add(counts, 'shape:symbols>12%');
  const camel = tail.match(/[a-z][A-Z][a-z]/g)?.length ?? 0;
  if (camel >= 2) add(counts, 'shape:camel');
  const length = original.length;
  add(counts, `shape:len${length < 100 ? 0 : length < 400 ? 1 : length < 1500 ? 2 : 3}`);
}

/** The feature vector of one message, L2-normalized. `signals` are rule families that fired. */
export function featurize(leet: string, original: string, signals: readonly string[]): SparseVector {
  const text =
    leet.length > headChars + tailChars ? leet.slice(0, headChars) + ' ' + leet.slice(-tailChars) : leet;
  const counts = new Map<number, number>();
  // Word unigrams and bigrams.
  let prev = '';
  for (let i = 0; i < text.length;) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    const word = text.slice(start, Math.min(i, start + 24));
    add(counts, 'w:' + word);
    if (prev) add(counts, 'b:' + prev + ' ' + word);
    prev = word;
  }
  // Character 4-grams over the text with runs of spaces squeezed.
  const squeezed = text.replace(/\s+/g, ' ');
  for (let i = 0; i + 4 <= squeezed.length; i++) add(counts, squeezed.slice(i, i + 4), 0.5);
  for (const s of signals) add(counts, 'sig:' + s, 2);
  shape(original.length > 100_000 ? original.slice(-1000) : original, counts);

  const index = new Int32Array(counts.size);
  const value = new Float32Array(counts.size);
  let norm = 0;
  let k = 0;
  for (const [i, v] of counts) {
    // Dampened counts: a word said fifty times is not fifty times the evidence.
    const d = Math.sign(v) * Math.log1p(Math.abs(v));
    index[k] = i;
    value[k] = d;
    norm += d * d;
    k++;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < value.length; j++) value[j] = value[j]! * scale;
  return { index, value };
}
