// Trains the family content model and writes shared/guard/content/weights.ts.
//   node_modules/.bin/esbuild electron/eval/train-content.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=dist/eval/train-content.mjs && \
//   nice -n 10 node dist/eval/train-content.mjs --data ../shared/eval [--seed N] [--out FILE] [--dry] [--mistakes]
// Reproducible: fixed seed, folds by salted hash, and only rows whose source
// licence permits it (trainableSources) plus our own seeded synthetic rows.
// First the whole procedure runs with `--holdout` of the permitted rows held
// out by near-duplicate group and prints figures for that part and for the
// never-trained sources (ToxicChat); then the shipped model trains on every
// permitted row, its kid threshold picked on out-of-fold scores.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { decisiveRulesFire } from '../../shared/guard/content/content-filter';
import { syntheticContentRows } from './content-synthetic';
import { extraBenignRows } from './content-extra-benign';
import { groupHeldOut, nearDuplicateGroups } from './holdout-groups';
import {
  contentWeightsFile,
  defaultTrainOptions,
  isContentRow,
  trainableSources,
  trainContent,
  type ContentRow,
  type Scored,
} from './train-content-lib';

function args(argv: string[]) {
  const flag = (name: string): string | undefined => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    data: resolve(flag('--data') ?? '../shared/eval'),
    out: resolve(flag('--out') ?? 'shared/guard/content/weights.ts'),
    seed: Number(flag('--seed') ?? defaultTrainOptions.seed),
    holdout: Number(flag('--holdout') ?? '0.3'),
    dry: argv.includes('--dry'),
    mistakes: argv.includes('--mistakes'),
  };
}

function load(dir: string): ContentRow[] {
  const rows: ContentRow[] = [];
  for (const name of readdirSync(dir).filter((n) => n.startsWith('content-safety') && n.endsWith('.jsonl'))) {
    for (const line of readFileSync(join(dir, name), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row: unknown = JSON.parse(line);
      if (isContentRow(row)) rows.push(row);
    }
  }
  return rows;
}

/** Recall over in-scope unsafe rows and false-positive rate over safe rows, rules or model. */
function report(label: string, scored: Scored[], threshold: number, perCategory = false): void {
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  const cats: Record<string, [number, number]> = {};
  for (const { p, rule, row } of scored) {
    const hit = p >= threshold || rule;
    if (row.label === 'safe') {
      if (hit) fp++;
      else tn++;
    } else if (row.in_scope) {
      if (hit) tp++;
      else fn++;
      for (const c of row.categories) (cats[c] ??= [0, 0])[hit ? 0 : 1]++;
    }
  }
  const recall = tp / Math.max(1, tp + fn);
  const fpr = fp / Math.max(1, fp + tn);
  console.log(
    `  ${label.padEnd(34)} recall ${recall.toFixed(3)} (${tp}/${tp + fn})  fpr ${fpr.toFixed(3)} (${fp}/${fp + tn})`,
  );
  if (perCategory)
    console.log(
      '    ' +
        Object.entries(cats)
          .sort()
          .map(([c, [hit, miss]]) => `${c} ${hit}/${hit + miss}`)
          .join(', '),
    );
}

/**
 * Kid recall (in-scope unsafe rows) and false-positive rate with each source
 * weighted by its share of the data file's rows of that label, so the figure
 * reads as a prediction for a split built like it.
 */
function mixWeighted(rows: readonly ContentRow[], scored: readonly Scored[], threshold: number): string {
  const part = (label: 'safe' | 'unsafe'): string => {
    const share = new Map<string, number>();
    for (const r of rows)
      if (r.label === label && (label === 'safe' || r.in_scope))
        share.set(r.source, (share.get(r.source) ?? 0) + 1);
    let sum = 0;
    let weight = 0;
    for (const [source, count] of share) {
      const mine = scored.filter(
        (s) => s.row.source === source && s.row.label === label && (label === 'safe' || s.row.in_scope),
      );
      if (mine.length === 0) continue;
      sum += (count * mine.filter((s) => s.p >= threshold || s.rule).length) / mine.length;
      weight += count;
    }
    return (sum / Math.max(1, weight)).toFixed(3);
  };
  return `recall ${part('unsafe')}  fpr ${part('safe')}`;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const opt = { ...defaultTrainOptions, seed: a.seed };
  const all = load(a.data);
  const ours: ContentRow[] = [
    ...extraBenignRows.map((text, i) => ({
      id: `airlock_extra:${i}`,
      text,
      label: 'safe' as const,
      categories: [],
      in_scope: true,
      source: 'airlock_extra',
    })),
    ...syntheticContentRows(opt.seed).map((r, i) => ({
      id: `airlock_synthetic:${r.group}:${i}`,
      text: r.text,
      label: r.label,
      categories: r.categories,
      in_scope: true,
      source: 'airlock_synthetic',
    })),
  ];
  const permitted = all.filter((r) => r.source in trainableSources);
  const measured = all.filter((r) => !(r.source in trainableSources));
  const groups = nearDuplicateGroups(permitted.map((r) => r.text)).map((g) => permitted[g]!.id);
  const ourGroups = ours.map((r) => r.id.replace(/:\d+$/, ''));
  console.log(
    `${permitted.length} licensed rows in ${new Set(groups).size} near-duplicate groups, ${ours.length} of ours; ` +
      `measured only: ${measured.length} (${[...new Set(measured.map((r) => r.source))].join(', ')})`,
  );

  // 1. The procedure with a part held out by group, for honest figures.
  const held = permitted.map((_, i) => groupHeldOut(groups[i]!, a.holdout));
  const trial = trainContent(
    [...permitted.filter((_, i) => !held[i]), ...ours],
    [...groups.filter((_, i) => !held[i]), ...ourGroups],
    opt,
  );
  const score = (row: ContentRow): Scored => ({
    p: trial.predict(row.text),
    rule: decisiveRulesFire(row.text),
    row,
  });
  const heldScored = permitted.filter((_, i) => held[i]).map(score);
  const measuredScored = measured.map(score);
  console.log(`kid threshold ${trial.threshold.toFixed(4)} (out-of-fold); held-out figures:`);
  report('out-of-fold, training part', trial.oof, trial.threshold);
  report('held-out licensed rows', heldScored, trial.threshold, true);
  report('never-trained sources', measuredScored, trial.threshold, true);
  report('all held-out rows', [...heldScored, ...measuredScored], trial.threshold);
  console.log(
    `  ${'weighted to the data mix'.padEnd(34)} ${mixWeighted(all, [...heldScored, ...measuredScored], trial.threshold)}`,
  );
  if (a.mistakes)
    for (const s of [...heldScored, ...measuredScored]) {
      const hit = s.p >= trial.threshold || s.rule;
      if (hit === (s.row.label === 'unsafe') || (s.row.label === 'unsafe' && !s.row.in_scope)) continue;
      console.log(
        `  ${hit ? 'false positive' : 'miss'} ${s.p.toFixed(2)} ${s.row.id}: ${s.row.text.replace(/\s+/g, ' ').slice(0, 110)}`,
      );
    }
  if (a.dry) return;

  // 2. The shipped model, on every permitted row.
  const shipped = trainContent([...permitted, ...ours], [...groups, ...ourGroups], opt);
  console.log(`shipped kid threshold ${shipped.threshold.toFixed(4)}`);
  // Formatted by the repo's prettier settings, so the lint and a rerun agree byte for byte.
  const raw = contentWeightsFile(shipped, permitted.length + ours.length, opt.seed);
  const shippedPath = resolve('shared/guard/content/weights.ts');
  const body = await format(raw, { ...(await resolveConfig(shippedPath)), filepath: shippedPath });
  writeFileSync(a.out, body);
  console.log(`wrote ${a.out} (${(body.length / 1024).toFixed(0)} KB)`);
}

void main();
