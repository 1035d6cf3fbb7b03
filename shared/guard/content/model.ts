// The small learned content model: one logistic-regression head per output
// ("unsafe" plus one per category) over hashed n-grams (features.ts). Weights
// are int8 with one scale per head, shipped as base64 in weights.ts (generated
// by electron/eval/train-content.ts). Pure TypeScript: no Node, no DOM.
import { featureBits, features } from './features';
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
  /** Interleaved: weight of head h for bucket b at b * heads + h, so one feature reads one cache line. */
  private readonly w: Int8Array;

  constructor(private readonly data: ModelWeights) {
    if (data.bits !== featureBits)
      throw new Error(`content model built for ${data.bits} bits, features use ${featureBits}`);
    this.heads = data.heads;
    this.threshold = data.threshold;
    this.version = data.version;
    const size = 1 << data.bits;
    const flat = decodeInt8(data.weights);
    const heads = data.heads.length;
    this.w = new Int8Array(size * heads);
    for (let h = 0; h < heads; h++)
      for (let b = 0; b < size; b++) this.w[b * heads + h] = flat[h * size + b] ?? 0;
  }

  /** Probabilities per head for folded text; empty text scores the biases alone. */
  score(folded: string): ModelScores {
    const heads = this.heads.length;
    const sums = new Float64Array(heads);
    const w = this.w;
    const f = features(folded);
    const n = f.length;
    for (let k = 0; k < n; k++) {
      const base = f[k]! * heads;
      for (let h = 0; h < heads; h++) sums[h] = sums[h]! + w[base + h]!;
    }
    const norm = n > 0 ? 1 / Math.sqrt(n) : 0;
    const out: ModelScores = {};
    for (let h = 0; h < heads; h++) {
      const z = this.data.bias[h]! + sums[h]! * this.data.scales[h]! * norm;
      out[this.heads[h]!] = 1 / (1 + Math.exp(-z));
    }
    return out;
  }
}

let shared: ContentModel | undefined;

/** The shipped model, decoded on first use (about a millisecond) rather than at import. */
export function contentModel(): ContentModel {
  shared ??= new ContentModel(contentWeights);
  return shared;
}
