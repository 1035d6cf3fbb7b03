// The figures `npm run eval` prints for every filter, with the definitions
// issue 5 fixes: recall over positives, false-positive rate over negatives.

export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

export interface Scores extends Confusion {
  precision: number;
  recall: number;
  fpr: number;
  f1: number;
}

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

export function scores(c: Confusion): Scores {
  const precision = ratio(c.tp, c.tp + c.fp);
  const recall = ratio(c.tp, c.tp + c.fn);
  return {
    ...c,
    precision,
    recall,
    fpr: ratio(c.fp, c.fp + c.tn),
    f1: ratio(2 * precision * recall, precision + recall),
  };
}

/** Adds one labelled decision to a confusion count. */
export function tally(c: Confusion, truth: boolean, predicted: boolean): void {
  if (truth && predicted) c.tp++;
  else if (truth) c.fn++;
  else if (predicted) c.fp++;
  else c.tn++;
}

export const emptyConfusion = (): Confusion => ({ tp: 0, fp: 0, tn: 0, fn: 0 });

/** One data file's result, as `npm run eval -- --json` prints it under `files.<name>`. */
export interface FileReport extends Scores {
  /** Per category (content), per subtype (attacks) or per entity type (pii). */
  perCategory: Record<string, Scores>;
  /** Ids (and a short excerpt) of the worst mistakes, for tuning by hand. */
  worstFalsePositives: string[];
  worstMisses: string[];
  /** Anything a filter reports beside its main figures (out-of-scope rows, row-level has_pii…). */
  extra?: Record<string, unknown>;
}

/** A filter's evaluator: every row of its file in, the report out. Rows are validated by the evaluator. */
export type Evaluator = (rows: unknown[]) => FileReport;
