// Encodes a GGUF v3 file (header, typed key/values, tensor infos, aligned
// data) into one Buffer. Written by hand so tests need no model download and
// no dependency: https://github.com/ggml-org/ggml/blob/master/docs/gguf.md

/** GGUF metadata value types, as numbered in the spec. */
const valueType = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;

type Scalar =
  | { type: 'u32'; value: number }
  | { type: 'i32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string };

export type GgufValue =
  | Scalar
  | { type: 'array'; of: 'string'; values: readonly string[] }
  | { type: 'array'; of: 'i32' | 'f32'; values: readonly number[] };

export interface GgufTensor {
  name: string;
  /** ggml order: dims[0] is the innermost (contiguous) dimension. */
  dims: readonly number[];
  data: Float32Array;
}

export interface GgufFile {
  metadata: ReadonlyMap<string, GgufValue>;
  tensors: readonly GgufTensor[];
}

/** The spec's default; llama.cpp reads `general.alignment` when present. */
export const ggufAlignment = 32;
const ggmlTypeF32 = 0;

/** Grows a Buffer as little-endian values are appended. */
class ByteWriter {
  private buf = Buffer.alloc(64 * 1024);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  u32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeUInt32LE(v, this.length);
  }
  i32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeInt32LE(v, this.length);
  }
  f32(v: number): void {
    this.reserve(4);
    this.length = this.buf.writeFloatLE(v, this.length);
  }
  u64(v: number): void {
    this.reserve(8);
    this.length = this.buf.writeBigUInt64LE(BigInt(v), this.length);
  }
  u8(v: number): void {
    this.reserve(1);
    this.length = this.buf.writeUInt8(v, this.length);
  }
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  /** GGUF strings are a u64 byte length and UTF-8 bytes, no terminator. */
  string(s: string): void {
    const b = Buffer.from(s, 'utf8');
    this.u64(b.length);
    this.bytes(b);
  }
  /** Zero bytes up to the next multiple of `alignment` (Buffer.alloc zero-fills). */
  align(alignment: number): void {
    const pad = (alignment - (this.length % alignment)) % alignment;
    this.reserve(pad);
    this.length += pad;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

function writeValue(w: ByteWriter, v: GgufValue): void {
  w.u32(valueType[v.type]);
  switch (v.type) {
    case 'u32':
      return w.u32(v.value);
    case 'i32':
      return w.i32(v.value);
    case 'f32':
      return w.f32(v.value);
    case 'bool':
      return w.u8(v.value ? 1 : 0);
    case 'string':
      return w.string(v.value);
    case 'array':
      w.u32(valueType[v.of]);
      w.u64(v.values.length);
      if (v.of === 'string') for (const s of v.values) w.string(s);
      else if (v.of === 'i32') for (const n of v.values) w.i32(n);
      else for (const n of v.values) w.f32(n);
  }
}

function tensorBytes(t: GgufTensor): number {
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (count !== t.data.length) {
    throw new Error(`tensor ${t.name}: dims hold ${count} values but data has ${t.data.length}`);
  }
  return count * 4;
}

/** Encodes the file; the same input always gives the same bytes. */
export function encodeGguf(file: GgufFile): Buffer {
  const w = new ByteWriter();
  w.bytes(Buffer.from('GGUF', 'ascii'));
  w.u32(3);
  w.u64(file.tensors.length);
  w.u64(file.metadata.size);
  for (const [key, value] of file.metadata) {
    w.string(key);
    writeValue(w, value);
  }
  // Offsets are relative to the start of the data section, each one aligned.
  let offset = 0;
  for (const t of file.tensors) {
    w.string(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(ggmlTypeF32);
    w.u64(offset);
    offset += tensorBytes(t);
    offset += (ggufAlignment - (offset % ggufAlignment)) % ggufAlignment;
  }
  w.align(ggufAlignment);
  for (const t of file.tensors) {
    // Value by value, so the file is little-endian whatever the host's byte order.
    const le = Buffer.alloc(t.data.length * 4);
    for (let i = 0; i < t.data.length; i++) le.writeFloatLE(t.data[i]!, i * 4);
    w.bytes(le);
    w.align(ggufAlignment);
  }
  return w.result();
}
