// Trains the injection model (shared/guard/injection/model-weights.ts): logistic
// regression over hashed n-grams, seeded, so a rerun writes the same bytes.
//
//   node_modules/.bin/esbuild electron/eval/train-injection.ts --bundle --platform=node \
//     --format=cjs --outfile=dist/eval/train-injection.cjs && \
//   node dist/eval/train-injection.cjs --data ../shared/eval [--write] [--holdout 0.3]
//
// Licences: trains only on rows from the sources in `trainableSources` (MIT /
// ODC-BY per the data README); ToxicChat (CC-BY-NC) and Tensor Trust (no
// licence) are used for measurement only. A salted hash of each row id keeps
// `--holdout` of dev out of training, and figures are printed for that part.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  featureBits,
  featureCount,
  featurize,
  hash,
  type SparseVector,
} from '../../shared/guard/injection/features';
import { encodeInt8, sigmoid } from '../../shared/guard/injection/model';
import { normalize } from '../../shared/guard/normalize';
import { scoreRules } from '../../shared/guard/injection/detect';
import { extraBenign, extraInjection } from './injection-extra';
import { parseAttackRow, type AttackRow } from './attacks-eval';
import { isHeldOut, trainableSources } from './injection-split';
import { mulberry32 } from '../../shared/seeded-random';

const seed = 20241123;
const epochs = 30;
const l2 = 1e-5;
const rate = 0.3;
/** Target false-positive rate on out-of-fold benign rows when placing the bias. */
const targetFpr = 0.02;

interface Example {
  x: SparseVector;
  y: number;
  row?: AttackRow;
}

function example(text: string, y: number, row?: AttackRow): Example {
  const n = normalize(text);
  return { x: featurize(n.leet, n.original, scoreRules(n).families), y, row };
}

/** Class-balanced SGD with AdaGrad steps; returns dense weights and bias. */
function train(data: Example[]): { w: Float64Array; b: number } {
  const w = new Float64Array(featureCount);
  const g2 = new Float64Array(featureCount).fill(1e-8);
  let b = 0;
  let gb = 1e-8;
  const pos = data.filter((e) => e.y === 1).length;
  const classWeight = [data.length / (2 * (data.length - pos)), data.length / (2 * pos)];
  const random = mulberry32(seed);
  const order = data.map((_, i) => i);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const k of order) {
      const { x, y } = data[k]!;
      let z = b;
      for (let j = 0; j < x.index.length; j++) z += w[x.index[j]!]! * x.value[j]!;
      const g = (sigmoid(z) - y) * classWeight[y]!;
      for (let j = 0; j < x.index.length; j++) {
        const i = x.index[j]!;
        const grad = g * x.value[j]! + l2 * w[i]!;
        g2[i]! += grad * grad;
        w[i]! -= (rate * grad) / Math.sqrt(g2[i]!);
      }
      gb += g * g;
      b -= (rate * g) / Math.sqrt(gb);
    }
  }
  return { w, b };
}

const logit = (m: { w: Float64Array; b: number }, x: SparseVector): number => {
  let z = m.b;
  for (let j = 0; j < x.index.length; j++) z += m.w[x.index[j]!]! * x.value[j]!;
  return z;
};

/** 5-fold out-of-fold logits, so the bias shift is chosen on rows each model did not see. */
function outOfFold(data: Example[]): number[] {
  const folds = 5;
  const z = new Array<number>(data.length).fill(0);
  for (let f = 0; f < folds; f++) {
    const model = train(data.filter((_, i) => i % folds !== f));
    data.forEach((e, i) => {
      if (i % folds === f) z[i] = logit(model, e.x);
    });
  }
  return z;
}

function readRows(dir: string): AttackRow[] {
  const files = readdirSync(dir).filter((f) => f.startsWith('prompt-attacks') && f.endsWith('.jsonl'));
  return files.flatMap((f) =>
    readFileSync(join(dir, f), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => parseAttackRow(JSON.parse(l) as unknown))
      .filter((r): r is AttackRow => r !== null),
  );
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = flag('--data') ?? join(process.cwd(), '..', 'shared', 'eval');
  const holdout = Number(flag('--holdout') ?? '0.3');
  const rows = readRows(dir);
  const trainRows = rows.filter((r) => trainableSources.has(r.source) && !isHeldOut(r.id, holdout));
  const data = [
    ...trainRows.map((r) => example(r.text, r.label === 'injection' ? 1 : 0, r)),
    ...extraBenign.map((t) => example(t, 0)),
    ...extraInjection.map((t) => example(t, 1)),
  ];
  console.error(
    `training on ${data.length} rows (${trainRows.length} licensed dev rows, holdout ${holdout})`,
  );

  const oof = outOfFold(data);
  const benign = oof.filter((_, i) => data[i]!.y === 0).sort((a, b) => b - a);
  const cut = benign[Math.floor(targetFpr * benign.length)] ?? 0;
  const model = train(data);
  // Shift the bias so that the out-of-fold cut lands on probability 0.5.
  model.b -= cut;
  const oofRecall =
    oof.filter((z, i) => data[i]!.y === 1 && z > cut).length / data.filter((e) => e.y === 1).length;
  console.error(
    `out-of-fold: recall ${oofRecall.toFixed(3)} at fpr ≈ ${targetFpr} (bias shift ${cut.toFixed(3)})`,
  );

  let max = 0;
  for (const v of model.w) max = Math.max(max, Math.abs(v));
  const scale = max / 127 || 1;
  const q = new Int8Array(featureCount);
  for (let i = 0; i < featureCount; i++)
    q[i] = Math.max(-127, Math.min(127, Math.round(model.w[i]! / scale)));
  const version = `lr-${featureBits}b-${hash(encodeInt8(q)).toString(16)}`;
  const body =
    `// Written by electron/eval/train-injection.ts (seed ${seed}); do not edit by hand.\n` +
    `import type { InjectionWeights } from './model';\n\n` +
    `export const injectionWeights: InjectionWeights = {\n` +
    `  version: '${version}',\n  featureBits: ${featureBits},\n  scale: ${scale},\n  bias: ${model.b},\n` +
    `  weights:\n    '${encodeInt8(q)}',\n};\n`;
  if (args.includes('--write')) {
    writeFileSync(join(process.cwd(), 'shared/guard/injection/model-weights.ts'), body);
    console.error(`wrote model-weights.ts (${version}, ${(body.length / 1024).toFixed(0)} KB)`);
  }
}

main();
