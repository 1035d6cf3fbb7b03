// The "script" test model: a real llama GGUF, run by real llama.cpp, whose
// answer to ANY prompt is exactly `pieces.join('')`, one token per piece, then
// end-of-sequence, even at the engine's default temperature. E2E tests use it
// whenever they need a known answer (hold-back windows, Markdown, leaks).
//
//   buildScriptModel(['Hello', ' there', '!'])            -> GgufFile (encodeGguf for bytes)
//   writeScriptModel('/data/models/script.gguf', pieces)  -> the file, written atomically
//
// How: every layer adds nothing to the residual stream (attn_output and
// ffn_down are zero), so the logits depend only on the current token. Each
// piece has its own embedding dimension; every other token shares one
// "prompt" dimension. output.weight then maps prompt -> piece 0, piece i ->
// piece i+1 and the last piece -> EOS with a logit of 60 against 0 for all
// else, so sampling at any usual temperature picks it (e^-60 per rival).
//
// Rules for pieces: non-empty, distinct, no U+2581, not the text of a control
// token, and not a suffix of the ChatML generation prompt "assistant\n" with 2+
// characters (that piece would be the prompt's last token). A piece holding
// the stop text "<|im_end|>" ends the answer there, as it would for any model.
import { renameSync, writeFileSync } from 'node:fs';
import { mulberry32 } from '../../../shared/seeded-random';
import { demoChatTemplate } from './demo-model';
import { encodeGguf, type GgufFile, type GgufTensor, type GgufValue } from './gguf-write';

/** llama.cpp's llama_token_type values. */
const tokenType = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;
const eosId = 2;
/** Logit of the scripted next token; every other token gets 0. */
const logitScale = 60;
/** node-llama-cpp's ChatML wrapper ends every prompt with this text (after <|im_start|>). */
const generationPromptTail = 'assistant\n';

interface ScriptVocab {
  tokens: string[];
  types: number[];
  /** Token id of piece i. */
  pieceIds: number[];
}

/**
 * Why a piece's token text is what it is: the prompt's last token decides the
 * first piece, so a prompt must never tokenize into a piece token at its end.
 * - A piece with a space keeps the space literal instead of SentencePiece's
 *   U+2581: llama.cpp detokenizes it the same, but its tokenizer turns every
 *   space of a prompt into U+2581 first, so it can never produce this token.
 * - A one-character ASCII piece (a newline, say) is a byte token named
 *   "<0x0A>" plus a tag: llama.cpp reads only the two hex digits when it
 *   detokenizes, and its tokenizer only ever looks up the bare "<0x0A>".
 */
function pieceToken(piece: string, index: number): { text: string; type: number } {
  if (piece.length === 1 && piece.charCodeAt(0) < 0x80 && piece !== ' ') {
    const hex = piece.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
    return { text: `<0x${hex}>script-piece-${index}`, type: tokenType.byte };
  }
  return { text: piece, type: tokenType.normal };
}

function vocabulary(pieces: readonly string[]): ScriptVocab {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [tokenType.unknown, tokenType.control, tokenType.control];
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
    types.push(tokenType.byte);
  }
  tokens.push('<|im_start|>', '<|im_end|>');
  types.push(tokenType.control, tokenType.control);

  const taken = new Set(tokens);
  const pieceIds: number[] = [];
  pieces.forEach((piece, i) => {
    const problem = pieceProblem(piece, taken);
    if (problem) throw new Error(`script piece ${i} (${JSON.stringify(piece)}) ${problem}`);
    const { text, type } = pieceToken(piece, i);
    taken.add(piece);
    taken.add(text);
    pieceIds.push(tokens.length);
    tokens.push(text);
    types.push(type);
  });
  return { tokens, types, pieceIds };
}

function pieceProblem(piece: string, taken: ReadonlySet<string>): string | undefined {
  if (piece === '') return 'is empty';
  if (taken.has(piece)) return 'repeats an earlier piece or names a control token';
  if (piece.includes('\u2581')) return 'contains U+2581, which llama.cpp prints as a space';
  if (piece.length >= 2 && generationPromptTail.endsWith(piece)) {
    return 'ends the chat prompt ("assistant\\n"), so the prompt would end on it';
  }
  return undefined;
}

/**
 * A GGUF that answers `pieces.join('')`, one token per piece, then stops.
 * `seed` only fills weights that cannot change the answer (queries, keys,
 * values, the FFN's first half), so files differ while answers do not.
 */
export function buildScriptModel(pieces: readonly string[], seed = 1): GgufFile {
  const vocab = vocabulary(pieces);
  const nv = vocab.tokens.length;
  // One dimension for "prompt" plus one per piece, rounded to whole 16-wide heads.
  const n = Math.max(32, Math.ceil((pieces.length + 1) / 16) * 16);
  const heads = n / 16;
  const ff = 2 * n;
  const random = mulberry32(seed);
  const noise = (count: number): Float32Array => {
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++) data[i] = (random() * 2 - 1) * 0.1;
    return data;
  };

  const pieceDim = new Map(vocab.pieceIds.map((id, i) => [id, i + 1]));
  const embedding = new Float32Array(n * nv);
  for (let id = 0; id < nv; id++) embedding[id * n + (pieceDim.get(id) ?? 0)] = 1;

  // RMS norm turns a one-hot row into sqrt(n) on its dimension; divide that back out.
  const weight = logitScale / Math.sqrt(n);
  const output = new Float32Array(n * nv);
  const next = (fromDim: number, toId: number): void => void (output[toId * n + fromDim] = weight);
  next(0, vocab.pieceIds[0] ?? eosId);
  vocab.pieceIds.forEach((_, i) => next(i + 1, vocab.pieceIds[i + 1] ?? eosId));

  const ones = (): Float32Array => new Float32Array(n).fill(1);
  const blk = (name: string, dims: number[], data: Float32Array): GgufTensor => ({
    name: `blk.0.${name}.weight`,
    dims,
    data,
  });
  const tensors: GgufTensor[] = [
    { name: 'token_embd.weight', dims: [n, nv], data: embedding },
    { name: 'output_norm.weight', dims: [n], data: ones() },
    { name: 'output.weight', dims: [n, nv], data: output },
    blk('attn_norm', [n], ones()),
    blk('attn_q', [n, n], noise(n * n)),
    blk('attn_k', [n, n], noise(n * n)),
    blk('attn_v', [n, n], noise(n * n)),
    blk('attn_output', [n, n], new Float32Array(n * n)),
    blk('ffn_norm', [n], ones()),
    blk('ffn_gate', [n, ff], noise(n * ff)),
    blk('ffn_up', [n, ff], noise(n * ff)),
    blk('ffn_down', [ff, n], new Float32Array(ff * n)),
  ];

  const u32 = (value: number): GgufValue => ({ type: 'u32', value });
  const str = (value: string): GgufValue => ({ type: 'string', value });
  const metadata = new Map<string, GgufValue>([
    ['general.architecture', str('llama')],
    ['general.name', str(`Airlock script model (${pieces.length} pieces)`)],
    ['general.description', str('Answers every prompt with one fixed text; for tests.')],
    ['general.file_type', u32(0)], // all F32
    ['llama.context_length', u32(2048)],
    ['llama.embedding_length', u32(n)],
    ['llama.block_count', u32(1)],
    ['llama.feed_forward_length', u32(ff)],
    ['llama.attention.head_count', u32(heads)],
    ['llama.attention.head_count_kv', u32(heads)],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-5 }],
    ['llama.rope.dimension_count', u32(16)],
    ['llama.vocab_size', u32(nv)],
    ['tokenizer.ggml.model', str('llama')],
    ['tokenizer.ggml.tokens', { type: 'array', of: 'string', values: vocab.tokens }],
    ['tokenizer.ggml.scores', { type: 'array', of: 'f32', values: vocab.tokens.map((_, i) => -i) }],
    ['tokenizer.ggml.token_type', { type: 'array', of: 'i32', values: vocab.types }],
    ['tokenizer.ggml.unknown_token_id', u32(0)],
    ['tokenizer.ggml.bos_token_id', u32(1)],
    ['tokenizer.ggml.eos_token_id', u32(eosId)],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
    // Else llama.cpp drops the leading space of an answer's first token (" Hi" would show as "Hi").
    ['tokenizer.ggml.add_space_prefix', { type: 'bool', value: false }],
    ['tokenizer.chat_template', str(demoChatTemplate)],
  ]);
  return { metadata, tensors };
}

/** Writes the script model to `path` (e.g. `<data>/models/script.gguf`) beside-then-rename, so no reader sees half a file. */
export function writeScriptModel(path: string, pieces: readonly string[], seed = 1): void {
  const temp = `${path}.${process.pid}.partial`;
  writeFileSync(temp, encodeGguf(buildScriptModel(pieces, seed)));
  renameSync(temp, path);
}
