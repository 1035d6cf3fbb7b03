// An Ollama runtime through the official `ollama` client: list, show, running
// models, pull with progress, delete, and streamed chat that a signal cancels.
// It is pointed at a base URL plus the headers Airlock's guarded endpoint needs
// (the per-start bearer token, NET-01); every failure becomes one of
// runtime-errors.ts's sentences, never the client's raw message.
import { Ollama, type ChatResponse, type ModelResponse, type ShowResponse } from 'ollama';
import { failures, fromRuntimeError, RuntimeFailure } from '../chat/runtime-errors';
import type { ChatRequestBody } from '../chat/runtime-chat';
import { pullNameRefusal } from '../sandbox/runtime-guard';

export interface OllamaRuntimeOptions {
  /** Base URL, e.g. the guard's `http://127.0.0.1:<port>` or the built-in engine's. */
  url: string;
  /** Sent on every call: `authorization: Bearer <token>` for Airlock's endpoints. */
  headers?: Record<string, string>;
  /** Calls that answer at once (list, show, ps, delete) give up after this long. */
  timeoutMs?: number;
  /** Registries a pull may name (NET-02); registry.ollama.ai by default. */
  registries?: ReadonlySet<string>;
}

/** One line of a pull's progress, as Ollama streams it. */
export interface PullProgress {
  status: string;
  digest?: string;
  completed?: number;
  total?: number;
}

/** One streamed piece of an answer; the last has `done: true` and the engine's counts. */
export type ChatPart = Pick<ChatResponse, 'done' | 'eval_count' | 'eval_duration' | 'done_reason'> & {
  content: string;
};

const defaultRegistries: ReadonlySet<string> = new Set(['registry.ollama.ai']);

/** What the client says when a stream ends without its closing line: the runtime went away. */
const cutShort = 'Did not receive done or success response in stream.';

export class OllamaRuntime {
  private readonly timeoutMs: number;

  constructor(private readonly options: OllamaRuntimeOptions) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
  }

  async version(): Promise<string> {
    return (await this.call('', (c) => c.version())).version;
  }

  /** GET /api/tags. */
  async list(): Promise<ModelResponse[]> {
    return (await this.call('', (c) => c.list())).models;
  }

  /** POST /api/show: template, details and model_info of one model. */
  show(model: string): Promise<ShowResponse> {
    return this.call(model, (c) => c.show({ model }));
  }

  /** GET /api/ps: the models loaded now. */
  async running(): Promise<ModelResponse[]> {
    return (await this.call('', (c) => c.ps())).models;
  }

  /** DELETE /api/delete. Only the core's model service may (NET-02); the guard enforces it too. */
  async delete(model: string): Promise<void> {
    await this.call(model, (c) => c.delete({ model }));
  }

  /**
   * POST /api/pull, yielding each progress line until Ollama says "success".
   * Never asks for an insecure registry, and refuses a name from a registry
   * not allowlisted before sending anything, as the guard would (NET-02): the
   * adapter may also point at an Ollama with no guard in front. An abort
   * through `signal` ends the iteration quietly; the download stops with the connection.
   */
  async *pull(model: string, signal?: AbortSignal): AsyncGenerator<PullProgress> {
    const refusal = pullNameRefusal(model, this.options.registries ?? defaultRegistries);
    if (refusal) throw new RuntimeFailure('refused', refusal.error);
    const lines = this.stream(model, signal, (c) => c.pull({ model, stream: true }), pullFailure, pullCut);
    for await (const line of lines) {
      yield {
        status: line.status,
        ...(line.digest ? { digest: line.digest } : {}),
        ...(typeof line.completed === 'number' ? { completed: line.completed } : {}),
        ...(typeof line.total === 'number' ? { total: line.total } : {}),
      };
    }
  }

  /**
   * POST /api/chat with streaming. Yields the text pieces as they come and a
   * final `done` part; an abort through `signal` drops the connection at once
   * (the runtime stops generating) and ends the iteration quietly.
   */
  async *chat(body: ChatRequestBody, signal?: AbortSignal): AsyncGenerator<ChatPart> {
    const request = { ...body, stream: true as const };
    const parts = this.stream(body.model, signal, (c) => c.chat(request), fromRuntimeError, failures.died);
    for await (const part of parts) {
      yield {
        content: part.message?.content ?? '',
        done: part.done,
        ...(part.done
          ? { eval_count: part.eval_count, eval_duration: part.eval_duration, done_reason: part.done_reason }
          : {}),
      } as ChatPart;
    }
  }

  private async call<T>(model: string, run: (client: Ollama) => Promise<T>): Promise<T> {
    try {
      return await run(this.client(AbortSignal.timeout(this.timeoutMs)));
    } catch (error) {
      throw failureOf(error, model, fromRuntimeError);
    }
  }

  private async *stream<T>(
    model: string,
    signal: AbortSignal | undefined,
    open: (client: Ollama) => Promise<AsyncIterable<T> & { abort(): void }>,
    mapError: ErrorMapper,
    /** The sentence for a stream the runtime broke off. */
    brokenOff: () => RuntimeFailure,
  ): AsyncGenerator<T> {
    if (signal?.aborted) return;
    let started = false;
    let iterator: (AsyncIterable<T> & { abort(): void }) | undefined;
    try {
      iterator = await open(this.client(signal));
      started = true;
      for await (const item of iterator) yield item;
    } catch (error) {
      if (signal?.aborted) return;
      if (started && isNetworkError(error)) throw brokenOff();
      if ((error as Error | null)?.message === cutShort) throw brokenOff();
      throw failureOf(error, model, mapError);
    } finally {
      // A consumer that stopped early (break, or its own abort) must not leave the socket open.
      iterator?.abort();
    }
  }

  /** A client per call: its fetch carries that call's signal, so aborting one call aborts only it. */
  private client(signal: AbortSignal | undefined): Ollama {
    return new Ollama({
      host: this.options.url,
      headers: { ...this.options.headers },
      fetch: async (input, init) => {
        const signals = [signal, init?.signal].filter((s): s is AbortSignal => !!s);
        const res = await fetch(input, { ...init, signal: AbortSignal.any(signals) });
        return res.ok ? res : asJsonError(res);
      },
    });
  }
}

type ErrorMapper = (status: number, error: string, model: string) => RuntimeFailure;

/**
 * The client reads an error body as JSON only when it says so, and logs to the
 * console otherwise; a proxy's plain-text 502 is turned into Ollama's shape first.
 */
async function asJsonError(res: Response): Promise<Response> {
  if (res.headers.get('content-type')?.includes('application/json')) return res;
  const text = (await res.text()).slice(0, 500);
  return new Response(JSON.stringify({ error: text }), {
    status: res.status,
    statusText: res.statusText,
    headers: { 'content-type': 'application/json' },
  });
}

interface ClientResponseError {
  name: 'ResponseError';
  error: string;
  status_code: number;
}

const isResponseError = (error: unknown): error is ClientResponseError =>
  (error as { name?: unknown } | null)?.name === 'ResponseError';

/** fetch's own failures: refused, reset, cut mid-body, or timed out. */
function isNetworkError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return error instanceof TypeError || name === 'AbortError' || name === 'TimeoutError';
}

function failureOf(error: unknown, model: string, mapError: ErrorMapper): RuntimeFailure {
  if (error instanceof RuntimeFailure) return error;
  if (isResponseError(error)) return mapError(error.status_code, error.error, model);
  if (isNetworkError(error)) return failures.notRunning();
  // An `{"error": ...}` line in the middle of a stream.
  return mapError(500, (error as Error | null)?.message ?? '', model);
}

const pullCut = (): RuntimeFailure =>
  new RuntimeFailure('died', 'The download stopped before it finished. Please try again.');

/** A pull names a model to download, not one that is installed: its "not found" reads differently. */
function pullFailure(status: number, error: string, model: string): RuntimeFailure {
  if (status === 404 || /file does not exist|not found|manifest unknown/i.test(error))
    return new RuntimeFailure(
      'model_missing',
      `No model named "${model}" was found to download. Check the name and try again.`,
    );
  return fromRuntimeError(status, error, model);
}
