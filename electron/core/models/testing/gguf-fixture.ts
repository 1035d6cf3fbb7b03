// Writes GGUF bytes for tests and benches: a raw writer that puts down
// whatever counts and lengths it is told (so tests can lie, as an attacker
// would) and a tiny valid llama-style model. Independent of the product's
// GGUF writer in electron/core/engines/ on purpose: the validator is checked
// against the format, not against our own writer.

export const ggufType = {
  uint8: 0,
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
};
export const tensorType = { F32: 0, F16: 1, Q8_0: 8 };

export class RawGguf {
  private readonly parts: Buffer[] = [];

  get length(): number {
    return this.parts.reduce((n, p) => n + p.length, 0);
  }
  header(version: number, tensors: bigint | number, kvs: bigint | number): this {
    return this.raw(Buffer.from('GGUF', 'latin1')).u32(version).u64(tensors).u64(kvs);
  }
  u8(value: number): this {
    return this.raw(Buffer.of(value));
  }
  u32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    return this.raw(b);
  }
  u64(value: bigint | number): this {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(value));
    return this.raw(b);
  }
  f32(value: number): this {
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    return this.raw(b);
  }
  str(text: string): this {
    const bytes = Buffer.from(text, 'utf8');
    return this.u64(bytes.length).raw(bytes);
  }
  kvString(key: string, value: string): this {
    return this.str(key).u32(ggufType.string).str(value);
  }
  kvU32(key: string, value: number): this {
    return this.str(key).u32(ggufType.uint32).u32(value);
  }
  kvStrings(key: string, values: string[]): this {
    this.str(key).u32(ggufType.array).u32(ggufType.string).u64(values.length);
    for (const v of values) this.str(v);
    return this;
  }
  tensor(name: string, dims: (bigint | number)[], type: number, offset: bigint | number): this {
    this.str(name).u32(dims.length);
    for (const d of dims) this.u64(d);
    return this.u32(type).u64(offset);
  }
  pad(alignment = 32): this {
    return this.raw(Buffer.alloc((alignment - (this.length % alignment)) % alignment));
  }
  raw(bytes: Buffer): this {
    this.parts.push(bytes);
    return this;
  }
  bytes(): Buffer {
    return Buffer.concat(this.parts);
  }
}

export interface TinyGgufOptions {
  chatTemplate?: string;
  version?: number;
}

/** 3 tensors (F32, Q8_0, F32), 5184 parameters, a 1500-token vocabulary, context length 2048. */
export const tinyTensors = [
  { name: 'token_embd.weight', dims: [64, 16], type: tensorType.F32, bytes: 64 * 16 * 4 },
  { name: 'blk.0.attn_q.weight', dims: [64, 64], type: tensorType.Q8_0, bytes: (64 / 32) * 34 * 64 },
  { name: 'output_norm.weight', dims: [64], type: tensorType.F32, bytes: 64 * 4 },
];

export function tinyGguf(options: TinyGgufOptions = {}): Buffer {
  const kvs = options.chatTemplate === undefined ? 5 : 6;
  const w = new RawGguf()
    .header(options.version ?? 3, tinyTensors.length, kvs)
    .kvString('general.architecture', 'llama')
    .kvString('general.name', 'tiny test model')
    .kvU32('general.file_type', 7)
    .kvU32('llama.context_length', 2048)
    .kvStrings(
      'tokenizer.ggml.tokens',
      Array.from({ length: 1500 }, (_, i) => `tok${i}`),
    );
  if (options.chatTemplate !== undefined) w.kvString('tokenizer.chat_template', options.chatTemplate);
  let offset = 0;
  for (const t of tinyTensors) {
    w.tensor(t.name, t.dims, t.type, offset);
    offset += Math.ceil(t.bytes / 32) * 32;
  }
  w.pad();
  for (const t of tinyTensors) w.raw(Buffer.alloc(Math.ceil(t.bytes / 32) * 32, 1));
  return w.bytes();
}

/** A header for one F32 tensor of `dataBytes` (a multiple of 32): the bench writes it, then extends the file sparsely. */
export function bigGgufHeader(dataBytes: number): Buffer {
  return new RawGguf()
    .header(3, 1, 1)
    .kvString('general.architecture', 'llama')
    .tensor('token_embd.weight', [dataBytes / 4], tensorType.F32, 0)
    .pad()
    .bytes();
}
