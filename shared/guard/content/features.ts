// Hashed n-gram features for the learned content model: word unigrams and
// bigrams plus character 3-5-grams inside each word (padded with spaces), all
// hashed into 2^bits buckets, and one bucket per rule that fired. One pass over
// the text (model-input.ts's view), no strings built per n-gram, so a 4 KB
// message costs well under a millisecond. The training script
// (electron/eval/train-content.ts) calls these very functions, so what is
// learned is what runs.

export const featureBits = 16;
const mask = (1 << featureBits) - 1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// Different seeds keep "word: ass" and "char-gram: ass" in different buckets.
const SEED_WORD = 0x9e3779b1;
const SEED_CHAR = FNV_OFFSET;
const SEED_RULE = 0x2545f491;

const isWordChar = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 39;

let scratch = new Int32Array(4096);

/**
 * The n-gram buckets of the model's text view, one entry per occurrence (a view into a
 * reused buffer: copy it before the next call). The model divides by the
 * square root of the count, so long and short texts score on one scale.
 */
export function features(folded: string): Int32Array {
  const n = folded.length;
  // At most three char-grams per character plus two word features per word.
  const need = n * 5 + 8;
  if (scratch.length < need) scratch = new Int32Array(need);
  const out = scratch;
  let count = 0;
  let prevWord = 0;
  let i = 0;
  while (i < n) {
    while (i < n && !isWordChar(folded.charCodeAt(i))) i++;
    const start = i;
    while (i < n && isWordChar(folded.charCodeAt(i))) i++;
    if (i === start) break;
    // Word unigram, and the bigram with the word before it.
    let hw = SEED_WORD;
    for (let k = start; k < i; k++) hw = Math.imul(hw ^ folded.charCodeAt(k), FNV_PRIME);
    out[count++] = (hw >>> 0) & mask;
    if (prevWord !== 0) out[count++] = (Math.imul(prevWord ^ (hw >>> 7), FNV_PRIME) >>> 0) & mask;
    prevWord = hw | 1;
    // Character 3-, 4- and 5-grams of " word ", positions start-1 and i standing for the spaces.
    for (let s = start - 1; s <= i - 2; s++) {
      let h = SEED_CHAR;
      for (let k = s; k < s + 5 && k <= i; k++) {
        const c = k < start || k === i ? 32 : folded.charCodeAt(k);
        h = Math.imul(h ^ c, FNV_PRIME);
        if (k - s >= 2) out[count++] = (h >>> 0) & mask;
      }
    }
  }
  return out.subarray(0, count);
}

/** A rule feature's value: fixed, so a rule hit weighs the same in a tweet and in a long story. */
export const ruleFeatureValue = 1;

/** The bucket of each rule key (model-input.ts ruleKeys), in the keys' order. */
export function ruleFeatures(keys: readonly string[]): Int32Array {
  const out = new Int32Array(keys.length);
  keys.forEach((key, k) => {
    let h = SEED_RULE;
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), FNV_PRIME);
    out[k] = (h >>> 0) & mask;
  });
  return out;
}
