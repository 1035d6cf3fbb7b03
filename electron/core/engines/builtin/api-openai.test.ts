// The built-in engine as an OpenAI-compatible server, read on the wire with
// plain fetch (real inference on the demo model): the model list, a streamed
// answer as server-sent events ending in [DONE], a whole answer in one object,
// OpenAI-shaped errors, and the same gate and token as the Ollama routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type BuiltinEngine } from './start-builtin-engine';
import { bundleEngine, modelsFolder } from './testing/engine-fixture';

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
let engine: BuiltinEngine;
const models = modelsFolder();

beforeAll(async () => {
  bundle = await bundleEngine();
  models.add('demo.gguf');
  engine = await startBuiltinEngine({ modelsDir: models.dir, entry: bundle.entry, gpu: false, threads: 1 });
});

afterAll(async () => {
  await engine?.stop();
  models.remove();
  bundle?.remove();
});

const post = (body: unknown, headers: Record<string, string> = engine.headers): Promise<Response> =>
  fetch(`${engine.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const completion = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  model: 'demo',
  messages: [{ role: 'user', content: 'Tell me a short story.' }],
  seed: 5,
  temperature: 0.8,
  max_tokens: 16,
  ...extra,
});

/** Every `data:` payload of an event stream, in order. */
async function events(res: Response): Promise<string[]> {
  const text = await res.text();
  expect(text.endsWith('\n\n')).toBe(true);
  return text
    .split('\n\n')
    .filter((e) => e !== '')
    .map((e) => {
      expect(e.startsWith('data: ')).toBe(true);
      return e.slice('data: '.length);
    });
}

interface Chunk {
  object: string;
  id: string;
  choices: { delta: { role?: string; content?: string }; finish_reason: string | null }[];
  usage?: { completion_tokens: number; total_tokens: number; prompt_tokens: number };
}

describe('built-in engine, OpenAI-compatible routes (real inference)', () => {
  it('lists the models folder in the OpenAI shape', async () => {
    const res = await fetch(`${engine.url}/v1/models`, { headers: engine.headers });
    const body = (await res.json()) as { object: string; data: Record<string, unknown>[] };
    expect(body.object).toBe('list');
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({ id: 'demo:latest', object: 'model', owned_by: 'airlock' });
    expect(typeof body.data[0]!.created).toBe('number');
  });

  it('streams an answer as server-sent events: role first, text pieces, a finish reason, usage, [DONE]', async () => {
    const res = await post(completion({ stream: true, stream_options: { include_usage: true } }));
    expect(res.headers.get('content-type')).toBe('text/event-stream');
    const data = await events(res);
    expect(data.at(-1)).toBe('[DONE]');
    const chunks = data.slice(0, -1).map((d) => JSON.parse(d) as Chunk);
    expect(new Set(chunks.map((c) => c.id)).size).toBe(1);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk')).toBe(true);
    expect(chunks[0]!.choices[0]!.delta).toEqual({ role: 'assistant', content: '' });
    const pieces = chunks
      .flatMap((c) => c.choices.map((ch) => ch.delta.content ?? ''))
      .filter((t) => t !== '');
    expect(pieces.length).toBeGreaterThanOrEqual(5);
    const finish = chunks.find((c) => c.choices[0]?.finish_reason);
    expect(finish?.choices[0]?.finish_reason).toBe('length');
    const usage = chunks.at(-1)!;
    expect(usage.choices).toEqual([]);
    expect(usage.usage?.completion_tokens).toBe(16);
    expect(usage.usage!.total_tokens).toBe(usage.usage!.prompt_tokens + 16);
  });

  it('answers in one chat.completion object when stream is off, the same text as streamed', async () => {
    const whole = (await (await post(completion())).json()) as {
      object: string;
      choices: { message: { role: string; content: string }; finish_reason: string }[];
      usage: { completion_tokens: number };
    };
    expect(whole.object).toBe('chat.completion');
    expect(whole.choices[0]!.message.role).toBe('assistant');
    expect(whole.choices[0]!.finish_reason).toBe('length');
    expect(whole.usage.completion_tokens).toBe(16);
    const streamed = (await events(await post(completion({ stream: true }))))
      .slice(0, -1)
      .map((d) => (JSON.parse(d) as Chunk).choices[0]?.delta.content ?? '')
      .join('');
    // Same seed and prompt: the same words either way.
    expect(streamed).toBe(whole.choices[0]!.message.content);
  });

  it('reads system, developer and multi-part content messages', async () => {
    const res = await post(
      completion({
        messages: [
          { role: 'developer', content: 'Answer briefly.' },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Say ' },
              { type: 'text', text: 'hello.' },
            ],
          },
        ],
      }),
    );
    expect(res.status).toBe(200);
  });

  it('refuses a missing model, a bad body and n > 1 with OpenAI-shaped errors', async () => {
    const missing = await post(completion({ model: 'nope' }));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: {
        message: "The model 'nope' does not exist",
        type: 'not_found_error',
        param: null,
        code: 'model_not_found',
      },
    });
    const bad = await post({ model: 'demo', messages: 'hi' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { type: string } }).error.type).toBe('invalid_request_error');
    expect((await post(completion({ n: 2 }))).status).toBe(400);
  });

  it('keeps the gate: no token or a web page origin gets 403 before any model runs', async () => {
    expect((await post(completion(), {})).status).toBe(403);
    expect((await post(completion(), { ...engine.headers, origin: 'http://attacker.test' })).status).toBe(
      403,
    );
    expect((await fetch(`${engine.url}/v1/models`)).status).toBe(403);
  });
});
