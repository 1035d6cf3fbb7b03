// Builds the pickle corpus at test time with python3 (pickle-corpus.py only
// dumps; nothing is ever loaded) and returns its manifest.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export interface CorpusEntry {
  file: string;
  expect: 'dangerous' | 'suspicious' | 'unreadable' | 'clean';
  module: string | null;
  name: string | null;
}

export function buildPickleCorpus(dir: string): CorpusEntry[] {
  const script = join(import.meta.dirname, 'pickle-corpus.py');
  const output = execFileSync('python3', ['-I', script, dir], { encoding: 'utf8', timeout: 30_000 });
  return JSON.parse(output) as CorpusEntry[];
}
