// Trains the injection model (shared/guard/injection/model-weights.ts): logistic
// regression over hashed n-grams and the rule signals, seeded, so a rerun
// writes the same bytes.
//
//   node_modules/.bin/esbuild electron/eval/train-injection.ts --bundle --platform=node \
//     --format=cjs --outfile=dist/eval/train-injection.cjs && \
//   nice -n 10 node dist/eval/train-injection.cjs --data ../shared/eval [--seed N] [--write | --out FILE] [--mistakes]
//     [--fpr 0.025] [--epochs 50] [--l2 1e-5]
//
// Licences: trains only on rows from the sources in `trainableSources` (MIT /
// ODC-BY per the data README) and on our own seeded synthetic rows; ToxicChat
// (CC-BY-NC) and Tensor Trust (no licence) are only measured. First the whole
// procedure runs with `--holdout` of the permitted rows held out by
// near-duplicate group (holdout-groups.ts) and prints figures for that part and
// for the never-trained sources; then the shipped model trains on every
// permitted row.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAttackRow, type AttackRow } from './attacks-eval';
import { groupHeldOut, nearDuplicateGroups } from './holdout-groups';
import { trainableSources } from './injection-split';
import { extraBenign, extraInjection } from './injection-extra';
import { syntheticInjectionRows } from './injection-synthetic';
import {
  defaultInjectionOptions,
  injectionExample,
  logit,
  trainShipped,
  weightsFile,
  type InjectionExample,
} from './train-injection-lib';

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

function line(label: string, rows: Array<{ y: number; hit: boolean }>): string {
  const pos = rows.filter((r) => r.y === 1);
  const neg = rows.filter((r) => r.y === 0);
  const tp = pos.filter((r) => r.hit).length;
  const fp = neg.filter((r) => r.hit).length;
  const recall = pos.length ? (tp / pos.length).toFixed(3) : '  -  ';
  const fpr = neg.length ? (fp / neg.length).toFixed(3) : '  -  ';
  return `  ${label.padEnd(28)} recall ${recall} (${tp}/${pos.length})  fpr ${fpr} (${fp}/${neg.length})`;
}

/**
 * Recall and false-positive rate with each source weighted by its share of the
 * data file's rows of that label, so the figure reads as a prediction for a
 * split built like it (the held-out part over-represents the never-trained sources).
 */
function mixWeighted(
  rows: readonly AttackRow[],
  judged: ReadonlyArray<{ r: AttackRow; y: number; hit: boolean }>,
): string {
  const part = (y: number): string => {
    const label = y === 1 ? 'injection' : 'benign';
    const share = new Map<string, number>();
    for (const r of rows) if (r.label === label) share.set(r.source, (share.get(r.source) ?? 0) + 1);
    let sum = 0;
    let weight = 0;
    for (const [source, count] of share) {
      const mine = judged.filter((j) => j.r.source === source && j.y === y);
      if (mine.length === 0) continue;
      sum += (count * mine.filter((j) => j.hit).length) / mine.length;
      weight += count;
    }
    return (sum / Math.max(1, weight)).toFixed(3);
  };
  return `recall ${part(1)}  fpr ${part(0)}`;
}

function main(): void {
  const args = process.argv.slice(2);
  const flag = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dir = resolve(flag('--data') ?? join(process.cwd(), '..', 'shared', 'eval'));
  const holdout = Number(flag('--holdout') ?? '0.3');
  const d = defaultInjectionOptions;
  const opt = {
    ...d,
    seed: Number(flag('--seed') ?? d.seed),
    targetFpr: Number(flag('--fpr') ?? d.targetFpr),
    epochs: Number(flag('--epochs') ?? d.epochs),
    l2: Number(flag('--l2') ?? d.l2),
  };
  const out =
    flag('--out') ?? (args.includes('--write') ? 'shared/guard/injection/model-weights.ts' : undefined);

  const rows = readRows(dir);
  const permitted = rows.filter((r) => trainableSources.has(r.source));
  const measured = rows.filter((r) => !trainableSources.has(r.source));
  const groups = nearDuplicateGroups(permitted.map((r) => r.text)).map((g) => permitted[g]!.id);
  const ours: InjectionExample[] = [
    ...extraBenign.map((t, i) => injectionExample(t, 0, `extra-benign:${i}`)),
    ...extraInjection.map((t, i) => injectionExample(t, 1, `extra-injection:${i}`)),
    ...syntheticInjectionRows(opt.seed).map((r, i) =>
      injectionExample(r.text, r.y, `synthetic:${r.group}:${i}`),
    ),
  ];
  const examples = permitted.map((r, i) =>
    injectionExample(r.text, r.label === 'injection' ? 1 : 0, groups[i]!),
  );
  console.error(
    `${permitted.length} licensed rows in ${new Set(groups).size} near-duplicate groups, ${ours.length} of ours; ` +
      `measured only: ${measured.length} (${[...new Set(measured.map((r) => r.source))].join(', ')})`,
  );

  // 1. The procedure with a group held out, for honest figures.
  const held = permitted.map((_, i) => groupHeldOut(groups[i]!, holdout));
  const trial = trainShipped([...examples.filter((_, i) => !held[i]), ...ours], opt);
  const score = (x: InjectionExample): boolean => logit(trial.model, x.x) >= 0;
  const heldRows = permitted.flatMap((r, i) => (held[i] ? [{ r, e: examples[i]! }] : []));
  const measuredRows = measured.map((r) => ({
    r,
    e: injectionExample(r.text, r.label === 'injection' ? 1 : 0, r.id),
  }));
  const judged = [...heldRows, ...measuredRows].map(({ r, e }) => ({ r, y: e.y, hit: score(e) }));
  console.error(`held-out figures (trained without ${holdout} of the licensed groups):`);
  for (const source of [...new Set(judged.map((j) => j.r.source))].sort())
    console.error(
      line(
        source,
        judged.filter((j) => j.r.source === source),
      ),
    );
  console.error(line('held-out licensed rows', judged.slice(0, heldRows.length)));
  console.error(line('never-trained sources', judged.slice(heldRows.length)));
  console.error(line('all held-out rows', judged));
  console.error(`  ${'weighted to the data mix'.padEnd(28)} ${mixWeighted(rows, judged)}`);
  if (args.includes('--mistakes'))
    for (const j of judged.filter((j) => j.hit !== (j.y === 1)))
      console.error(
        `  ${j.hit ? 'false positive' : 'miss'} ${j.r.id}: ${j.r.text.replace(/\s+/g, ' ').slice(0, 120)}`,
      );

  // 2. The shipped model, on every permitted row.
  const shipped = trainShipped([...examples, ...ours], opt);
  const body = weightsFile(shipped.model, opt.seed);
  console.error(`bias shift ${shipped.cut.toFixed(3)} for out-of-fold fpr ${opt.targetFpr}`);
  if (out) {
    writeFileSync(resolve(out), body);
    console.error(`wrote ${out} (${(body.length / 1024).toFixed(0)} KB)`);
  }
}

main();
