// One adapter for the OpenAI-compatible local servers (llama.cpp server,
// LocalAI, LM Studio, vLLM, and the built-in engine's /v1 routes): GET
// /v1/models and POST /v1/chat/completions streamed as server-sent events,
// cancelled by a signal. The address must pass endpoint-policy.ts. The API key
// is a parameter: keeping it in the OS keychain belongs to the later storage
// issue. It is held in a private field and never appears in a message or log.
import { AirlockError } from '../errors';
import type { ChatRequestBody } from '../chat/runtime-chat';
import { failures, fromRuntimeError, RuntimeFailure } from '../chat/runtime-errors';
import { checkEndpoint } from './endpoint-policy';
import { sseData } from './openai-sse';

export interface OpenAiRuntimeOptions {
  /** The server, with or without its /v1 path: `http://127.0.0.1:1234` or `https://host/v1`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <key>`; local servers often need none. */
  apiKey?: string;
  /** Calls that answer at once (the model list) give up after this long. */
  timeoutMs?: number;
}

export interface OpenAiModel {
  id: string;
  owned_by?: string;
  created?: number;
}

/** One streamed piece of an answer; the last has `done: true` and why it ended. */
export interface OpenAiChatPart {
  content: string;
  done: boolean;
  finishReason?: string;
}

interface CompletionChunk {
  choices?: { delta?: { content?: unknown }; finish_reason?: unknown }[];
  error?: unknown;
}

export class OpenAiRuntime {
  /** Ends in /v1, without a trailing slash. */
  readonly baseUrl: string;
  readonly #key: string | undefined;
  readonly #timeoutMs: number;

  /** Throws an AirlockError with the policy's sentence when the address may not be used. */
  constructor(options: OpenAiRuntimeOptions) {
    const verdict = checkEndpoint(options.baseUrl);
    if (!verdict.ok) throw new AirlockError('invalid_input', verdict.reason);
    const path = verdict.url.pathname.replace(/\/+$/, '');
    this.baseUrl = `${verdict.url.origin}${path.endsWith('/v1') ? path : `${path}/v1`}`;
    this.#key = options.apiKey === '' ? undefined : options.apiKey;
    this.#timeoutMs = options.timeoutMs ?? 10_000;
  }

  /** GET /v1/models. */
  async list(): Promise<OpenAiModel[]> {
    let res: Response;
    try {
      res = await fetch(`${this.baseUrl}/models`, {
        headers: this.headers(),
        signal: AbortSignal.timeout(this.#timeoutMs),
      });
    } catch {
      throw failures.notRunning();
    }
    const text = await res.text();
    if (res.status === 404)
      throw new RuntimeFailure(
        'engine_error',
        'No OpenAI-compatible server answers at this address. Check the address and its port.',
      );
    if (!res.ok) throw this.failure(res.status, text, '');
    const data = (parse(text) as { data?: unknown } | undefined)?.data;
    if (!Array.isArray(data)) throw this.failure(502, 'the model list was not in the OpenAI format', '');
    return data
      .filter((m): m is OpenAiModel => typeof (m as OpenAiModel | null)?.id === 'string')
      .map((m) => ({
        id: m.id,
        ...(typeof m.owned_by === 'string' ? { owned_by: m.owned_by } : {}),
        ...(typeof m.created === 'number' ? { created: m.created } : {}),
      }));
  }

  /**
   * POST /v1/chat/completions with `stream: true`. Yields text pieces and a
   * final `done` part; an abort through `signal` drops the connection and ends
   * the iteration quietly. Failures are thrown as RuntimeFailure sentences.
   */
  async *chat(body: ChatRequestBody, signal?: AbortSignal): AsyncGenerator<OpenAiChatPart> {
    if (signal?.aborted) return;
    const cut = new AbortController();
    const onAbort = (): void => cut.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      let res: Response;
      try {
        res = await fetch(`${this.baseUrl}/chat/completions`, {
          method: 'POST',
          headers: { ...this.headers(), 'content-type': 'application/json' },
          body: JSON.stringify(toCompletionRequest(body)),
          signal: cut.signal,
        });
      } catch {
        if (signal?.aborted) return;
        throw failures.notRunning();
      }
      if (!res.ok || !res.body) throw this.failure(res.status, await res.text(), body.model);
      let finishReason: string | undefined;
      try {
        for await (const data of sseData(res.body)) {
          if (data.trim() === '[DONE]') {
            yield { content: '', done: true, ...(finishReason ? { finishReason } : {}) };
            return;
          }
          const chunk = parse(data) as CompletionChunk | undefined;
          if (chunk?.error !== undefined) throw this.failure(500, data, body.model);
          const choice = chunk?.choices?.[0];
          if (typeof choice?.finish_reason === 'string') finishReason = choice.finish_reason;
          const content = choice?.delta?.content;
          if (typeof content === 'string' && content !== '') yield { content, done: false };
        }
      } catch (error) {
        if (signal?.aborted) return;
        if (error instanceof RuntimeFailure) throw error;
        throw failures.died();
      }
      if (signal?.aborted) return;
      // Some servers close after the last choice without [DONE]; without either, it broke off.
      if (finishReason) yield { content: '', done: true, finishReason };
      else throw failures.died();
    } finally {
      signal?.removeEventListener('abort', onAbort);
      cut.abort();
    }
  }

  private headers(): Record<string, string> {
    return this.#key ? { authorization: `Bearer ${this.#key}` } : {};
  }

  /** A sentence for a failed answer; the key is scrubbed in case a server echoes it back. */
  private failure(status: number, text: string, model: string): RuntimeFailure {
    if (status === 401 || status === 403)
      return new RuntimeFailure(
        'refused',
        this.#key
          ? 'The model server refused the API key. Check the key and try again.'
          : 'The model server needs an API key. Enter one and try again.',
      );
    let message = errorMessage(text);
    if (this.#key) message = message.split(this.#key).join('…');
    if (status === 404 || /model_not_found|does not exist/i.test(message))
      return failures.modelMissing(model);
    return fromRuntimeError(status, message, model);
  }
}

/** OpenAI's request from the chat path's Ollama-style one: only the options OpenAI defines. */
function toCompletionRequest(body: ChatRequestBody): Record<string, unknown> {
  const o = body.options;
  return {
    model: body.model,
    messages: body.messages,
    stream: true,
    ...(o.num_predict !== undefined && o.num_predict > 0 ? { max_tokens: o.num_predict } : {}),
    ...(o.temperature !== undefined ? { temperature: o.temperature } : {}),
    ...(o.top_p !== undefined ? { top_p: o.top_p } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** OpenAI's `{error: {message}}`, Ollama's `{error: "..."}`, FastAPI's `{detail: ...}`, or the text. */
function errorMessage(text: string): string {
  const body = parse(text) as { error?: unknown; detail?: unknown; message?: unknown } | undefined;
  const error = body?.error;
  if (typeof error === 'string') return error;
  const nested = (error as { message?: unknown } | undefined)?.message;
  if (typeof nested === 'string') return nested;
  if (typeof body?.detail === 'string') return body.detail;
  if (typeof body?.message === 'string') return body.message;
  return text.slice(0, 200);
}
