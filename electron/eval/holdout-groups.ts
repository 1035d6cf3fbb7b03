// Honest held-out splits for the training scripts. Public jailbreak and hate
// sets hold near-duplicates (one DAN template with a different opening, one
// HateCheck sentence with another group named); a row-level split puts one
// copy in training and its twin in the "held-out" part, and the figure then
// flatters the model. So rows are first joined into groups of near-duplicates
// and whole groups are held out, by a salted hash: the same on every run.
import { foldText } from '../../shared/guard/normalize';
import { hash } from '../../shared/guard/injection/features';

/** Word n-gram length used as the near-duplicate fingerprint. */
const shingle = 5;
/** Two rows are near-duplicates when this share of the smaller one's shingles is in the other. */
const containment = 0.5;

function shingles(text: string): Set<number> {
  const words = foldText(text).match(/[a-z0-9']+/g) ?? [];
  const out = new Set<number>();
  if (words.length < shingle) {
    // Short rows: all words but the one most likely swapped (the longest), so "I hate X" templates meet.
    const longest = words.reduce((a, w, i) => (w.length > words[a]!.length ? i : a), 0);
    out.add(hash('short:' + words.filter((_, i) => i !== longest).join(' ')));
    return out;
  }
  for (let i = 0; i + shingle <= words.length; i++) out.add(hash(words.slice(i, i + shingle).join(' ')));
  return out;
}

/** For each text, the index of its group's first member (union-find over near-duplicate pairs). */
export function nearDuplicateGroups(texts: readonly string[]): number[] {
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const sets = texts.map(shingles);
  const byShingle = new Map<number, number[]>();
  sets.forEach((s, i) => {
    for (const h of s) {
      const list = byShingle.get(h);
      if (list) list.push(i);
      else byShingle.set(h, [i]);
    }
  });
  const shared = new Map<number, number>();
  sets.forEach((s, i) => {
    shared.clear();
    for (const h of s) for (const j of byShingle.get(h)!) if (j > i) shared.set(j, (shared.get(j) ?? 0) + 1);
    for (const [j, count] of shared) {
      if (count / Math.min(s.size, sets[j]!.size) >= containment) parent[find(j)] = find(i);
    }
  });
  return texts.map((_, i) => find(i));
}

/** Whether a group (named by any stable key, e.g. its first member's id) is in the held-out part. */
export function groupHeldOut(key: string, fraction: number): boolean {
  return (hash('airlock-group-holdout:' + key) % 1000) / 1000 < fraction;
}

/** Stable fold (0…folds-1) for a group, for cross-validation that keeps near-duplicates together. */
export function groupFold(key: string, folds: number, seed: number): number {
  return hash(`airlock-fold-${seed}:` + key) % folds;
}
