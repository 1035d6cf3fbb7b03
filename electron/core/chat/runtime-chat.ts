// Talks to an Ollama-compatible runtime: POST /api/chat read as NDJSON while
// it streams, and GET /api/tags. Every wait is bounded (first token, then
// between tokens), an abort cuts the HTTP request at once, and a runtime that
// dies mid-answer ends the read with a sentence instead of a hang.
// It reads the stream itself rather than through engines/ollama-runtime.ts: over 150 alternating
// answers the client's extra async-iterator layers cost ~0.8 ms more CPU per 64-token answer (~9%).
import { failures, fromRuntimeError, RuntimeFailure } from './runtime-errors';
import type { RuntimeConnection } from './runtime-source';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface ChatRequestBody {
  model: string;
  messages: ChatMessage[];
  options: Record<string, number>;
}

export interface StreamLimits {
  /** Includes loading the model, which takes seconds for a real one on a CPU. */
  firstTokenMs: number;
  betweenTokensMs: number;
}

/** How a stream ended: the runtime said done, the caller aborted, or it failed with a sentence. */
export type StreamEnd = { kind: 'done' } | { kind: 'aborted' } | { kind: 'failed'; failure: RuntimeFailure };

interface OllamaLine {
  message?: { content?: unknown };
  done?: unknown;
  error?: unknown;
}

/**
 * Streams one answer, calling onText for each piece as it arrives. Never
 * throws: an abort through `signal` (a stop, or the output filter) ends it as
 * 'aborted' within one event-loop turn, since aborting fetch drops the socket.
 */
export async function streamChat(
  connection: RuntimeConnection,
  body: ChatRequestBody,
  limits: StreamLimits,
  signal: AbortSignal,
  onText: (text: string) => void,
): Promise<StreamEnd> {
  const cut = new AbortController();
  let failure: RuntimeFailure | undefined;
  const fail = (why: RuntimeFailure): void => {
    failure ??= why;
    cut.abort(why);
  };
  const onAbort = (): void => cut.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  // One watchdog for both waits: a piece only moves the deadline (a clock read), and the timer,
  // when it fires before the deadline, re-arms itself for what is left. It is set again only when
  // the deadline comes earlier than it would fire (the first piece, when the gap limit is the
  // shorter one). A clearTimeout and setTimeout per piece cost more than the rest of the reading
  // (bench/chat-path.bench.ts).
  let deadline = performance.now() + limits.firstTokenMs;
  let late = (): RuntimeFailure => failures.firstToken(limits.firstTokenMs);
  let timer: NodeJS.Timeout | undefined;
  let firesAt = deadline;
  const watch = (): void => {
    const left = deadline - performance.now();
    if (left <= 0) return fail(late());
    firesAt = deadline;
    timer = setTimeout(watch, left);
  };
  timer = setTimeout(watch, limits.firstTokenMs);
  const moveDeadline = (): void => {
    deadline = performance.now() + limits.betweenTokensMs;
    late = stalled;
    if (deadline >= firesAt) return;
    clearTimeout(timer);
    firesAt = deadline;
    timer = setTimeout(watch, limits.betweenTokensMs);
  };
  const stalled = (): RuntimeFailure => failures.stalled(limits.betweenTokensMs);
  let goneSentence: string | undefined;
  const unsubscribe = connection.onGone?.((sentence) => {
    goneSentence = sentence;
    fail(failures.died(sentence));
  });

  try {
    if (signal.aborted) return { kind: 'aborted' };
    const res = await fetch(`${connection.url}/api/chat`, {
      method: 'POST',
      headers: { ...connection.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, stream: true }),
      signal: cut.signal,
    });
    if (!res.ok || !res.body) {
      const text = await res.text();
      return { kind: 'failed', failure: fromRuntimeError(res.status, errorOf(text), body.model) };
    }
    let buffered = '';
    const decoder = new TextDecoder();
    // A reader rather than `for await`: the DOM and Node typings of ReadableStream disagree on
    // async iteration, and the e2e zone type-checks this file with the DOM library.
    const reader = res.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      buffered += decoder.decode(next.value as Uint8Array, { stream: true });
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const raw of lines) {
        if (raw.trim() === '') continue;
        const line = parseLine(raw);
        if (!line) continue;
        if (typeof line.error === 'string')
          return { kind: 'failed', failure: fromRuntimeError(500, line.error, body.model) };
        const content = line.message?.content;
        if (typeof content === 'string' && content !== '') {
          moveDeadline();
          onText(content);
          // onText may have aborted (the output filter stopped the answer).
          if (cut.signal.aborted) break;
        }
        if (line.done === true) return { kind: 'done' };
      }
      if (cut.signal.aborted) break;
    }
    if (failure) return { kind: 'failed', failure };
    if (signal.aborted) return { kind: 'aborted' };
    // The body ended without a done line: the runtime went away mid-answer.
    return { kind: 'failed', failure: failures.died(await lastWords(connection, goneSentence)) };
  } catch (error) {
    if (failure) return { kind: 'failed', failure };
    if (signal.aborted) return { kind: 'aborted' };
    if (error instanceof RuntimeFailure) return { kind: 'failed', failure: error };
    // A reset mid-stream is a death; a refused connection before any answer is "not running".
    const why = await lastWords(connection, goneSentence);
    return { kind: 'failed', failure: why ? failures.died(why) : failures.notRunning() };
  } finally {
    clearTimeout(timer);
    unsubscribe?.();
    signal.removeEventListener('abort', onAbort);
    cut.abort();
  }
}

/** The engine's own sentence about its exit, when it comes within a moment of the broken stream. */
async function lastWords(
  connection: RuntimeConnection,
  known: string | undefined,
): Promise<string | undefined> {
  if (known || !connection.onGone) return known;
  let unsubscribe: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  const sentence = await new Promise<string | undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), 500);
    unsubscribe = connection.onGone!(resolve);
  });
  clearTimeout(timer);
  unsubscribe?.();
  return sentence;
}

function parseLine(raw: string): OllamaLine | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return value && typeof value === 'object' ? value : undefined;
  } catch {
    return undefined;
  }
}

function errorOf(text: string): string {
  const line = parseLine(text);
  return typeof line?.error === 'string' ? line.error : text.slice(0, 200);
}

export interface RuntimeModel {
  name: string;
  digest?: string;
  size?: number;
  modified_at?: string;
  details?: { family?: string; parameter_size?: string; quantization_level?: string };
}

/** GET /api/tags: the models the runtime serves. */
export async function listRuntimeModels(
  connection: RuntimeConnection,
  timeoutMs = 10_000,
): Promise<RuntimeModel[]> {
  let res: Response;
  try {
    res = await fetch(`${connection.url}/api/tags`, {
      headers: connection.headers,
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch {
    throw failures.notRunning();
  }
  const text = await res.text();
  if (!res.ok) throw fromRuntimeError(res.status, errorOf(text), '');
  const models = (parseLine(text) as { models?: unknown } | undefined)?.models;
  return Array.isArray(models)
    ? models.filter((m): m is RuntimeModel => typeof (m as RuntimeModel | null)?.name === 'string')
    : [];
}
