// How fast a cancelled answer stops through the runtime adapters, on the
// built-in engine with the demo model: from abort() to the adapter's
// iteration ending, and to the engine reporting it is no longer generating.
// Baseline in the same run: aborting a plain fetch of /api/chat.
// Budget: iteration ends within 100 ms of the abort (p99), for both adapters.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChatRequestBody } from '../electron/core/chat/runtime-chat';
import { buildDemoModel } from '../electron/core/engines/demo-model';
import { encodeGguf } from '../electron/core/engines/gguf-write';
import {
  startBuiltinEngine,
  type BuiltinEngine,
} from '../electron/core/engines/builtin/start-builtin-engine';
import { OllamaRuntime } from '../electron/core/engines/ollama-runtime';
import { OpenAiRuntime } from '../electron/core/engines/openai-runtime';
import { budget, summarize } from './stats';

const warmup = 2;
const rounds = 20;

const body = (seed: number): ChatRequestBody => ({
  model: 'demo',
  messages: [{ role: 'user', content: 'Tell me a long story.' }],
  // As long as the context allows: it never ends by itself before the abort.
  options: { seed, temperature: 0.8, num_predict: 100_000 },
});

/** Reads pieces until the third, aborts, and returns microseconds from abort() to the end of the read. */
type Cancelled = (seed: number) => Promise<{ abortedAt: bigint; endedMicros: number }>;

async function generating(engine: BuiltinEngine): Promise<boolean> {
  const res = await fetch(`${engine.url}/api/ps`, { headers: engine.headers });
  const ps = (await res.json()) as { models: { generating: boolean }[] };
  return ps.models[0]?.generating ?? false;
}

/** Microseconds from the abort until /api/ps says the engine stopped, polled every 2 ms. */
async function engineIdle(engine: BuiltinEngine, abortedAt: bigint): Promise<number> {
  while (await generating(engine)) await new Promise((resolve) => setTimeout(resolve, 2));
  return Number(process.hrtime.bigint() - abortedAt) / 1000;
}

function viaIterator(
  open: (seed: number, signal: AbortSignal) => AsyncIterable<{ done: boolean }>,
): Cancelled {
  return async (seed) => {
    const abort = new AbortController();
    let pieces = 0;
    let abortedAt = 0n;
    for await (const part of open(seed, abort.signal)) {
      if (part.done) throw new Error('the answer ended before the abort');
      if (++pieces === 3) {
        abortedAt = process.hrtime.bigint();
        abort.abort();
      }
    }
    return { abortedAt, endedMicros: Number(process.hrtime.bigint() - abortedAt) / 1000 };
  };
}

function plainFetch(engine: BuiltinEngine): Cancelled {
  return async (seed) => {
    const abort = new AbortController();
    const res = await fetch(`${engine.url}/api/chat`, {
      method: 'POST',
      headers: engine.headers,
      body: JSON.stringify({ ...body(seed), stream: true }),
      signal: abort.signal,
    });
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let lines = 0;
    let abortedAt = 0n;
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        lines += new TextDecoder().decode(value).split('\n').length - 1;
        if (lines >= 3 && abortedAt === 0n) {
          abortedAt = process.hrtime.bigint();
          abort.abort();
        }
      }
    } catch {
      // The abort rejects the pending read: that is the end of it.
    }
    return { abortedAt, endedMicros: Number(process.hrtime.bigint() - abortedAt) / 1000 };
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-abort-'));
  writeFileSync(join(dir, 'demo.gguf'), encodeGguf(buildDemoModel(1)));
  // Default entry: dist/builtin-engine/index.mjs, which `npm run bench` builds first.
  const engine = await startBuiltinEngine({ modelsDir: dir, gpu: false, threads: 1 });
  const ollama = new OllamaRuntime({ url: engine.url, headers: engine.headers });
  const openAi = new OpenAiRuntime({ baseUrl: engine.url, apiKey: engine.token ?? '' });
  const paths: Record<string, Cancelled> = {
    'plain fetch': plainFetch(engine),
    'ollama adapter': viaIterator((seed, signal) => ollama.chat(body(seed), signal)),
    'openai adapter': viaIterator((seed, signal) => openAi.chat(body(seed), signal)),
  };
  const ended: Record<string, number[]> = {};
  const idle: Record<string, number[]> = {};
  try {
    for (let i = 0; i < warmup + rounds; i++) {
      for (const [name, cancel] of Object.entries(paths)) {
        const { abortedAt, endedMicros } = await cancel(i);
        const stopped = await engineIdle(engine, abortedAt);
        if (i < warmup) continue;
        (ended[name] ??= []).push(endedMicros);
        (idle[name] ??= []).push(stopped);
      }
    }
  } finally {
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  let met = true;
  for (const name of Object.keys(paths)) {
    const end = summarize(ended[name]!);
    const stop = summarize(idle[name]!);
    console.log(
      `${name.padEnd(15)}: read ends p50 ${(end.p50 / 1000).toFixed(2)} ms  p99 ${(end.p99 / 1000).toFixed(2)} ms; ` +
        `engine idle p50 ${(stop.p50 / 1000).toFixed(1)} ms  p99 ${(stop.p99 / 1000).toFixed(1)} ms (n=${end.n})`,
    );
    if (name !== 'plain fetch')
      met = budget(`${name} abort to end of read p99`, end.p99 / 1000, 100, 'ms') && met;
  }
  if (!met) process.exitCode = 1;
}

void main();
