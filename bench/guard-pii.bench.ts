// The personal-data filter on a typical 4 KB message (p99) and a 100 KB
// paste. Issue 5 budgets the whole input pipeline (normalize + injection +
// PII + content) at p99 ≤ 2 ms on 4 KB and ≤ 50 ms on 100 KB; the PII share
// printed here is a third of that, to leave room for the other filters.
import { normalize } from '../shared/guard/normalize';
import { detectPii } from '../shared/guard/pii/detect';
import { piiVerdict } from '../shared/guard/pii/policy';
import { redact } from '../shared/guard/pii/redact';
import { budget, summarize } from './stats';

// Chat-like prose with a little personal data, some digits and look-alikes, and a non-ASCII line
// so the normalized second pass runs too.
const paragraph = [
  'Hi! Could you help me plan the weekend? We are meeting on 2024-05-17 at 14:30 near the station.',
  'My phone is +44 20 7946 0958 and my email is jane.doe@example.com if the model needs it.',
  'The order 4111111111111112 arrived; version 10.0.19041.1 of the app crashed twice, see commit 3f2a9c1d8e7b.',
  'Send the parcel to 742 Evergreen Terrace, Springfield, and tell Zoë the café on Hauptstraße 12 is closed.',
  'We scored 21-14, paid $1,299.99, and read pages 100-150 of chapter 12 before bed.',
].join(' ');
const fillTo = (size: number): string => paragraph.repeat(Math.ceil(size / paragraph.length)).slice(0, size);

function sample(fn: () => unknown, rounds: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.hrtime.bigint();
    fn();
    out.push(Number(process.hrtime.bigint() - start) / 1000);
  }
  return out;
}

function main(): void {
  const message = fillTo(4 * 1024);
  const paste = fillTo(100 * 1024);
  const normalized = normalize(message);

  const raw4k = summarize(sample(() => piiVerdict(message, 'redact'), 2000, 200));
  const pre4k = summarize(sample(() => detectPii(normalized), 2000, 200));
  const paste100k = summarize(sample(() => redact(paste, piiVerdict(paste, 'redact').spans), 50, 5));

  console.log(
    `pii 4 KB, verdict incl. normalize : p50 ${raw4k.p50.toFixed(1)} us  p99 ${raw4k.p99.toFixed(1)} us`,
  );
  console.log(
    `pii 4 KB, on a normalized input  : p50 ${pre4k.p50.toFixed(1)} us  p99 ${pre4k.p99.toFixed(1)} us`,
  );
  console.log(
    `pii 100 KB paste, verdict+redact  : p50 ${(paste100k.p50 / 1000).toFixed(2)} ms  p99 ${(paste100k.p99 / 1000).toFixed(2)} ms`,
  );
  let ok = budget('pii 4 KB p99 (share of the 2 ms pipeline)', raw4k.p99 / 1000, 0.67, 'ms');
  ok = budget('pii 100 KB paste p99 (share of the 50 ms pipeline)', paste100k.p99 / 1000, 16.7, 'ms') && ok;
  if (!ok) process.exitCode = 1;
}

main();
