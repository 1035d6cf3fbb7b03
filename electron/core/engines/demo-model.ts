// The tiny demo/test model: a 2-layer llama with random weights from a seeded
// PRNG, so tests and the offline "demo model" need no download. It answers in
// gibberish words; the point is that it loads, streams and stops like a real one.
import type { GgufFile, GgufTensor, GgufValue } from './gguf-write';
import { mulberry32 } from '../../../shared/seeded-random';

export const demoModelShape = {
  embedding: 64,
  heads: 4,
  feedForward: 128,
  layers: 2,
  contextLength: 2048,
} as const;

/** ChatML: short, and node-llama-cpp recognises it, so no Jinja runs at chat time. */
export const demoChatTemplate =
  "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

// Common words so the gibberish reads as words; SentencePiece marks a leading space with U+2581.
const words = (
  'the of and to in is it you that he was for on are as with his they at be this have from or one had by ' +
  'word but not what all were we when your can said there use an each which she do how their if will up ' +
  'other about out many then them these so some her would make like him into time has look two more write ' +
  'go see number no way could people my than first water been call who oil its now find long down day did ' +
  'get come made may part safe home model answer'
).split(' ');

// llama.cpp token types (llama_token_type): the byte type makes "<0x41>" decode to "A".
const tokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

interface Vocab {
  tokens: string[];
  types: number[];
  /** Tokens the model should almost never emit: controls other than end-of-text, and lone UTF-8 continuation bytes. */
  muted: Set<number>;
}

function vocabulary(): Vocab {
  const tokens: string[] = [];
  const types: number[] = [];
  const muted = new Set<number>();
  const add = (text: string, type: number, mute = false): void => {
    if (mute) muted.add(tokens.length);
    tokens.push(text);
    types.push(type);
  };
  add('<unk>', tokenType.unknown, true);
  add('<s>', tokenType.control, true);
  add('</s>', tokenType.control);
  for (let b = 0; b < 256; b++) {
    const hex = b.toString(16).toUpperCase().padStart(2, '0');
    // Bytes >= 0x80 alone would decode to U+FFFD; ASCII control bytes would print oddly.
    add(`<0x${hex}>`, tokenType.byte, b >= 0x80 || (b < 0x20 && b !== 0x0a));
  }
  add('<|im_start|>', tokenType.control, true);
  add('<|im_end|>', tokenType.control, true);
  add('\u2581', tokenType.normal);
  for (const w of words) add(`\u2581${w}`, tokenType.normal);
  for (let c = 97; c <= 122; c++) add(String.fromCharCode(c), tokenType.normal);
  for (const p of ['.', ',', '!', '?']) add(p, tokenType.normal);
  return { tokens, types, muted };
}

export function buildDemoModel(seed = 1): GgufFile {
  const { embedding: n, heads, feedForward: ff, layers, contextLength } = demoModelShape;
  const vocab = vocabulary();
  const nv = vocab.tokens.length;
  const random = mulberry32(seed);
  // Uniform in ±limit; limit = sqrt(3 / fanIn) keeps activations near unit variance.
  const uniform = (dims: number[], fanIn: number): Float32Array => {
    const limit = Math.sqrt(3 / fanIn);
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * limit;
    return data;
  };
  const ones = (): Float32Array => new Float32Array(n).fill(1);

  const output = uniform([n, nv], n / 4); // logits with a spread of ~2, so sampling varies
  for (const id of vocab.muted) output.fill(0, id * n, (id + 1) * n);

  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [n, nv], data: uniform([n, nv], 3) },
    { name: 'output_norm.weight', dims: [n], data: ones() },
    // A separate output matrix: tied embeddings make a random model repeat one token.
    { name: 'output.weight', dims: [n, nv], data: output },
  ];
  for (let i = 0; i < layers; i++) {
    const blk = (name: string, dims: number[], data: Float32Array): void => {
      tensors.push({ name: `blk.${i}.${name}.weight`, dims, data });
    };
    blk('attn_norm', [n], ones());
    blk('attn_q', [n, n], uniform([n, n], n));
    blk('attn_k', [n, n], uniform([n, n], n));
    blk('attn_v', [n, n], uniform([n, n], n));
    blk('attn_output', [n, n], uniform([n, n], n));
    blk('ffn_norm', [n], ones());
    blk('ffn_gate', [n, ff], uniform([n, ff], n));
    blk('ffn_up', [n, ff], uniform([n, ff], n));
    blk('ffn_down', [ff, n], uniform([ff, n], ff));
  }

  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  const str = (value: string): GgufValue => ({ type: 'string', value });
  const metadata = new Map<string, GgufValue>([
    ['general.architecture', str('llama')],
    ['general.name', str(`Airlock demo model (seed ${seed})`)],
    [
      'general.description',
      str('Random weights for trying and testing Airlock offline; answers are gibberish.'),
    ],
    ['general.file_type', u32(0)], // all F32
    ['llama.context_length', u32(contextLength)],
    ['llama.embedding_length', u32(n)],
    ['llama.block_count', u32(layers)],
    ['llama.feed_forward_length', u32(ff)],
    ['llama.attention.head_count', u32(heads)],
    ['llama.attention.head_count_kv', u32(heads)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', u32(n / heads)],
    ['llama.vocab_size', u32(nv)],
    ['tokenizer.ggml.model', str('llama')],
    ['tokenizer.ggml.tokens', { type: 'array', of: 'string', values: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'array', of: 'f32', values: vocab.tokens.map((_, i) => -i) }],
    ['tokenizer.ggml.token_type', { type: 'array', of: 'i32', values: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(2)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    ['tokenizer.chat_template', str(demoChatTemplate)],
  ]);
  return { metadata, tensors };
}
