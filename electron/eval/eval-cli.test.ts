// The eval CLI on a small in-repo data folder: it picks the evaluator by the
// file name's first word, prints figures, and --json prints one object only.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyConfusion, scores, tally, type Evaluator } from '../../shared/guard/eval-metrics';
import { formatReports, parseEvalArgs, readJsonl, runEval } from './eval-cli';

const dir = mkdtempSync(join(tmpdir(), 'airlock-eval-'));
writeFileSync(join(dir, 'toy.dev.jsonl'), '{"label":true,"guess":true}\n{"label":false,"guess":true}\n\n');
writeFileSync(join(dir, 'notes.txt'), 'not data');

const toy: Evaluator = (rows) => {
  const c = emptyConfusion();
  for (const row of rows as { label: boolean; guess: boolean }[]) tally(c, row.label, row.guess);
  return { ...scores(c), perCategory: {}, worstFalsePositives: ['toy:2: a false alarm'], worstMisses: [] };
};

describe('eval CLI', () => {
  it('runs the evaluator named by the file’s first word', () => {
    const reports = runEval({ data: dir, json: false }, { toy });
    expect(Object.keys(reports)).toEqual(['toy.dev.jsonl']);
    expect(reports['toy.dev.jsonl']).toMatchObject({ tp: 1, fp: 1, precision: 0.5, recall: 1 });
    expect(formatReports(reports)).toMatch(/toy\.dev\.jsonl\n {2}all .*P {3}50\.0%/);
  });

  it('parses its options and explains mistakes', () => {
    expect(parseEvalArgs(['--json', '--data', dir], '/x')).toEqual({ data: dir, json: true });
    expect(parseEvalArgs([], '/x')).toEqual({ data: '/x', json: false });
    expect(parseEvalArgs(['--data'], '/x')).toMatch(/needs a folder/);
    expect(parseEvalArgs(['--bogus'], '/x')).toMatch(/Unknown option --bogus/);
  });

  it('names the file and line of a broken row', () => {
    const bad = join(dir, 'broken.jsonl');
    writeFileSync(bad, '{"ok":1}\n{oops\n');
    expect(() => readJsonl(bad)).toThrow(/broken\.jsonl, line 2, is not valid JSON/);
  });
});
