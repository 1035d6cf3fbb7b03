// The engine as a local OpenAI-compatible server: GET /v1/models and
// POST /v1/chat/completions, streamed as server-sent events ending in
// `data: [DONE]` or answered in one JSON object. Same gate, same token (sent
// as the API key), same models and runner as the Ollama routes.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { keepAliveMs, toHistory, toSampling } from './chat-request';
import { HttpError, readJson, sendJson } from './http-io';
import { openAiChatSchema, openAiError, toOllamaChat, type OpenAiChatRequest } from './api-openai-request';
import type { ModelFolder } from './model-folder';
import type { LoadedModel, ModelRunner } from './model-runner';

interface OpenAiDeps {
  folder: ModelFolder;
  runner: ModelRunner;
  contextSize: number;
}

export async function handleOpenAiModels(res: ServerResponse, folder: ModelFolder): Promise<void> {
  const data = (await folder.list()).map((m) => ({
    id: m.name,
    object: 'model',
    created: Math.floor(m.modifiedAt.getTime() / 1000),
    owned_by: 'airlock',
  }));
  sendJson(res, 200, { object: 'list', data });
}

export async function handleOpenAiChat(
  req: IncomingMessage,
  res: ServerResponse,
  deps: OpenAiDeps,
): Promise<void> {
  try {
    await answer(req, res, deps);
  } catch (error) {
    const status = error instanceof HttpError ? error.status : 500;
    // Mid-stream, the error goes out as one more event; a client reading SSE reads no other shape.
    if (res.headersSent) res.end(sse(openAiError(status, (error as Error).message)));
    else if (status === 500)
      throw error; // the server logs it, with the stack
    else sendJson(res, status, openAiError(status, (error as Error).message));
  }
}

async function answer(req: IncomingMessage, res: ServerResponse, deps: OpenAiDeps): Promise<void> {
  const parsed = openAiChatSchema.safeParse(await readJson(req));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new HttpError(400, `invalid chat request: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const request = parsed.data;
  const entry = await deps.folder.find(request.model);
  if (!entry) throw new HttpError(404, `The model '${request.model}' does not exist`);

  const abort = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) abort.abort(new Error('client disconnected'));
  });
  try {
    await deps.runner.run(entry, keepAliveMs(undefined), abort.signal, (loaded) =>
      generate(res, request, loaded, abort.signal, deps.contextSize),
    );
  } catch (error) {
    if (abort.signal.aborted) return; // nobody is listening any more
    if (error instanceof HttpError) throw error;
    throw new HttpError(500, `model '${request.model}' could not run: ${(error as Error).message}`);
  }
}

const sse = (value: unknown): string => `data: ${JSON.stringify(value)}\n\n`;

async function generate(
  res: ServerResponse,
  request: OpenAiChatRequest,
  loaded: LoadedModel,
  signal: AbortSignal,
  contextSize: number,
): Promise<void> {
  const ollama = toOllamaChat(request);
  const meterBefore = loaded.chat.sequence.tokenMeter.getState();
  const id = `chatcmpl-${randomUUID()}`;
  const created = Math.floor(Date.now() / 1000);
  const chunk = (delta: Record<string, unknown>, finish: string | null): Record<string, unknown> => ({
    id,
    object: 'chat.completion.chunk',
    created,
    model: request.model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  let completionTokens = 0;
  if (request.stream) {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    res.write(sse(chunk({ role: 'assistant', content: '' }, null)));
  }
  const result = await loaded.chat.generateResponse(toHistory(ollama.messages), {
    ...toSampling(ollama.options, contextSize),
    signal,
    stopOnAbortSignal: true,
    onToken: (tokens) => {
      completionTokens += tokens.length;
      loaded.tokensGenerated += tokens.length;
    },
    onTextChunk: (text) => {
      if (request.stream && text !== '' && !res.writableEnded) res.write(sse(chunk({ content: text }, null)));
    },
  });
  if (signal.aborted) return;

  const finish = result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop';
  const promptTokens = loaded.chat.sequence.tokenMeter.diff(meterBefore).usedInputTokens;
  const usage = {
    prompt_tokens: promptTokens,
    completion_tokens: completionTokens,
    total_tokens: promptTokens + completionTokens,
  };
  if (request.stream) {
    res.write(sse(chunk({}, finish)));
    if (request.stream_options?.include_usage) res.write(sse({ ...chunk({}, null), choices: [], usage }));
    res.end('data: [DONE]\n\n');
    return;
  }
  sendJson(res, 200, {
    id,
    object: 'chat.completion',
    created,
    model: request.model,
    choices: [{ index: 0, message: { role: 'assistant', content: result.response }, finish_reason: finish }],
    usage,
  });
}
