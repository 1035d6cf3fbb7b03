// POST /api/chat: streams the answer as Ollama does, one NDJSON line per text
// chunk and a final `done: true` line with counts and nanosecond durations.
// The generation stops as soon as the client goes away.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { chatRequestSchema, keepAliveMs, toHistory, toSampling, type ChatRequest } from './chat-request';
import { HttpError, readJson, sendJson } from './http-io';
import type { ModelFolder } from './model-folder';
import type { LoadedModel, ModelRunner } from './model-runner';
import { recordChatRequest } from './record-requests';

interface ChatDeps {
  folder: ModelFolder;
  runner: ModelRunner;
  contextSize: number;
}

export async function handleChat(req: IncomingMessage, res: ServerResponse, deps: ChatDeps): Promise<void> {
  const parsed = chatRequestSchema.safeParse(await readJson(req));
  if (!parsed.success)
    throw new HttpError(400, `invalid chat request: ${parsed.error.issues[0]?.message ?? ''}`);
  const request = parsed.data;
  recordChatRequest(request); // a test hook, off unless AIRLOCK_ENGINE_RECORD is set
  const entry = await deps.folder.find(request.model);
  if (!entry) throw new HttpError(404, `model '${request.model}' not found`);

  const abort = new AbortController();
  // 'close' on the response fires when the client disconnects before the answer ends.
  res.on('close', () => {
    if (!res.writableFinished) abort.abort(new Error('client disconnected'));
  });

  const started = process.hrtime.bigint();
  try {
    await deps.runner.run(entry, keepAliveMs(request.keep_alive), abort.signal, (loaded, loadNs) =>
      generate(res, request, loaded, {
        loadNs,
        started,
        signal: abort.signal,
        contextSize: deps.contextSize,
      }),
    );
  } catch (error) {
    if (abort.signal.aborted) return; // nobody is listening any more
    if (error instanceof HttpError) throw error;
    throw new HttpError(500, `model '${request.model}' could not run: ${(error as Error).message}`);
  }
}

interface RunInfo {
  loadNs: bigint;
  started: bigint;
  signal: AbortSignal;
  contextSize: number;
}

async function generate(
  res: ServerResponse,
  request: ChatRequest,
  loaded: LoadedModel,
  run: RunInfo,
): Promise<void> {
  const sequence = loaded.chat.sequence;
  const meterBefore = sequence.tokenMeter.getState();
  const promptStarted = process.hrtime.bigint();
  let firstTokenAt: bigint | undefined;
  let evalCount = 0;
  const line = (content: string): string =>
    `${JSON.stringify({ model: request.model, created_at: new Date().toISOString(), message: { role: 'assistant', content }, done: false })}\n`;

  if (request.stream) res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
  const result = await loaded.chat.generateResponse(toHistory(request.messages), {
    ...toSampling(request.options, run.contextSize),
    signal: run.signal,
    stopOnAbortSignal: true,
    onToken: (tokens) => {
      firstTokenAt ??= process.hrtime.bigint();
      evalCount += tokens.length;
      loaded.tokensGenerated += tokens.length;
    },
    onTextChunk: (text) => {
      if (request.stream && text !== '' && !res.writableEnded) res.write(line(text));
    },
  });
  if (run.signal.aborted) return;

  const end = process.hrtime.bigint();
  const firstToken = firstTokenAt ?? end;
  const used = sequence.tokenMeter.diff(meterBefore);
  const final = {
    model: request.model,
    created_at: new Date().toISOString(),
    message: { role: 'assistant', content: request.stream ? '' : result.response },
    done_reason: result.metadata.stopReason === 'maxTokens' ? 'length' : 'stop',
    done: true,
    total_duration: Number(end - run.started),
    load_duration: Number(run.loadNs),
    // Tokens evaluated for the prompt; a prefix still cached from the last turn is not evaluated again.
    prompt_eval_count: used.usedInputTokens,
    prompt_eval_duration: Number(firstToken - promptStarted),
    eval_count: evalCount,
    eval_duration: Number(end - firstToken),
  };
  if (request.stream) res.end(`${JSON.stringify(final)}\n`);
  else sendJson(res, 200, final);
}
