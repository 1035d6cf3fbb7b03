// The small learned content model: one logistic-regression head per output
// ("unsafe" plus one per category) over hashed n-grams (features.ts). Weights
// are int8 with one scale per head, shipped as base64 in weights.ts (generated
// by electron/eval/train-content.ts). Pure TypeScript: no Node, no DOM.
import { featureBits, features, ruleFeatureValue, ruleFeatures } from './features';
import { contentWeights } from './weights';

export interface ModelWeights {
  version: string;
  bits: number;
  heads: string[];
  /** Per head: dequantized weight = int8 * scale. */
  scales: number[];
  bias: number[];
  /** heads.length × 2^bits int8 values, head after head, base64. */
  weights: string;
  /** Kid-profile threshold on the "unsafe" head, chosen on held-out folds by the training script. */
  threshold: number;
}

export interface ModelScores {
  /** Probability per head, e.g. {unsafe: 0.93, violence: 0.81, …}. */
  [head: string]: number;
}

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 to signed bytes without atob or Buffer (neither is in shared/'s lib). */
export function decodeInt8(b64: string): Int8Array {
  const lookup = new Int16Array(128).fill(-1);
  for (let i = 0; i < alphabet.length; i++) lookup[alphabet.charCodeAt(i)] = i;
  const clean = b64.replace(/=+$/, '');
  const out = new Int8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = lookup[clean.charCodeAt(i)] ?? -1;
    if (v < 0) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

export class ContentModel {
  readonly heads: readonly string[];
  readonly threshold: number;
  readonly version: string;
  /** Interleaved: weight of head h for bucket b at b * stride + h, so one feature reads one cache line. */
  private readonly w: Int8Array;
  /** Heads padded to 8, so the scoring loop is unrolled and reads at fixed offsets. */
  private readonly stride: number;

  constructor(private readonly data: ModelWeights) {
    if (data.bits !== featureBits)
      throw new Error(`content model built for ${data.bits} bits, features use ${featureBits}`);
    this.heads = data.heads;
    this.threshold = data.threshold;
    this.version = data.version;
    const size = 1 << data.bits;
    const flat = decodeInt8(data.weights);
    const heads = data.heads.length;
    this.stride = heads <= 8 ? 8 : heads;
    this.w = new Int8Array(size * this.stride);
    for (let h = 0; h < heads; h++)
      for (let b = 0; b < size; b++) this.w[b * this.stride + h] = flat[h * size + b] ?? 0;
  }

  /** Probabilities per head for the model's text view and the rules that fired (model-input.ts); empty text scores the biases alone. */
  score(view: string, ruleKeys: readonly string[] = []): ModelScores {
    const heads = this.heads.length;
    const f = features(view);
    const n = f.length;
    const sums = this.stride === 8 ? sum8(this.w, f) : sumAny(this.w, f, this.stride);
    const r = ruleFeatures(ruleKeys);
    const rules = this.stride === 8 ? sum8(this.w, r) : sumAny(this.w, r, this.stride);
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
    const out: ModelScores = {};
    for (let h = 0; h < heads; h++) {
      const z =
        this.data.bias[h]! +
        sums[h]! * this.data.scales[h]! * norm +
        rules[h]! * this.data.scales[h]! * ruleFeatureValue;
      out[this.heads[h]!] = 1 / (1 + Math.exp(-z));
    }
    return out;
  }
}

// Sums of int8 weights are integers (exact in any order), so these give the very
// numbers the plain per-head loop gave, only faster: eight local accumulators.
function sum8(w: Int8Array, f: Int32Array): number[] {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0,
    s4 = 0,
    s5 = 0,
    s6 = 0,
    s7 = 0;
  for (let k = 0; k < f.length; k++) {
    const b = f[k]! << 3;
    s0 += w[b]!;
    s1 += w[b + 1]!;
    s2 += w[b + 2]!;
    s3 += w[b + 3]!;
    s4 += w[b + 4]!;
    s5 += w[b + 5]!;
    s6 += w[b + 6]!;
    s7 += w[b + 7]!;
  }
  return [s0, s1, s2, s3, s4, s5, s6, s7];
}

function sumAny(w: Int8Array, f: Int32Array, stride: number): number[] {
  const sums = new Array<number>(stride).fill(0);
  for (let k = 0; k < f.length; k++) {
    const base = f[k]! * stride;
    for (let h = 0; h < stride; h++) sums[h] = sums[h]! + w[base + h]!;
  }
  return sums;
}

let shared: ContentModel | undefined;

/** The shipped model, decoded on first use (about a millisecond) rather than at import. */
export function contentModel(): ContentModel {
  shared ??= new ContentModel(contentWeights);
  return shared;
}
