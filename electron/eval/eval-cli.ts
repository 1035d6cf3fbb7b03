// `npm run eval -- [--data DIR] [--json]`: runs each filter on every *.jsonl
// file of the folder (the file name's first word picks the filter) and prints
// precision, recall, false-positive rate and F1, per filter and per category,
// with the worst mistakes. With --json, one JSON object and nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Evaluator, FileReport, Scores } from '../../shared/guard/eval-metrics';

export interface EvalArgs {
  data: string;
  json: boolean;
}

export function parseEvalArgs(argv: string[], defaultData: string): EvalArgs | string {
  const args: EvalArgs = { data: defaultData, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--data') {
      const value = argv[++i];
      if (!value) return '--data needs a folder.';
      args.data = resolve(value);
    } else return `Unknown option ${arg}. Usage: npm run eval -- [--data DIR] [--json]`;
  }
  return args;
}

/** Reads one JSON object per line; a bad line names its file and number instead of a stack. */
export function readJsonl(path: string): unknown[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      try {
        return JSON.parse(line) as unknown;
      } catch {
        throw new Error(`${path}, line ${index + 1}, is not valid JSON.`);
      }
    });
}

export function runEval(args: EvalArgs, evaluators: Record<string, Evaluator>): Record<string, FileReport> {
  const files = readdirSync(args.data)
    .filter((name) => name.endsWith('.jsonl'))
    .sort();
  const reports: Record<string, FileReport> = {};
  for (const name of files) {
    const evaluator = evaluators[firstWord(name)];
    if (evaluator) reports[name] = evaluator(readJsonl(join(args.data, name)));
  }
  return reports;
}

/** `prompt-attacks.dev.jsonl` → `prompt-attacks`, `content-safety.x.jsonl` → `content-safety`, `pii.dev.jsonl` → `pii`. */
function firstWord(name: string): string {
  return name.split('.')[0]!;
}

const pct = (n: number) => `${(n * 100).toFixed(1)}%`.padStart(7);

function line(label: string, s: Scores): string {
  return `  ${label.padEnd(34)} P ${pct(s.precision)}  R ${pct(s.recall)}  FPR ${pct(s.fpr)}  F1 ${pct(s.f1)}  (tp ${s.tp}, fp ${s.fp}, tn ${s.tn}, fn ${s.fn})`;
}

export function formatReports(reports: Record<string, FileReport>): string {
  const out: string[] = [];
  for (const [name, report] of Object.entries(reports)) {
    out.push(name, line('all', report));
    for (const [category, s] of Object.entries(report.perCategory)) out.push(line(category, s));
    if (report.worstFalsePositives.length)
      out.push('  worst false positives:', ...report.worstFalsePositives.map((x) => `    ${x}`));
    if (report.worstMisses.length) out.push('  worst misses:', ...report.worstMisses.map((x) => `    ${x}`));
    if (report.extra) out.push(`  also: ${JSON.stringify(report.extra)}`);
    out.push('');
  }
  return out.join('\n');
}
