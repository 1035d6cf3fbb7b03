// Evaluator for prompt-attacks*.jsonl (issue 5, `npm run eval`): recall over
// `injection` rows, false-positive rate over `benign` rows, per subtype, with
// the worst mistakes listed for tuning by hand.
import {
  emptyConfusion,
  scores,
  tally,
  type Confusion,
  type Evaluator,
  type FileReport,
} from '../../shared/guard/eval-metrics';
import { decisionThreshold, scoreInjection } from '../../shared/guard/injection/detect';

export interface AttackRow {
  id: string;
  text: string;
  label: 'injection' | 'benign';
  subtype: string;
  source: string;
}

/** Rows that do not have the schema's shape are skipped and counted, never guessed at. */
export function parseAttackRow(row: unknown): AttackRow | null {
  if (typeof row !== 'object' || row === null) return null;
  const r = row as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.text !== 'string') return null;
  if (r.label !== 'injection' && r.label !== 'benign') return null;
  return {
    id: r.id,
    text: r.text,
    label: r.label,
    subtype: typeof r.subtype === 'string' ? r.subtype : 'unknown',
    source: typeof r.source === 'string' ? r.source : 'unknown',
  };
}

const worstCount = 10;
const excerpt = (row: AttackRow): string => `${row.id}: ${row.text.replace(/\s+/g, ' ').slice(0, 100)}`;

export const evaluateAttacks: Evaluator = (rows: unknown[]): FileReport => {
  const all = emptyConfusion();
  const perSubtype = new Map<string, Confusion>();
  const perSource = new Map<string, Confusion>();
  const falsePositives: { row: AttackRow; score: number }[] = [];
  const misses: { row: AttackRow; score: number }[] = [];
  let skipped = 0;
  for (const raw of rows) {
    const row = parseAttackRow(raw);
    if (!row) {
      skipped++;
      continue;
    }
    const { score } = scoreInjection(row.text);
    const truth = row.label === 'injection';
    const predicted = score >= decisionThreshold;
    tally(all, truth, predicted);
    for (const [map, key] of [
      [perSubtype, row.subtype],
      [perSource, row.source],
    ] as const) {
      if (!map.has(key)) map.set(key, emptyConfusion());
      tally(map.get(key)!, truth, predicted);
    }
    if (!truth && predicted) falsePositives.push({ row, score });
    if (truth && !predicted) misses.push({ row, score });
  }
  const table = (m: Map<string, Confusion>): Record<string, ReturnType<typeof scores>> =>
    Object.fromEntries([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, c]) => [k, scores(c)]));
  return {
    ...scores(all),
    perCategory: table(perSubtype),
    worstFalsePositives: falsePositives
      .sort((a, b) => b.score - a.score)
      .slice(0, worstCount)
      .map((e) => excerpt(e.row)),
    worstMisses: misses
      .sort((a, b) => a.score - b.score)
      .slice(0, worstCount)
      .map((e) => excerpt(e.row)),
    extra: { perSource: table(perSource), skippedRows: skipped, threshold: decisionThreshold },
  };
};
