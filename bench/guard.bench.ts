// The chat guard's budgets (issue 5, "Robustness and speed"), measured on the
// real pipeline the core and the renderer call (guardInput: normalize once,
// then injection, PII and content) and on the streamed-answer filter:
//   4 KB message p99 ≤ 2 ms; 100 KB paste ≤ 50 ms (p99); stream ≥ 50,000 tokens/s (median run).
// Baseline in the same run: a plain text.normalize('NFKC') over the same text.
// p99 on a loaded machine is mostly the scheduler, so the load average is printed beside it.
import { loadavg } from 'node:os';
import { ContentStreamFilter } from '../shared/guard/content/stream-filter';
import { guardInput } from '../shared/guard/input-pipeline';
import { budget, summarize } from './stats';

// Chat-like prose written for the bench: questions, a little personal data, digits that are
// not personal data, an accented line (so PII's normalized second pass runs) and a risky-looking
// but harmless sentence (so the content model and the benign-context rule both run).
const chat = [
  'Could you help me plan a birthday party for my daughter? She is turning 9 and loves dragons.',
  'My phone is +44 20 7946 0958 and my email is jane.doe@example.com if you need it.',
  'The order 4111111111111112 arrived; version 10.0.19041.1 of the app crashed twice, see commit 3f2a9c1d8e7b.',
  'Send the parcel to 742 Evergreen Terrace, Springfield, and tell Zoë the café on Hauptstraße 12 is closed.',
  'Volcanoes form where magma rises through cracks in the crust, and ash can travel for hundreds of kilometres.',
  'How do I kill a Python process that hangs? We scored 21-14 and paid $1,299.99 for the tickets.',
].join(' ');
const prose =
  'Volcanoes form where magma rises through cracks in the crust. When pressure builds, gas and molten rock ' +
  'escape in an eruption, and ash can travel for hundreds of kilometres. Scientists watch small earthquakes ' +
  'and the swelling of the ground to warn people nearby. ';
const sized = (s: string, n: number): string => s.repeat(Math.ceil(n / s.length)).slice(0, n);

/** Wall-clock samples (what the budget is on) and on-CPU samples (the same calls minus time spent preempted). */
function time(fn: () => unknown, rounds: number, warmup: number, cpu: number[] = []): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start) / 1000);
    const used = process.cpuUsage(cpuStart);
    cpu.push(used.user + used.system);
  }
  return samples;
}

const kid = { profile: 'kid' } as const;
const fmt = (us: number): string => (us >= 1000 ? `${(us / 1000).toFixed(2)} ms` : `${us.toFixed(0)} us`);

function pipelineOn(label: string, text: string, rounds: number, warmup: number) {
  // Baseline and pipeline alternate in blocks, so a burst of load hits both alike.
  const base: number[] = [];
  const pipe: number[] = [];
  const cpu: number[] = [];
  for (let block = 0; block < 10; block++) {
    base.push(...time(() => text.normalize('NFKC'), rounds / 10, block === 0 ? warmup : 2));
    pipe.push(...time(() => guardInput(text, kid), rounds / 10, block === 0 ? warmup : 2, cpu));
  }
  const b = summarize(base);
  const p = summarize(pipe);
  const c = summarize(cpu);
  console.log(
    `${label}: pipeline p50 ${fmt(p.p50)}  p99 ${fmt(p.p99)}  (n=${p.n}; on-CPU p50 ${fmt(c.p50)} p99 ${fmt(c.p99)}) | NFKC baseline p50 ${fmt(b.p50)}  p99 ${fmt(b.p99)} | ratio p50 ${(p.p50 / b.p50).toFixed(0)}x`,
  );
  return p;
}

function streamTokensPerSecond(): number {
  // A long answer cut into word-piece tokens, as a model streams them (about 4 characters each).
  const answer = sized(prose + chat + ' ', 400_000);
  const tokens = answer.match(/\s?[^\s]{1,4}|\s+/g) ?? [];
  const rates: number[] = [];
  const cpuRates: number[] = [];
  for (let r = 0; r < 7; r++) {
    const f = new ContentStreamFilter(kid);
    const cpuStart = process.cpuUsage();
    const start = process.hrtime.bigint();
    let shown = 0;
    for (const t of tokens) shown += f.push(t).release.length;
    shown += f.end().release.length;
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    if (shown !== answer.length) throw new Error(`stream filter dropped text: ${shown} of ${answer.length}`);
    rates.push(tokens.length / seconds);
    const used = process.cpuUsage(cpuStart);
    cpuRates.push(tokens.length / ((used.user + used.system) / 1e6));
  }
  rates.sort((a, b) => a - b);
  cpuRates.sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  const cpuMedian = cpuRates[Math.floor(cpuRates.length / 2)]!;
  // On-CPU rate: the same runs minus time spent preempted, the fairer figure on a shared machine.
  console.log(
    `stream filter: median ${Math.round(median).toLocaleString('en')} tokens/s, best ${Math.round(rates[rates.length - 1]!).toLocaleString('en')} (${tokens.length} tokens x ${rates.length} runs; on-CPU median ${Math.round(cpuMedian).toLocaleString('en')} tokens/s)`,
  );
  return median;
}

function main(): void {
  const load = (): string =>
    loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
  console.log(`load average before: ${load()}`);
  const chat4 = pipelineOn('4 KB chat  ', sized(chat + ' ', 4096), 3000, 300);
  const prose4 = pipelineOn('4 KB prose ', sized(prose, 4096), 3000, 300);
  const paste = pipelineOn('100 KB paste', sized(chat + ' ', 100 * 1024), 60, 5);
  const rate = streamTokensPerSecond();
  console.log(`load average after: ${load()}`);
  let ok = budget('pipeline 4 KB p99 (worst message)', Math.max(chat4.p99, prose4.p99) / 1000, 2, 'ms');
  ok = budget('pipeline 100 KB paste p99', paste.p99 / 1000, 50, 'ms') && ok;
  const met = rate >= 50_000;
  console.log(
    `budget ${met ? 'met   ' : 'MISSED'} stream filter: ${Math.round(rate)} tokens/s (floor 50000 tokens/s)`,
  );
  if (!(ok && met)) process.exitCode = 1;
}

main();
