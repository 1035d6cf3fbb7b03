import { describe, expect, it } from 'vitest';
import { syntheticContentRows } from './content-synthetic';
import { contentWeightsFile, defaultTrainOptions, trainContent, type ContentRow } from './train-content-lib';

// A small run on our own synthetic rows (tests never read ../shared/eval).
const small = { ...defaultTrainOptions, epochs: 2 };
const rows: ContentRow[] = syntheticContentRows(11, 3).map((r, i) => ({
  id: `s:${i}`,
  text: r.text,
  label: r.label,
  categories: r.categories,
  in_scope: true,
  source: 'airlock_synthetic',
}));
const groups = syntheticContentRows(11, 3).map((r) => r.group);

describe('content training', () => {
  it('writes the same weights text for the same seed and rows', () => {
    const a = contentWeightsFile(trainContent(rows, groups, small), rows.length, small.seed);
    const b = contentWeightsFile(trainContent(rows, groups, small), rows.length, small.seed);
    expect(a).toBe(b);
    expect(a).toContain(`version: 'content-lr-s${small.seed}-n${rows.length}'`);
    const other = contentWeightsFile(trainContent(rows, groups, { ...small, seed: 5 }), rows.length, 5);
    expect(other).not.toBe(a);
  });

  it('makes the same synthetic rows for a seed, with safe and unsafe contrasts', () => {
    expect(syntheticContentRows(11, 3)).toEqual(syntheticContentRows(11, 3));
    expect(rows.filter((r) => r.label === 'safe').length).toBeGreaterThan(10);
    expect(rows.filter((r) => r.label === 'unsafe').length).toBeGreaterThan(10);
    expect(new Set(rows.map((r) => r.text)).size).toBe(rows.length);
  });
});
