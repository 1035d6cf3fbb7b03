// What Airlock's chat path costs on top of the runtime: the same request to
// the built-in engine's /api/chat directly, through the core's chat.send
// (router, input guard, output filter, chat.token events, in-process), and
// through serve's WebSocket, all on one engine with the demo model, the same
// prompt, seed and num_predict (so every answer is the same text), rotating
// which path goes first each round to cancel drift.
// Budgets, on the in-process path: time to first token added beyond the output
// filter's hold-back window (a wait by design, CH-03, printed on its own)
// p50 <= 5 ms; end-to-end throughput ratio >= 0.97. serve's figures are shown.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallOutput, Envelope, Role } from '../shared/contract';
import { ContentStreamFilter } from '../shared/guard/content';
import { canaryLeaked, hardenedSystemPrompt, makeCanary } from '../shared/guard/injection';
import { connectServe, type ServeClient } from '../electron/cli/serve-client';
import { ChatService } from '../electron/core/chat/chat-service';
import { buildDemoModel } from '../electron/core/engines/demo-model';
import { encodeGguf } from '../electron/core/engines/gguf-write';
import {
  startBuiltinEngine,
  type BuiltinEngine,
} from '../electron/core/engines/builtin/start-builtin-engine';
import { EventHub } from '../electron/core/event-hub';
import { createRouter, type Handlers } from '../electron/core/router';
import type { Core } from '../electron/core/services';
import { newToken } from '../electron/serve/serve-file';
import { startServe } from '../electron/serve/serve-server';
import { budget, summarize } from './stats';

const warmup = 3;
const rounds = 30;
const tokensPerAnswer = 64;
const seed = 11;
const prompt = 'Tell me a short story.';
const profile: Role = 'admin';
const model = 'demo:latest';
const canaryBytes = new Uint8Array(12).fill(5);

/** One answer as its reader saw it: when each piece of text arrived, from the request's start. */
interface Run {
  /** Microseconds from the request to the end of the text reaching each length. */
  arrivals: { at: number; length: number }[];
  endMicros: number;
  text: string;
}

/** The pieces of a run's text, as they arrived. */
const piecesOf = (run: Run): string[] =>
  run.arrivals.map((a, i) => run.text.slice(i === 0 ? 0 : run.arrivals[i - 1]!.length, a.length));

/**
 * How many of the engine's pieces the output filter must see before it
 * releases any text: it holds back the last few words (CH-03), so a reader
 * with no cost of its own could show the first words only then.
 */
function piecesBeforeRelease(pieces: string[]): number {
  const filter = new ContentStreamFilter({
    profile,
    extraChecks: [(text) => canaryLeaked(text, makeCanary(canaryBytes))],
  });
  const index = pieces.findIndex((piece) => filter.push(piece).release !== '');
  return index === -1 ? pieces.length : index + 1;
}

const median = (values: number[]): number => summarize(values).p50;

const since = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1000;

/** Straight to the engine, with the same messages and options the chat path sends. */
async function direct(engine: BuiltinEngine): Promise<Run> {
  const start = process.hrtime.bigint();
  const res = await fetch(`${engine.url}/api/chat`, {
    method: 'POST',
    headers: { ...engine.headers, 'content-type': 'application/json' },
    body: JSON.stringify({
      model,
      messages: [
        { role: 'system', content: hardenedSystemPrompt(makeCanary(canaryBytes), profile) },
        { role: 'user', content: prompt },
      ],
      options: { num_predict: tokensPerAnswer, seed, temperature: 0.8 },
      stream: true,
    }),
  });
  // A plain reader and TextDecoder, as the core reads it: piping through a TextDecoderStream
  // adds a stream hop per chunk and made this baseline the slower of the two.
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const arrivals: Run['arrivals'] = [];
  let text = '';
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += decoder.decode(value, { stream: true });
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines.filter((l) => l.trim() !== '')) {
      const parsed = JSON.parse(line) as { done: boolean; message: { content: string } };
      if (parsed.message.content === '') continue;
      text += parsed.message.content;
      arrivals.push({ at: since(start), length: text.length });
    }
  }
  return { arrivals, endMicros: since(start), text };
}

/** Through a chat.send call: in-process (the router) or over serve's WebSocket. */
type Send = () => Promise<CallOutput<'chat.send'>>;

/**
 * chat.token events as they arrive, by message. Keyed because serve delivers a
 * hub event to its socket a moment later: the previous answer's last event may
 * arrive once the next call has already started.
 */
class TokenLog {
  private readonly byMessage = new Map<string, { at: bigint; text: string }[]>();
  record(messageId: string, text: string): void {
    const list = this.byMessage.get(messageId) ?? [];
    list.push({ at: process.hrtime.bigint(), text });
    this.byMessage.set(messageId, list);
  }
  take(messageId: string): { at: bigint; text: string }[] {
    const list = this.byMessage.get(messageId) ?? [];
    this.byMessage.delete(messageId);
    return list;
  }
}

async function throughAirlock(send: Send, log: TokenLog): Promise<Run> {
  const start = process.hrtime.bigint();
  const answer = await send();
  const endMicros = since(start);
  if (answer.outcome !== 'answered') throw new Error(`the chat path answered ${answer.outcome}`);
  const arrivals: Run['arrivals'] = [];
  let text = '';
  for (const token of log.take(answer.messageId)) {
    text += token.text;
    arrivals.push({ at: Number(token.at - start) / 1000, length: text.length });
  }
  return { arrivals, endMicros, text };
}

/**
 * The core's chat path as services.ts wires it, on the given engine: ChatService behind the
 * router's chat.send. The conversation canary is fixed so the direct request can send the
 * same system prompt.
 */
function chatCore(engine: BuiltinEngine): { core: Core; chat: ChatService } {
  const events = new EventHub();
  const chat = new ChatService({
    events,
    runtime: () => Promise.resolve({ kind: 'builtin', url: engine.url, headers: engine.headers }),
    modelOptions: { num_predict: tokensPerAnswer, seed, temperature: 0.8 },
    randomBytes: (size) => canaryBytes.slice(0, size),
  });
  // Only chat.send is called here; the router still validates its input, role and output.
  const handlers = {
    'chat.send': (input, ctx) => chat.send(input, ctx.role),
  } satisfies Partial<Handlers>;
  const router = createRouter(handlers as Handlers, (message, error) => console.error(message, error));
  return {
    core: { router, events, context: () => ({ role: profile }), dispose: () => Promise.resolve() },
    chat,
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'airlock-bench-chat-path-'));
  writeFileSync(join(dir, 'demo.gguf'), encodeGguf(buildDemoModel(1)));
  // Default entry: dist/builtin-engine/index.mjs, which `npm run bench` builds first.
  const engine = await startBuiltinEngine({ modelsDir: dir, gpu: false, threads: 1 });

  // Two cores (chat service, router, event hub, as services.ts wires them) on this one engine,
  // one per Airlock path, so serve's socket never carries the in-process path's events.
  const inProcessCore = chatCore(engine);
  const serveCore = chatCore(engine);
  const token = newToken();
  const serve = await startServe({
    core: serveCore.core,
    host: '127.0.0.1',
    port: 0,
    token,
    rendererDir: join(process.cwd(), 'dist/renderer'),
  });
  const client: ServeClient = await connectServe(serve.url, token);
  const inProcessTokens = new TokenLog();
  const serveTokens = new TokenLog();
  inProcessCore.core.events.on('chat.token', (e) => inProcessTokens.record(e.messageId, e.text));
  client.subscribe('chat.token', (payload) => {
    const e = payload as { messageId: string; text: string };
    serveTokens.record(e.messageId, e.text);
  });

  const input = { text: prompt, model };
  const unwrap = (envelope: Envelope<unknown>): CallOutput<'chat.send'> => {
    if (!envelope.ok) throw new Error(envelope.error.message);
    return envelope.value as CallOutput<'chat.send'>;
  };
  const core = inProcessCore.core;
  const inProcess: Send = async () => unwrap(await core.router.dispatch('chat.send', input, core.context()));
  const viaServe: Send = async () => unwrap(await client.call('chat.send', input));

  const paths = {
    direct: () => direct(engine),
    inProcess: () => throughAirlock(inProcess, inProcessTokens),
    serve: () => throughAirlock(viaServe, serveTokens),
  };
  type PathName = keyof typeof paths;
  const names = Object.keys(paths) as PathName[];
  const runs: Record<PathName, Run[]> = { direct: [], inProcess: [], serve: [] };
  // This process's CPU per answer: the reader alone, or the reader plus the whole chat path.
  const cpu: Record<PathName, number[]> = { direct: [], inProcess: [], serve: [] };
  try {
    for (let i = 0; i < warmup; i++) for (const name of names) await paths[name](); // loads the model
    for (let i = 0; i < rounds; i++) {
      // Each path takes each place in the order equally often.
      for (let k = 0; k < names.length; k++) {
        const name = names[(i + k) % names.length]!;
        const before = process.cpuUsage();
        const run = await paths[name]();
        const used = process.cpuUsage(before);
        cpu[name].push(used.user + used.system);
        runs[name].push(run);
      }
    }
  } finally {
    client.close();
    await serve.close();
    inProcessCore.chat.dispose();
    serveCore.chat.dispose();
    await engine.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  report(runs, cpu);
}

function report(
  runs: Record<'direct' | 'inProcess' | 'serve', Run[]>,
  cpu: Record<'direct' | 'inProcess' | 'serve', number[]>,
): void {
  const reference = runs.direct[0]!.text;
  for (const [name, list] of Object.entries(runs)) {
    // The output filter may only hold text back, never change it: every path shows the same answer.
    if (list.some((r) => r.text !== reference))
      throw new Error(`${name}: answers differ between rounds or paths`);
  }
  const ms = (micros: number): string => (micros / 1000).toFixed(2);
  const ttft = (list: Run[]) => summarize(list.map((r) => r.arrivals[0]!.at));
  const rate = (list: Run[]) => summarize(list.map((r) => tokensPerAnswer / (r.endMicros / 1e6)));
  const direct = ttft(runs.direct);
  const directRate = rate(runs.direct);
  console.log(
    `${rounds} rounds per path, ${tokensPerAnswer} tokens each, answer ${reference.length} characters, ` +
      `profile ${profile}; order rotated every round`,
  );
  console.log(
    `direct /api/chat   : TTFT p50 ${ms(direct.p50)} ms  p99 ${ms(direct.p99)} ms  ` +
      `tokens/s p50 ${directRate.p50.toFixed(0)}`,
  );
  const cpuMs = (name: keyof typeof cpu): string => ms(summarize(cpu[name]).p50);
  // On a machine with spare cores the chat path's CPU runs beside the engine's generation; on a
  // busy one it competes with it, which is what a throughput ratio below 1 mostly shows.
  console.log(
    `CPU in this process per answer p50: direct ${cpuMs('direct')} ms, in-proc ${cpuMs('inProcess')} ms, ` +
      `serve (server and client) ${cpuMs('serve')} ms; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
  // The window's own wait: when the direct reader had the pieces the filter needs before it
  // releases anything. What the chat path takes beyond that is Airlock's own work.
  const needed = piecesBeforeRelease(piecesOf(runs.direct[0]!));
  const directRelease = runs.direct.map((r) => r.arrivals[needed - 1]!.at);
  const window = summarize(directRelease).p50 - direct.p50;
  console.log(
    `hold-back window   : the filter releases text once ${needed} of the engine's pieces are in; ` +
      `the direct reader had them ${ms(window)} ms after its first (p50), a wait every path shares (CH-03)`,
  );
  let met = true;
  for (const name of ['inProcess', 'serve'] as const) {
    const list = runs[name];
    const own = ttft(list);
    const ownRate = rate(list);
    // Paired by round: the two runs of a round are neighbours in time, so they share the machine's load.
    const added = median(list.map((r, i) => r.arrivals[0]!.at - directRelease[i]!));
    const ratio = median(list.map((r, i) => runs.direct[i]!.endMicros / r.endMicros));
    const label = name === 'inProcess' ? 'chat.send in-proc ' : 'chat.send via serve';
    console.log(
      `${label}: TTFT p50 ${ms(own.p50)} ms  p99 ${ms(own.p99)} ms  tokens/s p50 ${ownRate.p50.toFixed(0)}; ` +
        `added TTFT beyond the window ${ms(added)} ms, throughput ratio ${ratio.toFixed(3)} (medians of round pairs)`,
    );
    const fastEnough = ratio >= 0.97;
    if (name === 'serve') {
      // Shown, not gated: this process also plays the browser (decoding every event), on the same cores.
      console.log(
        `  serve (not gated): added TTFT ${ms(added)} ms against 5 ms, throughput ratio ${ratio.toFixed(3)} against 0.97`,
      );
      continue;
    }
    met = budget(`${name} added TTFT p50 (beyond the hold-back window)`, added / 1000, 5, 'ms') && met;
    console.log(
      `budget ${fastEnough ? 'met   ' : 'MISSED'} ${name} throughput ratio: ${ratio.toFixed(3)} (limit >= 0.97)`,
    );
    met = fastEnough && met;
  }
  if (!met) process.exitCode = 1;
}

void main();
