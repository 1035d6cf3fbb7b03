import { describe, expect, it } from 'vitest';
import { syntheticInjectionRows } from './injection-synthetic';
import { defaultInjectionOptions, injectionExample, trainShipped, weightsFile } from './train-injection-lib';

// A small run on our own synthetic rows (tests never read ../shared/eval).
const small = { ...defaultInjectionOptions, epochs: 2, folds: 2 };
const rows = syntheticInjectionRows(7, 2);
const examples = rows.map((r, i) => injectionExample(r.text, r.y, `${r.group}:${i}`));

describe('injection training', () => {
  it('writes the same weights file byte for byte for the same seed', () => {
    const a = weightsFile(trainShipped(examples, small).model, small.seed);
    const b = weightsFile(trainShipped(examples, small).model, small.seed);
    expect(a).toBe(b);
    expect(a).toMatch(/version: 'lr-16b-[0-9a-f]+'/);
    const other = weightsFile(trainShipped(examples, { ...small, seed: 99 }).model, 99);
    expect(other).not.toBe(a);
  });

  it('makes the same synthetic rows for a seed, both kinds, no duplicates', () => {
    expect(syntheticInjectionRows(7, 2)).toEqual(rows);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
    expect(rows.some((r) => r.y === 0) && rows.some((r) => r.y === 1)).toBe(true);
  });

  it('places the decision bias at the target false-positive rate of its out-of-fold scores', () => {
    const { oof, cut } = trainShipped(examples, small);
    const benign = oof.filter((_, i) => examples[i]!.y === 0);
    const above = benign.filter((z) => z > cut).length;
    expect(above).toBeLessThanOrEqual(Math.floor(small.targetFpr * benign.length));
  });
});
