// The injection half of the chat input pipeline: normalize + injection detector
// on a 4 KB message (p99) and a 100 KB paste. The whole pipeline's budgets are
// 2 ms p99 on 4 KB and 50 ms on 100 KB; this part should use well under half.
import { normalize } from '../shared/guard/normalize';
import { detectInjection } from '../shared/guard/injection/detect';
import { budget, summarize } from './stats';

const sentence =
  'Could you help me plan a birthday party for my daughter? She is turning 9 and loves dragons, ' +
  'so maybe a dragon cake, a treasure hunt in the garden, and a craft table. Call me on 555-0134. ';

function text(size: number): string {
  let t = '';
  while (t.length < size) t += sentence;
  return t.slice(0, size);
}

function time(input: string, rounds: number): number[] {
  for (let i = 0; i < Math.min(200, rounds); i++) detectInjection(input, { profile: 'kid' });
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    detectInjection(input, { profile: 'kid' });
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return samples;
}

function main(): void {
  const small = text(4 * 1024);
  const big = text(100 * 1024);
  const norm = summarize(
    Array.from({ length: 2000 }, () => {
      const start = process.hrtime.bigint();
      normalize(small);
      return Number(process.hrtime.bigint() - start) / 1000;
    }),
  );
  const four = summarize(time(small, 2000));
  const hundred = summarize(time(big, 30));
  console.log(`normalize 4 KB            : p50 ${norm.p50.toFixed(0)} us  p99 ${norm.p99.toFixed(0)} us`);
  console.log(
    `normalize+injection 4 KB  : p50 ${four.p50.toFixed(0)} us  p99 ${four.p99.toFixed(0)} us  (n=${four.n})`,
  );
  console.log(
    `normalize+injection 100 KB: p50 ${(hundred.p50 / 1000).toFixed(1)} ms  p99 ${(hundred.p99 / 1000).toFixed(1)} ms`,
  );
  // Budgets for this part alone: the rest of the input pipeline (PII, content) needs the remainder.
  let ok = budget('injection part, 4 KB p99 (of 2 ms pipeline)', four.p99 / 1000, 1, 'ms');
  ok = budget('injection part, 100 KB p50 (of 50 ms pipeline)', hundred.p50 / 1000, 25, 'ms') && ok;
  if (!ok) process.exitCode = 1;
}

main();
