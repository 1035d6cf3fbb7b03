import { describe, expect, it } from 'vitest';
import { emptyConfusion, scores, tally } from './eval-metrics';
import { allow, strictest } from './verdict';

describe('verdicts', () => {
  it('merge to the strictest action', () => {
    expect(strictest([])).toBe('allow');
    expect(strictest(['warn', 'allow'])).toBe('warn');
    expect(strictest(['redact', 'block', 'warn'])).toBe('block');
    expect(allow('pii', '1')).toMatchObject({ action: 'allow', spans: [], score: 0 });
  });

  it('score a confusion with the issue’s definitions', () => {
    const c = emptyConfusion();
    for (const [truth, predicted] of [
      [true, true],
      [true, true],
      [true, false],
      [false, true],
      [false, false],
      [false, false],
      [false, false],
    ] as const)
      tally(c, truth, predicted);
    const s = scores(c);
    expect(s).toMatchObject({ tp: 2, fn: 1, fp: 1, tn: 3 });
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.precision).toBeCloseTo(2 / 3);
    expect(s.fpr).toBeCloseTo(1 / 4);
    expect(s.f1).toBeCloseTo(2 / 3);
    expect(scores(emptyConfusion()).precision).toBe(0);
  });
});
