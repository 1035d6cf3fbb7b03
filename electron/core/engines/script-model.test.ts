// The script model through the real built-in engine (child process, real
// llama.cpp): any prompt, at the engine's default sampling, streams exactly
// the scripted pieces, one chunk per piece, then stops.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBuiltinEngine, type BuiltinEngine } from './builtin/start-builtin-engine';
import { bundleEngine, modelsFolder } from './builtin/testing/engine-fixture';
import { buildScriptModel } from './script-model';

const scripts = {
  // Spaces, punctuation, a newline alone, Markdown, non-ASCII and an emoji.
  mixed: ['Hello', ' there', ',', ' friend', '!', '\n', '**bold**', ' and', ' café', ' 🙂', '\n\n', '- item'],
  // A word the kid filter blocks, split across tokens, as the hold-back tests need.
  split: ['Here', ' is', ' a', ' da', 'mn', ' word', '.'],
  single: ['Hi'],
  leadingSpace: [' leading', ' space'],
  leadingNl: ['\n', 'x'],
  leadingSp2: ['  two', 'x'],
  empty: [],
} satisfies Record<string, string[]>;

let bundle: Awaited<ReturnType<typeof bundleEngine>>;
let engine: BuiltinEngine;
const models = modelsFolder();

beforeAll(async () => {
  bundle = await bundleEngine();
  for (const [name, pieces] of Object.entries(scripts)) models.add(`${name}.gguf`, buildScriptModel(pieces));
  engine = await startBuiltinEngine({ modelsDir: models.dir, entry: bundle.entry, gpu: false, threads: 1 });
});

afterAll(async () => {
  await engine?.stop();
  models.remove();
  bundle?.remove();
});

type Message = { role: string; content: string };

/** The streamed chunks' texts and the final line. */
async function chat(
  model: string,
  messages: Message[],
  options?: object,
): Promise<{ chunks: string[]; final: Record<string, unknown> }> {
  const res = await fetch(`${engine.url}/api/chat`, {
    method: 'POST',
    headers: engine.headers,
    body: JSON.stringify({ model, messages, options }),
  });
  expect(res.status).toBe(200);
  const lines = (await res.text())
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as { message: { content: string }; done: boolean });
  const final = lines.at(-1) as unknown as Record<string, unknown>;
  return { chunks: lines.slice(0, -1).map((l) => l.message.content), final };
}

const prompts: Message[][] = [
  [{ role: 'user', content: 'Say something.' }],
  // The prompt holds the pieces themselves, a newline at its end, and a system prompt.
  [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Hello there friend **bold** damn\n' },
  ],
  // A second turn, after an earlier (different) answer.
  [
    { role: 'user', content: 'first' },
    { role: 'assistant', content: 'an earlier answer\n' },
    { role: 'user', content: 'again, with digits 415-555-0132' },
  ],
];

describe('script model on the built-in engine', () => {
  it('streams exactly the pieces, one chunk each, for any prompt at the default temperature', async () => {
    for (const [name, pieces] of Object.entries(scripts)) {
      for (const messages of prompts) {
        const { chunks, final } = await chat(name, messages);
        expect(chunks, `${name} after ${JSON.stringify(messages)}`).toEqual(pieces);
        expect(final).toMatchObject({ done: true, done_reason: 'stop', eval_count: pieces.length });
      }
    }
  });

  it('gives the same answer at a high temperature and any seed', async () => {
    for (const seed of [1, 2, 3]) {
      const { chunks } = await chat('split', prompts[0]!, { temperature: 1.5, seed, top_k: 0, top_p: 1 });
      expect(chunks.join('')).toBe('Here is a damn word.');
    }
  });
});

describe('buildScriptModel', () => {
  it('refuses pieces it could not script, saying which and why', () => {
    expect(() => buildScriptModel(['a', ''])).toThrow('script piece 1 ("") is empty');
    expect(() => buildScriptModel(['x', 'y', 'x'])).toThrow('script piece 2 ("x") repeats an earlier piece');
    expect(() => buildScriptModel(['</s>'])).toThrow('names a control token');
    expect(() => buildScriptModel(['a\u2581b'])).toThrow('U+2581');
    expect(() => buildScriptModel(['ok', 't\n'])).toThrow('ends the chat prompt');
  });

  it('gives different bytes for another seed but the same vocabulary and output weights', () => {
    const a = buildScriptModel(scripts.mixed, 1);
    const b = buildScriptModel(scripts.mixed, 2);
    const tensor = (f: typeof a, name: string): Float32Array => f.tensors.find((t) => t.name === name)!.data;
    expect(tensor(a, 'blk.0.attn_q.weight')).not.toEqual(tensor(b, 'blk.0.attn_q.weight'));
    expect(tensor(a, 'output.weight')).toEqual(tensor(b, 'output.weight'));
    expect(a.metadata.get('tokenizer.ggml.tokens')).toEqual(b.metadata.get('tokenizer.ggml.tokens'));
  });
});
