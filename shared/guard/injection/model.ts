// The learned half of the injection detector: a logistic regression over the
// hashed features of features.ts. Weights ship as int8 in base64 (model-weights.ts,
// written by electron/eval/train-injection.ts) and are decoded once, lazily.
import { featureCount, type SparseVector } from './features';
import { injectionWeights } from './model-weights';

/** What the training script writes: int8 weights times `scale`, plus a bias. */
export interface InjectionWeights {
  version: string;
  featureBits: number;
  scale: number;
  bias: number;
  /** base64 of featureCount signed bytes. */
  weights: string;
}

const b64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function encodeInt8(values: Int8Array): string {
  let out = '';
  for (let i = 0; i < values.length; i += 3) {
    const a = values[i]! & 0xff;
    const b = i + 1 < values.length ? values[i + 1]! & 0xff : 0;
    const c = i + 2 < values.length ? values[i + 2]! & 0xff : 0;
    const n = (a << 16) | (b << 8) | c;
    out += b64[(n >> 18) & 63]! + b64[(n >> 12) & 63]!;
    out += i + 1 < values.length ? b64[(n >> 6) & 63]! : '=';
    out += i + 2 < values.length ? b64[n & 63]! : '=';
  }
  return out;
}

export function decodeInt8(text: string, length: number): Int8Array {
  const out = new Int8Array(length);
  const value = new Int8Array(128).fill(-1);
  for (let i = 0; i < 64; i++) value[b64.charCodeAt(i)] = i;
  let acc = 0;
  let bits = 0;
  let k = 0;
  for (let i = 0; i < text.length && k < length; i++) {
    const v = value[text.charCodeAt(i) & 127]!;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

let decoded: Float32Array | null = null;

function weights(): Float32Array {
  if (decoded) return decoded;
  const raw = decodeInt8(injectionWeights.weights, featureCount);
  decoded = new Float32Array(featureCount);
  for (let i = 0; i < featureCount; i++) decoded[i] = raw[i]! * injectionWeights.scale;
  return decoded;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Probability (0…1) that the featurized message is an injection or jailbreak. */
export function modelScore(x: SparseVector): number {
  const w = weights();
  let z = injectionWeights.bias;
  for (let j = 0; j < x.index.length; j++) z += w[x.index[j]!]! * x.value[j]!;
  return sigmoid(z);
}

export const modelVersion = (): string => injectionWeights.version;
