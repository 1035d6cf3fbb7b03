// The built-in engine in its own child process, with real inference on the
// tiny demo model: the Ollama calls Airlock uses, streaming, cancellation,
// clear errors, and a parent that outlives a model that aborts llama.cpp.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type BuiltinEngine } from './start-builtin-engine';
import { bundleEngine, modelsFolder } from './testing/engine-fixture';

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
let engine: BuiltinEngine;
const models = modelsFolder();
let demoPath: string;

beforeAll(async () => {
  bundle = await bundleEngine();
  demoPath = models.add('demo.gguf');
  engine = await startBuiltinEngine({
    modelsDir: models.dir,
    entry: bundle.entry,
    gpu: false,
    threads: 1,
    contextSize: 2048,
  });
});

afterAll(async () => {
  await engine?.stop();
  models.remove();
  bundle?.remove();
});

const call = (path: string, body?: unknown, init: RequestInit = {}): Promise<Response> =>
  fetch(`${engine.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: engine.headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    ...init,
  });

const chatBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'demo',
  messages: [{ role: 'user', content: 'Say something.' }],
  options: { seed: 1, temperature: 0.8, num_predict: 24 },
  ...extra,
});

/** Reads NDJSON lines as they arrive; stops after `limit` lines when given. */
async function readLines(res: Response, limit = Infinity): Promise<Record<string, unknown>[]> {
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  const lines: Record<string, unknown>[] = [];
  let buffered = '';
  while (lines.length < limit) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const p of parts) if (p.trim() !== '') lines.push(JSON.parse(p) as Record<string, unknown>);
  }
  await reader.cancel();
  // One chunk may carry several lines (a quick engine on a quiet machine): the first `limit` count.
  return lines.slice(0, limit);
}

/** fetch() will not send a forged Host header; node:http will, as a rebinding browser would. */
function statusWithHost(host: string): Promise<number | undefined> {
  return new Promise((resolve, reject) => {
    get(`${engine.url}/api/tags`, { headers: { ...engine.headers, host } }, (res) => {
      res.resume();
      resolve(res.statusCode);
    }).on('error', reject);
  });
}

describe('built-in engine (child process, real inference)', () => {
  it('answers /api/version and lists the models folder in /api/tags like Ollama', async () => {
    expect(await (await call('/api/version')).json()).toMatchObject({ engine: 'airlock-builtin' });
    const tags = (await (await call('/api/tags')).json()) as { models: Record<string, unknown>[] };
    expect(tags.models).toHaveLength(1);
    expect(tags.models[0]).toMatchObject({
      name: 'demo:latest',
      model: 'demo:latest',
      digest: createHash('sha256').update(readFileSync(demoPath)).digest('hex'),
      details: { format: 'gguf', family: 'llama', quantization_level: 'F32' },
    });
    const show = (await (await call('/api/show', { model: 'demo:latest' })).json()) as Record<
      string,
      unknown
    >;
    expect(show.template).toContain('<|im_start|>');
    expect(show.model_info).toMatchObject({ 'general.architecture': 'llama', 'llama.context_length': 2048 });
  });

  it('streams a chat answer token by token, then a done line with Ollama counts', async () => {
    const res = await call('/api/chat', chatBody());
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = await readLines(res);
    const final = lines.at(-1)!;
    const chunks = lines.slice(0, -1);
    expect(chunks.length).toBeGreaterThanOrEqual(5);
    for (const c of chunks) {
      expect(c).toMatchObject({ model: 'demo', done: false, message: { role: 'assistant' } });
      expect(typeof c.created_at).toBe('string');
    }
    expect(final).toMatchObject({ done: true, message: { role: 'assistant', content: '' } });
    expect(['stop', 'length']).toContain(final.done_reason);
    expect(final.eval_count).toBeGreaterThanOrEqual(chunks.length);
    for (const k of [
      'total_duration',
      'load_duration',
      'prompt_eval_count',
      'prompt_eval_duration',
      'eval_duration',
    ]) {
      expect(typeof final[k]).toBe('number');
    }
    expect(final.eval_duration).toBeGreaterThan(0);

    const ps = (await (await call('/api/ps')).json()) as { models: Record<string, unknown>[] };
    expect(ps.models[0]).toMatchObject({ name: 'demo:latest', size_vram: 0, generating: false });
  });

  it('answers in one JSON object when stream is false', async () => {
    const res = await call('/api/chat', chatBody({ stream: false }));
    const body = (await res.json()) as { done: boolean; message: { content: string }; eval_count: number };
    expect(body.done).toBe(true);
    expect(body.eval_count).toBeGreaterThan(0);
    expect(body.message.content.length).toBeGreaterThan(0);
  });

  it('stops generating when the client goes away', async () => {
    const psModel = async (): Promise<{ generating: boolean; tokens_generated: number }> =>
      (
        (await (await call('/api/ps')).json()) as {
          models: { generating: boolean; tokens_generated: number }[];
        }
      ).models[0]!;
    const before = (await psModel()).tokens_generated;
    const abort = new AbortController();
    // As long as the context allows (2048 tokens): a second or more on any machine.
    const res = await call(
      '/api/chat',
      chatBody({ options: { seed: 2, temperature: 0.8, num_predict: 100_000 } }),
      {
        signal: abort.signal,
      },
    );
    expect(await readLines(res, 3)).toHaveLength(3);
    abort.abort();
    await expect.poll(async () => (await psModel()).generating, { timeout: 1000, interval: 20 }).toBe(false);
    const stopped = (await psModel()).tokens_generated - before;
    await new Promise((r) => setTimeout(r, 300));
    expect((await psModel()).tokens_generated - before).toBe(stopped);
    expect(stopped).toBeLessThan(400);
  });

  it('refuses a missing model, a path outside the folder and a bad body with a JSON error', async () => {
    const missing = await call('/api/chat', chatBody({ model: 'nope' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: "model 'nope' not found" });
    expect((await call('/api/chat', chatBody({ model: '../demo' }))).status).toBe(404);
    expect((await call('/api/show', { model: 'nope' })).status).toBe(404);
    const bad = await call('/api/chat', { messages: 'hi' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toHaveProperty('error');
  });

  it('refuses web pages, foreign Host headers and calls without the token', async () => {
    const withHeaders = (headers: Record<string, string>): Promise<Response> =>
      fetch(`${engine.url}/api/tags`, { headers: { ...engine.headers, ...headers } });
    expect((await withHeaders({ origin: 'http://attacker.test' })).status).toBe(403);
    expect(await statusWithHost(`rebind.attacker.test:${engine.port}`)).toBe(403);
    expect(await statusWithHost(`rebind.attacker.test`)).toBe(403);
    // A loopback name on any port passes: a proxy in front forwards its own Host.
    expect(await statusWithHost(`localhost:${engine.port}`)).toBe(200);
    expect(await statusWithHost('127.0.0.1:1')).toBe(200);
    expect((await fetch(`${engine.url}/api/tags`)).status).toBe(403);
    expect((await withHeaders({ authorization: 'Bearer wrong' })).status).toBe(403);
  });

  it('stops on request, and says that was expected', async () => {
    const exit = await engine.stop();
    expect(exit.expected).toBe(true);
    expect(() => process.kill(engine.pid, 0)).toThrow();
  });
});
