// `npm run eval` for the personal-data filter (issue 5): span-level
// precision and recall over the structured types, with street addresses and
// the row-level has_pii decision reported beside them.
//
// Span matching follows the data README: a predicted span counts when it
// overlaps a gold span of the same type (presidio splits some addresses into
// adjacent pieces, so exact matching would under-count). Recall is over gold
// spans, precision over predicted spans; `tp` counts matched gold spans.
import {
  emptyConfusion,
  scores,
  tally,
  type Evaluator,
  type FileReport,
  type Scores,
} from '../../shared/guard/eval-metrics';
import { detectPii } from '../../shared/guard/pii/detect';
import type { PiiSpan } from '../../shared/guard/pii/types';

export const structuredTypes = ['EMAIL', 'PHONE', 'SSN', 'CREDIT_CARD', 'IBAN', 'IP_ADDRESS'] as const;
const targetTypes: readonly string[] = [...structuredTypes, 'STREET_ADDRESS'];

interface GoldSpan {
  type: string;
  start: number;
  end: number;
}
interface Row {
  id: string;
  text: string;
  hasPii: boolean;
  gold: GoldSpan[];
}

function parseRow(raw: unknown): Row | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  if (typeof r.id !== 'string' || typeof r.text !== 'string' || !Array.isArray(r.entities)) return undefined;
  const gold: GoldSpan[] = [];
  for (const e of r.entities as unknown[]) {
    if (typeof e !== 'object' || e === null) return undefined;
    const { type, start, end } = e as Record<string, unknown>;
    if (typeof type !== 'string' || typeof start !== 'number' || typeof end !== 'number') return undefined;
    if (targetTypes.includes(type)) gold.push({ type, start, end });
  }
  const hasPii = typeof r.has_pii === 'boolean' ? r.has_pii : gold.length > 0;
  return { id: r.id, text: r.text, hasPii, gold };
}

interface SpanCount {
  goldHit: number;
  goldMiss: number;
  predHit: number;
  predMiss: number;
}
const emptyCount = (): SpanCount => ({ goldHit: 0, goldMiss: 0, predHit: 0, predMiss: 0 });

/** Scores from span counts: precision is the share of predicted spans that hit, recall of gold spans hit. */
function spanScores(c: SpanCount): Scores {
  const base = scores({ tp: c.goldHit, fp: c.predMiss, fn: c.goldMiss, tn: 0 });
  const predicted = c.predHit + c.predMiss;
  const precision = predicted === 0 ? 0 : c.predHit / predicted;
  const f1 = precision + base.recall === 0 ? 0 : (2 * precision * base.recall) / (precision + base.recall);
  return { ...base, precision, f1 };
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }): boolean =>
  a.start < b.end && b.start < a.end;

function excerpt(row: Row, span: { start: number; end: number; type: string }): string {
  const clean = (s: string): string => s.replace(/\s+/g, ' ');
  const before = clean(row.text.slice(Math.max(0, span.start - 25), span.start));
  const value = clean(row.text.slice(span.start, span.end)).slice(0, 60);
  return `${row.id}: ${span.type} [${value}] after "…${before}"`;
}

export const evaluatePii: Evaluator = (rawRows) => {
  const perType = new Map<string, SpanCount>(targetTypes.map((t) => [t, emptyCount()]));
  const rowLevel = emptyConfusion();
  const rowStructured = emptyConfusion();
  const falsePositives: string[] = [];
  const misses: string[] = [];
  const otherFindings: Record<string, number> = {};
  let invalidRows = 0;

  for (const raw of rawRows) {
    const row = parseRow(raw);
    if (!row) {
      invalidRows++;
      continue;
    }
    const predicted: PiiSpan[] = detectPii(row.text);
    for (const p of predicted) {
      if (!targetTypes.includes(p.type)) otherFindings[p.type] = (otherFindings[p.type] ?? 0) + 1;
    }
    for (const type of targetTypes) {
      const count = perType.get(type)!;
      const gold = row.gold.filter((g) => g.type === type);
      const pred = predicted.filter((p) => p.type === type);
      for (const g of gold) {
        if (pred.some((p) => overlaps(p, g))) count.goldHit++;
        else {
          count.goldMiss++;
          misses.push(excerpt(row, g));
        }
      }
      for (const p of pred) {
        if (gold.some((g) => overlaps(p, g))) count.predHit++;
        else {
          count.predMiss++;
          falsePositives.push(excerpt(row, p));
        }
      }
    }
    tally(
      rowLevel,
      row.hasPii,
      predicted.some((p) => targetTypes.includes(p.type)),
    );
    const structured = (t: string): boolean => (structuredTypes as readonly string[]).includes(t);
    tally(
      rowStructured,
      row.gold.some((g) => structured(g.type)),
      predicted.some((p) => structured(p.type)),
    );
  }

  const total = emptyCount();
  for (const t of structuredTypes) {
    const c = perType.get(t)!;
    total.goldHit += c.goldHit;
    total.goldMiss += c.goldMiss;
    total.predHit += c.predHit;
    total.predMiss += c.predMiss;
  }
  const perCategory: Record<string, Scores> = {};
  for (const [t, c] of perType) perCategory[t] = spanScores(c);
  perCategory.has_pii = scores(rowLevel);
  const main = spanScores(total);
  // Spans have no true negatives: tn and fpr come from rows with no structured gold span.
  const rowScores = scores(rowStructured);
  // Structured types first: those are the gated figures.
  const structuredFirst = (a: string, b: string): number =>
    Number(a.includes(': STREET_ADDRESS')) - Number(b.includes(': STREET_ADDRESS'));
  const report: FileReport = {
    ...main,
    tn: rowScores.tn,
    fpr: rowScores.fpr,
    perCategory,
    worstFalsePositives: falsePositives.sort(structuredFirst).slice(0, 15),
    worstMisses: misses.sort(structuredFirst).slice(0, 15),
    extra: {
      definitions:
        'span-level over EMAIL, PHONE, SSN, CREDIT_CARD, IBAN, IP_ADDRESS (overlap with a gold span of the same type); ' +
        'tn/fpr: rows with no structured gold span; has_pii: row-level over all target types incl. STREET_ADDRESS',
      streetAddress: perCategory.STREET_ADDRESS,
      rowLevelHasPii: perCategory.has_pii,
      rowLevelStructured: rowScores,
      otherFindings,
      invalidRows,
    },
  };
  return report;
};
