// `npm run eval` for content-safety*.jsonl (issue 5): the kid profile's
// verdict per row. Recall over unsafe rows with in_scope true, out-of-scope
// unsafe rows reported apart in `extra`, false-positive rate over safe rows,
// per data category, and the worst mistakes as `id: excerpt`.
import { checkContent } from '../../shared/guard/content/content-filter';
import {
  emptyConfusion,
  scores,
  tally,
  type Confusion,
  type Evaluator,
  type Scores,
} from '../../shared/guard/eval-metrics';
import { isContentRow } from './train-content-lib';

const worstCount = 15;
const excerpt = (id: string, text: string): string => `${id}: ${text.replace(/\s+/g, ' ').slice(0, 90)}`;

export const evaluateContent: Evaluator = (rows) => {
  const main = emptyConfusion();
  const outOfScope = emptyConfusion();
  const perCategory: Record<string, Confusion> = {};
  const perKind: Record<string, Confusion> = {};
  const fps: Array<{ score: number; line: string }> = [];
  const misses: Array<{ score: number; line: string }> = [];
  let invalid = 0;
  for (const raw of rows) {
    if (!isContentRow(raw)) {
      invalid++;
      continue;
    }
    const verdict = checkContent(raw.text, {
      profile: 'kid',
      direction: raw.text_kind === 'model_output' ? 'output' : 'input',
    });
    const predicted = verdict.action === 'block';
    const unsafe = raw.label === 'unsafe';
    if (unsafe && !raw.in_scope) {
      tally(outOfScope, true, predicted);
      continue;
    }
    tally(main, unsafe, predicted);
    const kind = raw.text_kind ?? 'unknown';
    tally((perKind[kind] ??= emptyConfusion()), unsafe, predicted);
    // Safe rows count against every category's false-positive rate, as the README suggests.
    if (unsafe) for (const c of raw.categories) tally((perCategory[c] ??= emptyConfusion()), true, predicted);
    const score = verdict.model?.unsafe ?? verdict.score;
    if (!unsafe && predicted) fps.push({ score, line: excerpt(raw.id, raw.text) });
    if (unsafe && !predicted) misses.push({ score: -score, line: excerpt(raw.id, raw.text) });
  }
  const safeOnly = { fp: main.fp, tn: main.tn };
  const perCategoryScores: Record<string, Scores> = {};
  for (const [c, conf] of Object.entries(perCategory))
    perCategoryScores[c] = scores({ ...conf, ...safeOnly });
  const worst = (list: Array<{ score: number; line: string }>) =>
    list
      .sort((a, b) => b.score - a.score)
      .slice(0, worstCount)
      .map((x) => x.line);
  return {
    ...scores(main),
    perCategory: perCategoryScores,
    worstFalsePositives: worst(fps),
    worstMisses: worst(misses),
    extra: {
      profile: 'kid',
      outOfScopeUnsafe: {
        rows: outOfScope.tp + outOfScope.fn,
        blocked: outOfScope.tp,
        recall: scores(outOfScope).recall,
      },
      perTextKind: Object.fromEntries(Object.entries(perKind).map(([k, c]) => [k, scores(c)])),
      invalidRows: invalid,
    },
  };
};
