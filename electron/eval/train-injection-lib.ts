// The injection model's training, apart from file handling so a test can run
// it small: featurize with the shipped code, class-balanced AdaGrad logistic
// regression (seeded), a decision bias placed on out-of-fold scores for a
// target false-positive rate, and the int8 weights file. Same seed and rows,
// same bytes.
import { featureBits, featureCount, featurize, hash } from '../../shared/guard/injection/features';
import type { SparseVector } from '../../shared/guard/injection/features';
import { encodeInt8, sigmoid } from '../../shared/guard/injection/model';
import { scoreRules } from '../../shared/guard/injection/detect';
import { normalize } from '../../shared/guard/normalize';
import { mulberry32 } from '../../shared/seeded-random';

export interface InjectionExample {
  x: SparseVector;
  y: number;
  /** Near-duplicate group (holdout-groups.ts): folds never split a group. */
  group: string;
}

export interface InjectionTrainOptions {
  seed: number;
  epochs: number;
  l2: number;
  rate: number;
  /** Out-of-fold false-positive rate on benign rows at which the decision bias is placed. */
  targetFpr: number;
  folds: number;
}

export const defaultInjectionOptions: InjectionTrainOptions = {
  seed: 20241123,
  epochs: 50,
  l2: 1e-5,
  rate: 0.3,
  targetFpr: 0.025,
  folds: 5,
};

export function injectionExample(text: string, y: number, group: string): InjectionExample {
  const n = normalize(text);
  const rules = scoreRules(n);
  return { x: featurize(n.leet, n.original, rules.families, rules.ruleScore), y, group };
}

export interface LinearModel {
  w: Float64Array;
  b: number;
}

/** Class-balanced SGD with AdaGrad steps over a seeded shuffle. */
export function trainLinear(data: readonly InjectionExample[], opt: InjectionTrainOptions): LinearModel {
  const w = new Float64Array(featureCount);
  const g2 = new Float64Array(featureCount).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  const pos = data.filter((e) => e.y === 1).length;
  const classWeight = [
    data.length / (2 * Math.max(1, data.length - pos)),
    data.length / (2 * Math.max(1, pos)),
  ];
  const random = mulberry32(opt.seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < opt.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y } = data[k]!;
      const g = (sigmoid(logit({ w, b }, x)) - y) * classWeight[y]!;
      for (let j = 0; j < x.index.length; j++) {
        const i = x.index[j]!;
        const grad = g * x.value[j]! + opt.l2 * w[i]!;
        g2[i]! += grad * grad;
        w[i]! -= (opt.rate * grad) / Math.sqrt(g2[i]!);
      }
      gb += g * g;
      b -= (opt.rate * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

export function logit(m: LinearModel, x: SparseVector): number {
  let z = m.b;
  for (let j = 0; j < x.index.length; j++) z += m.w[x.index[j]!]! * x.value[j]!;
  return z;
}

/** Fold of a group: a salted hash, so near-duplicates share a fold and reruns agree. */
export const foldOf = (group: string, folds: number, seed: number): number =>
  hash(`airlock-injection-fold-${seed}:${group}`) % folds;

/** Out-of-fold logits: each row scored by a model that saw neither it nor its near-duplicates. */
export function outOfFold(data: readonly InjectionExample[], opt: InjectionTrainOptions): number[] {
  const z = new Array<number>(data.length).fill(0);
  const fold = data.map((e) => foldOf(e.group, opt.folds, opt.seed));
  for (let f = 0; f < opt.folds; f++) {
    const model = trainLinear(
      data.filter((_, i) => fold[i] !== f),
      opt,
    );
    data.forEach((e, i) => {
      if (fold[i] === f) z[i] = logit(model, e.x);
    });
  }
  return z;
}

/** The logit above which at most `targetFpr` of the benign rows' out-of-fold logits lie. */
export function cutForFpr(
  z: readonly number[],
  data: readonly InjectionExample[],
  targetFpr: number,
): number {
  const benign = z.filter((_, i) => data[i]!.y === 0).sort((a, b) => b - a);
  return benign[Math.floor(targetFpr * benign.length)] ?? 0;
}

/** A trained model whose bias is shifted so the chosen cut sits at probability 0.5. */
export function trainShipped(
  data: readonly InjectionExample[],
  opt: InjectionTrainOptions,
): { model: LinearModel; cut: number; oof: number[] } {
  const oof = outOfFold(data, opt);
  const cut = cutForFpr(oof, data, opt.targetFpr);
  const model = trainLinear(data, opt);
  model.b -= cut;
  return { model, cut, oof };
}

/** The model-weights.ts text: int8 weights (one scale) in base64, formatted as prettier leaves it. */
export function weightsFile(model: LinearModel, seed: number): string {
  let max = 0;
  for (const v of model.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(featureCount);
  for (let i = 0; i < featureCount; i++)
    q[i] = Math.max(-127, Math.min(127, Math.round(model.w[i]! / scale)));
  const encoded = encodeInt8(q);
  const version = `lr-${featureBits}b-${hash(encoded).toString(16)}`;
  return (
    `// Written by electron/eval/train-injection.ts (seed ${seed}); do not edit by hand.\n` +
    `import type { InjectionWeights } from './model';\n\n` +
    `export const injectionWeights: InjectionWeights = {\n` +
    `  version: '${version}',\n  featureBits: ${featureBits},\n  scale: ${scale},\n  bias: ${model.b},\n` +
    `  weights:\n    '${encoded}',\n};\n`
  );
}
