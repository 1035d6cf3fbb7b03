// The Ollama adapter against the real built-in engine (it speaks the Ollama
// API, with real inference on the demo model): list, show, ps, streamed chat,
// cancellation and error sentences. The engine has no /api/pull or
// /api/delete, so those run against a small HTTP server in this file that
// replays Ollama's documented NDJSON pull stream and delete answers
// (https://github.com/ollama/ollama/blob/main/docs/api.md#pull-a-model).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type BuiltinEngine } from './builtin/start-builtin-engine';
import { bundleEngine, modelsFolder } from './builtin/testing/engine-fixture';
import { OllamaRuntime, type ChatPart, type PullProgress } from './ollama-runtime';
import { chatBody, collect, failureOf } from './testing/adapter-kit';

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
let engine: BuiltinEngine;
let ollama: OllamaRuntime;
const models = modelsFolder();

beforeAll(async () => {
  bundle = await bundleEngine();
  models.add('demo.gguf');
  engine = await startBuiltinEngine({ modelsDir: models.dir, entry: bundle.entry, gpu: false, threads: 1 });
  ollama = new OllamaRuntime({ url: engine.url, headers: engine.headers });
});

afterAll(async () => {
  await engine?.stop();
  models.remove();
  bundle?.remove();
});

describe('Ollama adapter on the built-in engine (real inference)', () => {
  it('lists, shows and reports the running model through the official client', async () => {
    expect(await ollama.version()).toMatch(/airlock-builtin/);
    const list = await ollama.list();
    expect(list.map((m) => m.name)).toEqual(['demo:latest']);
    expect(list[0]!.details.family).toBe('llama');
    const shown = await ollama.show('demo');
    expect(shown.details.family).toBe('llama');
    expect(shown.model_info).toHaveProperty('general.architecture', 'llama');
  });

  it('streams an answer in several pieces and ends with the engine counts', async () => {
    const parts = await collect(ollama.chat(chatBody(24)));
    const final = parts.at(-1)!;
    expect(final.done).toBe(true);
    expect(final.eval_count).toBeGreaterThan(0);
    const pieces = parts.filter((p) => !p.done);
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(pieces.every((p) => p.content !== '')).toBe(true);
    const running = await ollama.running();
    expect(running[0]).toMatchObject({ name: 'demo:latest', generating: false });
  });

  it('cancels a long answer: the iteration ends and the engine stops generating', async () => {
    const generated = async (): Promise<{ generating: boolean; tokens_generated: number }> =>
      (await ollama.running())[0] as unknown as { generating: boolean; tokens_generated: number };
    const before = (await generated()).tokens_generated;
    const abort = new AbortController();
    const seen: ChatPart[] = [];
    for await (const part of ollama.chat(chatBody(100_000, 2), abort.signal)) {
      seen.push(part);
      if (seen.length === 3) abort.abort();
    }
    expect(seen).toHaveLength(3);
    expect(seen.some((p) => p.done)).toBe(false);
    await expect
      .poll(async () => (await generated()).generating, { timeout: 1000, interval: 20 })
      .toBe(false);
    const stopped = (await generated()).tokens_generated - before;
    expect(stopped).toBeLessThan(400);
  });

  it('turns a missing model, a missing token and a stopped runtime into sentences', async () => {
    const missing = await failureOf(collect(ollama.chat({ ...chatBody(4), model: 'nope' })));
    expect(missing.kind).toBe('model_missing');
    expect(missing.message).toBe(
      'The model "nope" is not installed. Choose another model, or add one in Models.',
    );
    expect((await failureOf(ollama.show('nope'))).kind).toBe('model_missing');

    const tokenless = new OllamaRuntime({ url: engine.url });
    expect((await failureOf(tokenless.list())).kind).toBe('refused');

    const closed = await closedPort();
    const gone = new OllamaRuntime({ url: `http://127.0.0.1:${closed}`, headers: engine.headers });
    expect((await failureOf(gone.list())).kind).toBe('not_running');
    expect((await failureOf(collect(gone.chat(chatBody(4))))).kind).toBe('not_running');
  });
});

/** Ollama's pull and delete, replayed: the engine does not implement them. */
function replayServer(token: string): Promise<{
  url: string;
  seen: { method: string; path: string; body: unknown; auth: string | undefined }[];
  closedEarly: Promise<void>;
  close: () => Promise<void>;
}> {
  const seen: { method: string; path: string; body: unknown; auth: string | undefined }[] = [];
  let markClosed: () => void = () => undefined;
  const closedEarly = new Promise<void>((resolve) => (markClosed = resolve));
  const line = (res: ServerResponse, value: unknown): boolean => res.write(`${JSON.stringify(value)}\n`);
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    let text = '';
    for await (const chunk of req) text += String(chunk);
    const body = text ? (JSON.parse(text) as { name?: string }) : {};
    seen.push({ method: req.method ?? '', path: req.url ?? '', body, auth: req.headers.authorization });
    if (req.headers.authorization !== `Bearer ${token}`) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('a valid token is required');
      return;
    }
    if (req.url === '/api/delete') {
      if (body.name === 'gone:latest')
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end('{"error":"model \'gone:latest\' not found"}');
      else res.writeHead(200).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'application/x-ndjson' });
    line(res, { status: 'pulling manifest' });
    if (body.name === 'missing') {
      res.end(`${JSON.stringify({ error: 'pull model manifest: file does not exist' })}\n`);
      return;
    }
    const digest = 'sha256:2ae6f6dd7a3dd734790bbbf58b8909a606e0e7e97e94b7604e0aa7ae4490e6d8';
    for (const completed of [0, 1_048_576, 2_097_152])
      line(res, { status: `pulling ${digest.slice(7, 19)}`, digest, total: 2_097_152, completed });
    if (body.name === 'slow') {
      // Holds the stream open, as a long download does, until the client leaves.
      res.on('close', markClosed);
      return;
    }
    for (const status of ['verifying sha256 digest', 'writing manifest', 'success']) line(res, { status });
    res.end();
  };
  const server: Server = createServer((req, res) => void handle(req, res));
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        seen,
        closedEarly,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections(); // keep-alive sockets would hold close() for seconds
          }),
      });
    });
  });
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('Ollama adapter: pull and delete against a replay of Ollama', () => {
  it('yields pull progress to success, with the token and never an insecure registry', async () => {
    const replay = await replayServer('t0ken');
    try {
      const runtime = new OllamaRuntime({ url: replay.url, headers: { authorization: 'Bearer t0ken' } });
      const progress: PullProgress[] = await collect(runtime.pull('llama3.2:1b'));
      expect(progress[0]).toEqual({ status: 'pulling manifest' });
      expect(progress.filter((p) => p.total !== undefined).map((p) => p.completed)).toEqual([
        0, 1_048_576, 2_097_152,
      ]);
      expect(progress.at(-1)).toEqual({ status: 'success' });
      expect(replay.seen[0]).toMatchObject({ method: 'POST', path: '/api/pull', auth: 'Bearer t0ken' });
      expect(replay.seen[0]!.body).toMatchObject({ name: 'llama3.2:1b', stream: true });
      expect(replay.seen[0]!.body).not.toHaveProperty('insecure');

      // NET-02: another registry is refused before anything is sent.
      const seen = replay.seen.length;
      const foreign = await failureOf(collect(runtime.pull('evil.test:8443/attacker/m')));
      expect(foreign).toMatchObject({ kind: 'refused' });
      expect(foreign.message).toBe(
        'The model name “evil.test:8443/attacker/m” is not from an allowed registry.',
      );
      expect(replay.seen).toHaveLength(seen);
      await collect(runtime.pull('registry.ollama.ai/library/llama3.2:1b'));
      expect(replay.seen).toHaveLength(seen + 1);

      const missing = await failureOf(collect(runtime.pull('missing')));
      expect(missing.message).toBe(
        'No model named "missing" was found to download. Check the name and try again.',
      );
    } finally {
      await replay.close();
    }
  });

  it('stops a pull when asked: the connection closes and the iteration ends', async () => {
    const replay = await replayServer('t0ken');
    try {
      const runtime = new OllamaRuntime({ url: replay.url, headers: { authorization: 'Bearer t0ken' } });
      const abort = new AbortController();
      const progress: PullProgress[] = [];
      for await (const p of runtime.pull('slow', abort.signal)) {
        progress.push(p);
        if (p.completed === 2_097_152) abort.abort();
      }
      await replay.closedEarly;
      expect(progress.some((p) => p.status === 'success')).toBe(false);
    } finally {
      await replay.close();
    }
  });

  it('deletes a model, and says so plainly when it is not there or the token is wrong', async () => {
    const replay = await replayServer('t0ken');
    try {
      const runtime = new OllamaRuntime({ url: replay.url, headers: { authorization: 'Bearer t0ken' } });
      await runtime.delete('old:latest');
      expect(replay.seen.at(-1)).toMatchObject({
        method: 'DELETE',
        path: '/api/delete',
        body: { name: 'old:latest' },
      });
      expect((await failureOf(runtime.delete('gone:latest'))).kind).toBe('model_missing');
      const wrong = new OllamaRuntime({ url: replay.url, headers: { authorization: 'Bearer nope' } });
      expect((await failureOf(wrong.delete('old:latest'))).message).toMatch(/refused Airlock’s request/);
    } finally {
      await replay.close();
    }
  });
});
