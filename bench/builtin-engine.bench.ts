// The built-in engine straight over its HTTP API with the tiny demo model:
// engine start, time to first token and tokens/s for streamed /api/chat.
// The comparison through Airlock's chat path joins this file once it exists.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDemoModel } from '../electron/core/engines/demo-model';
import { encodeGguf } from '../electron/core/engines/gguf-write';
import {
  startBuiltinEngine,
  type BuiltinEngine,
} from '../electron/core/engines/builtin/start-builtin-engine';
import { summarize } from './stats';

const warmup = 3;
const rounds = 30;
const tokensPerAnswer = 64;

interface Sample {
  firstTokenMicros: number;
  /** Client-side rate: tokens after the first, over the time after the first. */
  clientTokensPerSecond: number;
  /** The engine's own eval_count / eval_duration. */
  engineTokensPerSecond: number;
}

async function chatOnce(engine: BuiltinEngine, seed: number): Promise<Sample> {
  const started = process.hrtime.bigint();
  const res = await fetch(`${engine.url}/api/chat`, {
    method: 'POST',
    headers: engine.headers,
    body: JSON.stringify({
      model: 'demo',
      messages: [{ role: 'user', content: 'Tell me a short story.' }],
      // num_predict with a seed: same length every round, no early end-of-text.
      options: { seed, temperature: 0.8, num_predict: tokensPerAnswer },
    }),
  });
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let first: bigint | undefined;
  let last = started;
  let chunks = 0;
  let buffered = '';
  let final: { eval_count: number; eval_duration: number } | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim() !== '')) {
      const parsed = JSON.parse(line) as { done: boolean; eval_count: number; eval_duration: number };
      if (parsed.done) final = parsed;
      else {
        first ??= process.hrtime.bigint();
        last = process.hrtime.bigint();
        chunks++;
      }
    }
  }
  if (!final || first === undefined) throw new Error('the engine sent no tokens');
  const afterFirstSeconds = Number(last - first) / 1e9;
  return {
    firstTokenMicros: Number(first - started) / 1000,
    clientTokensPerSecond: afterFirstSeconds > 0 ? (chunks - 1) / afterFirstSeconds : 0,
    engineTokensPerSecond: final.eval_count / (final.eval_duration / 1e9),
  };
}

const median = (values: number[]): number =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-engine-'));
  writeFileSync(join(dir, 'demo.gguf'), encodeGguf(buildDemoModel(1)));
  const startedAt = performance.now();
  // Default entry: dist/builtin-engine/index.mjs, which `npm run bench` builds first.
  const engine = await startBuiltinEngine({ modelsDir: dir, gpu: false });
  const startMs = performance.now() - startedAt;
  try {
    for (let i = 0; i < warmup; i++) await chatOnce(engine, i); // includes loading the model
    const samples: Sample[] = [];
    for (let i = 0; i < rounds; i++) samples.push(await chatOnce(engine, 100 + i));
    const ttft = summarize(samples.map((s) => s.firstTokenMicros));
    console.log(`engine start (spawn to /api/version): ${startMs.toFixed(0)} ms`);
    console.log(
      `time to first token : p50 ${(ttft.p50 / 1000).toFixed(1)} ms  p99 ${(ttft.p99 / 1000).toFixed(1)} ms  (n=${ttft.n}, ${tokensPerAnswer} tokens each)`,
    );
    console.log(
      `tokens/s            : client ${median(samples.map((s) => s.clientTokensPerSecond)).toFixed(0)}  engine ${median(samples.map((s) => s.engineTokensPerSecond)).toFixed(0)}  (median)`,
    );
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
