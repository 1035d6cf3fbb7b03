// The OpenAI-compatible adapter against the built-in engine's /v1 routes
// (real inference on the demo model; the engine's token is the API key):
// list, streamed chat, cancellation, error sentences, and a key that never
// shows. One small server in this file echoes the key back in an error body,
// which no real engine here does, to prove the adapter scrubs it.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { startBuiltinEngine, type BuiltinEngine } from './builtin/start-builtin-engine';
import { bundleEngine, modelsFolder } from './builtin/testing/engine-fixture';
import { OpenAiRuntime, type OpenAiChatPart } from './openai-runtime';
import { chatBody, collect, failureOf } from './testing/adapter-kit';

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
let engine: BuiltinEngine;
let runtime: OpenAiRuntime;
const models = modelsFolder();

beforeAll(async () => {
  bundle = await bundleEngine();
  models.add('demo.gguf');
  engine = await startBuiltinEngine({ modelsDir: models.dir, entry: bundle.entry, gpu: false, threads: 1 });
  runtime = new OpenAiRuntime({ baseUrl: engine.url, apiKey: engine.token! });
});

afterAll(async () => {
  await engine?.stop();
  models.remove();
  bundle?.remove();
});

const generating = async (): Promise<{ generating: boolean; tokens_generated: number }> => {
  const ps = (await (await fetch(`${engine.url}/api/ps`, { headers: engine.headers })).json()) as {
    models: { generating: boolean; tokens_generated: number }[];
  };
  return ps.models[0]!;
};

describe('OpenAI-compatible adapter on the built-in engine (real inference)', () => {
  it('normalises the address to its /v1 base and lists the models', async () => {
    expect(runtime.baseUrl).toBe(`${engine.url}/v1`);
    expect(new OpenAiRuntime({ baseUrl: `${engine.url}/v1/` }).baseUrl).toBe(`${engine.url}/v1`);
    const listed = await runtime.list();
    expect(listed).toMatchObject([{ id: 'demo:latest', owned_by: 'airlock' }]);
    expect(typeof listed[0]!.created).toBe('number');
  });

  it('streams an answer in pieces and ends done with the finish reason', async () => {
    const parts = await collect(runtime.chat(chatBody(16)));
    expect(parts.at(-1)).toEqual({ content: '', done: true, finishReason: 'length' });
    const pieces = parts.filter((p) => !p.done);
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    expect(pieces.every((p) => p.content !== '')).toBe(true);
  });

  it('cancels a long answer: the iteration ends and the engine stops generating', async () => {
    const before = (await generating()).tokens_generated;
    const abort = new AbortController();
    const seen: OpenAiChatPart[] = [];
    for await (const part of runtime.chat(chatBody(100_000, 2), abort.signal)) {
      seen.push(part);
      if (seen.length === 3) abort.abort();
    }
    expect(seen).toHaveLength(3);
    await expect
      .poll(async () => (await generating()).generating, { timeout: 1000, interval: 20 })
      .toBe(false);
    expect((await generating()).tokens_generated - before).toBeLessThan(400);
  });

  it('turns a missing model, a wrong or missing key and a stopped server into sentences', async () => {
    expect((await failureOf(collect(runtime.chat(chatBody(4, 1, 'nope'))))).kind).toBe('model_missing');
    const wrongKey = new OpenAiRuntime({ baseUrl: engine.url, apiKey: 'sk-wrong' });
    expect((await failureOf(wrongKey.list())).message).toBe(
      'The model server refused the API key. Check the key and try again.',
    );
    const noKey = new OpenAiRuntime({ baseUrl: engine.url });
    expect(await failureOf(collect(noKey.chat(chatBody(4))))).toMatchObject({
      kind: 'refused',
      message: 'The model server needs an API key. Enter one and try again.',
    });
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise((resolve) => server.close(resolve));
    const gone = new OpenAiRuntime({ baseUrl: `http://127.0.0.1:${port}` });
    expect((await failureOf(gone.list())).kind).toBe('not_running');
    expect((await failureOf(collect(gone.chat(chatBody(4))))).kind).toBe('not_running');
  });

  it('refuses an address the endpoint policy refuses, with its sentence', () => {
    expect(() => new OpenAiRuntime({ baseUrl: 'http://192.168.1.9:1234' })).toThrow(AirlockError);
    expect(() => new OpenAiRuntime({ baseUrl: 'https://u:p@models.example.com' })).toThrow(
      /user name or password/,
    );
  });
});

describe('the API key never shows', () => {
  it('is absent from inspect, JSON and an error whose body echoes it', async () => {
    const key = 'sk-live-0123456789abcdef';
    const echo = createServer((req, res) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { message: `bad request with ${req.headers.authorization ?? ''}` } }));
    });
    await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
    try {
      const withKey = new OpenAiRuntime({
        baseUrl: `http://127.0.0.1:${(echo.address() as AddressInfo).port}`,
        apiKey: key,
      });
      expect(inspect(withKey, { showHidden: true, depth: 5 })).not.toContain(key);
      expect(JSON.stringify(withKey)).not.toContain(key);
      const failure = await failureOf(collect(withKey.chat(chatBody(4))));
      expect(failure.message).toMatch(/could not answer \(bad request with Bearer …\)/);
      expect(failure.message).not.toContain(key);
      expect(inspect(failure)).not.toContain(key);
    } finally {
      await new Promise((resolve) => echo.close(resolve));
    }
  });
});
