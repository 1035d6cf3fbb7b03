// Hashed features of a message for the injection model: word 1-2-grams and
// character 4-grams of the leet view, plus the rule families that fired and a
// few shape measures. Training (electron/eval/train-injection.ts) and inference
// share this file, so both always see the very same vector. The n-grams are
// hashed in place (FNV-1a continued over the text, no substring per n-gram)
// into a dense table.

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

const FNV_PRIME = 0x01000193;

/** FNV-1a continued from state `h` over text[from, to): hash(a + b) without building a + b. */
function fnvOn(h: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** States after the feature-kind prefixes, so word features hash the text in place. */
const afterW = fnvOn(0x811c9dc5, 'w:', 0, 2);
const afterB = fnvOn(0x811c9dc5, 'b:', 0, 2);

/**
 * Feature counts for one call: a dense table plus the buckets in first-touch
 * order. The order matters: the model sums weight × value in it, and the float
 * sum must come out bit-identical to the Map this replaced (Map iterates in
 * insertion order). Counts are multiples of 0.5, so their own sums are exact.
 */
const counts = new Float64Array(featureCount);
const touched = new Uint8Array(featureCount);
let order = new Int32Array(4096);
let used = 0;

function addHash(h: number, weight: number): void {
  const u = h >>> 0;
  const i = u & (featureCount - 1);
  if (touched[i] === 0) {
    touched[i] = 1;
    if (used === order.length) {
      const bigger = new Int32Array(order.length * 2);
      bigger.set(order);
      order = bigger;
    }
    order[used++] = i;
  }
  counts[i] = counts[i]! + (u & 0x80000000 ? -weight : weight);
}

function add(key: string, weight = 1): void {
  addHash(hash(key), weight);
}

/** ECMAScript \s (WhiteSpace and LineTerminator), as the /\s+/ squeeze this replaced used. */
const isJsSpace = (c: number): boolean =>
  c === 32 ||
  (c >= 9 && c <= 13) ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;

/** Symbol density and glued camelCase words: the shape of optimizer-made suffixes (GCG). */
function shape(original: string): void {
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
  if (density > 0.06) add('shape:symbols>6%');
  if (density > 0.12) add('shape:symbols>12%');
  const camel = tail.match(/[a-z][A-Z][a-z]/g)?.length ?? 0;
  if (camel >= 2) add('shape:camel');
  const length = original.length;
  add(`shape:len${length < 100 ? 0 : length < 400 ? 1 : length < 1500 ? 2 : 3}`);
}

/** The feature vector of one message, L2-normalized. `signals` are rule families that fired. */
export function featurize(
  leet: string,
  original: string,
  signals: readonly string[],
  ruleScore = 0,
): SparseVector {
  const text =
    leet.length > headChars + tailChars ? leet.slice(0, headChars) + ' ' + leet.slice(-tailChars) : leet;
  // Clear what an interrupted earlier call may have left (normally already cleared below).
  for (let k = 0; k < used; k++) counts[order[k]!] = touched[order[k]!] = 0;
  used = 0;
  // Word unigrams and bigrams, hashed in place: "w:" + word, "b:" + prev + " " + word.
  let hasPrev = false;
  let prevState = 0; // FNV state after "b:" + prev + " "
  for (let i = 0; i < text.length;) {
    if (!isWordChar(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
    const end = Math.min(i, start + 24);
    addHash(fnvOn(afterW, text, start, end), 1);
    if (hasPrev) addHash(fnvOn(prevState, text, start, end), 1);
    prevState = Math.imul(fnvOn(afterB, text, start, end) ^ 32, FNV_PRIME);
    hasPrev = true;
  }
  // Character 4-grams over the text with runs of whitespace squeezed to one space.
  const squeezed = squeeze(text);
  for (let i = 0; i + 4 <= squeezed.length; i++) {
    let h = Math.imul(0x811c9dc5 ^ squeezed[i]!, FNV_PRIME);
    h = Math.imul(h ^ squeezed[i + 1]!, FNV_PRIME);
    h = Math.imul(h ^ squeezed[i + 2]!, FNV_PRIME);
    addHash(Math.imul(h ^ squeezed[i + 3]!, FNV_PRIME), 0.5);
  }
  shape(original.length > 100_000 ? original.slice(-1000) : original);

  const index = new Int32Array(used);
  const value = new Float32Array(used);
  let norm = 0;
  for (let k = 0; k < used; k++) {
    const i = order[k]!;
    const v = counts[i]!;
    counts[i] = 0;
    touched[i] = 0;
    // Dampened counts: a word said fifty times is not fifty times the evidence.
    const d = Math.sign(v) * dampen(Math.abs(v));
    index[k] = i;
    value[k] = d;
    norm += d * d;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < value.length; j++) value[j] = value[j]! * scale;
  return withSignals(index, value, signals, ruleScore);
}

/** Rule-score levels that each get a feature of their own, so the model learns how far to trust the rules. */
const ruleLevels = [0.5, 0.8, 0.95];

/**
 * The rule families that fired, and the level their combined score reached, as
 * features of fixed size appended after the n-grams are normalized: a rule hit
 * says as much in a 5 KB jailbreak as in one line, where a normalized feature
 * would fade with length.
 */
function withSignals(
  index: Int32Array,
  value: Float32Array,
  signals: readonly string[],
  ruleScore: number,
): SparseVector {
  const extra: number[] = [];
  for (const s of signals) extra.push(hash('sig:' + s));
  for (const level of ruleLevels) if (ruleScore >= level) extra.push(hash(`rule>=${level}`));
  if (extra.length === 0) return { index, value };
  const allIndex = new Int32Array(index.length + extra.length);
  const allValue = new Float32Array(index.length + extra.length);
  allIndex.set(index);
  allValue.set(value);
  extra.forEach((h, k) => {
    allIndex[index.length + k] = h & (featureCount - 1);
    allValue[index.length + k] = h & 0x80000000 ? -signalValue : signalValue;
  });
  return { index: allIndex, value: allValue };
}

/** The size of one rule feature, against the n-grams' unit-length vector. */
const signalValue = 0.5;

/** log1p of small counts (multiples of 0.5) from a table: the same numbers, without a log per bucket. */
const log1pHalves = Float64Array.from({ length: 128 }, (_, k) => Math.log1p(k / 2));
function dampen(v: number): number {
  const k = v * 2;
  return k < 128 && k === Math.floor(k) ? log1pHalves[k]! : Math.log1p(v);
}

let squeezeBuffer = new Uint16Array(4096);

/** The text's code units with each whitespace run as one space (a view into a reused buffer). */
function squeeze(text: string): Uint16Array {
  if (squeezeBuffer.length < text.length) squeezeBuffer = new Uint16Array(text.length * 2);
  const out = squeezeBuffer;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isJsSpace(c)) out[n++] = c;
    else if (i === 0 || !isJsSpace(text.charCodeAt(i - 1))) out[n++] = 32;
  }
  return out.subarray(0, n);
}
