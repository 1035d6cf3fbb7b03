// A structural GGUF validator in TypeScript (SECURITY.md MI-03): it reads the
// header, every metadata value and every tensor description through bounded
// chunks, and checks each count, length, dimension and offset against the
// bytes really in the file before any native loader sees it. Bugs it stands
// in front of: CVE-2024-21802, CVE-2025-53630/CVE-2026-27940 (integer
// overflow in gguf_init_from_file_impl), CVE-2024-39720 (4-byte file crash),
// CVE-2026-7482 "Bleeding Llama" (tensor offset+size beyond the file).
import { AirlockError } from '../errors';
import type { ByteSource } from './byte-source';
import { Cursor, FormatError } from './cursor';
import { ggufValueTypes, scalarSize, tensorTypes, type GgufValueType } from './gguf-types';

export type GgufScalar = number | bigint | boolean | string;
/** Arrays keep their values only when short; tokenizer vocabularies are checked and then dropped. */
export interface GgufArray {
  kind: 'array';
  elementType: GgufValueType;
  length: number;
  values?: GgufScalar[];
}
export type GgufValue = GgufScalar | GgufArray;

export interface GgufTensor {
  name: string;
  dims: bigint[];
  type: string;
  elements: bigint;
  /** Offset from the start of the data section, and size in bytes. */
  offset: number;
  size: number;
}

export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufValue>;
  tensors: GgufTensor[];
  alignment: number;
  dataOffset: number;
  fileSize: number;
}

/** Far above any real model, far below what would hurt us (MI-03: CPU and memory budgets). */
export const ggufLimits = {
  maxTensors: 200_000,
  maxKeyValues: 100_000,
  maxKeyBytes: 4096,
  maxStringBytes: 16 * 1024 * 1024,
  maxKeptBytes: 32 * 1024 * 1024,
  maxKeptArray: 1024,
  maxTensorNameBytes: 63, // GGML_MAX_NAME is 64 including the terminating NUL
  maxDims: 4, // GGML_MAX_DIMS
};

type PendingTensor = Omit<GgufTensor, 'size'> & { size: bigint };

const int64Max = (1n << 63n) - 1n;
const magic = 0x46554747; // "GGUF" read little-endian

/** Parses and validates a GGUF file; refuses it with a sentence when anything is off. */
export async function parseGguf(source: ByteSource): Promise<GgufHeader> {
  try {
    return await new GgufParser(source).parse();
  } catch (error) {
    if (error instanceof FormatError || error instanceof RangeError) {
      throw new AirlockError(
        'invalid_input',
        `This GGUF file is damaged or crafted to attack the loader: ${error.message}.`,
        { reason: 'invalid_gguf' },
      );
    }
    throw error;
  }
}

class GgufParser {
  private readonly cursor: Cursor;
  private kept = 0;

  constructor(private readonly source: ByteSource) {
    this.cursor = new Cursor(source);
  }

  async parse(): Promise<GgufHeader> {
    const c = this.cursor;
    if (this.source.size < 24) throw new FormatError(`it is only ${this.source.size} bytes long`);
    if ((await c.u32()) !== magic) throw new FormatError('it does not start with the GGUF magic');
    const version = await c.u32();
    if (version === 0x02000000 || version === 0x03000000) throw new FormatError('it is big-endian');
    if (version !== 2 && version !== 3) throw new FormatError(`its version ${version} is not 2 or 3`);
    const tensorCount = this.count(await c.u64(), ggufLimits.maxTensors, 24, 'tensor count');
    const kvCount = this.count(await c.u64(), ggufLimits.maxKeyValues, 13, 'metadata count');

    const metadata = new Map<string, GgufValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await this.string(ggufLimits.maxKeyBytes, 'metadata key');
      if (metadata.has(key)) throw new FormatError(`its metadata key "${key}" appears twice`);
      metadata.set(key, await this.value(await this.valueType(`value of "${key}"`), key));
    }
    const alignment = this.alignment(metadata.get('general.alignment'));

    const infos: PendingTensor[] = [];
    const names = new Set<string>();
    for (let i = 0; i < tensorCount; i++) {
      const info = await this.tensorInfo(alignment);
      if (names.has(info.name)) throw new FormatError(`its tensor "${info.name}" appears twice`);
      names.add(info.name);
      infos.push(info);
    }
    const dataOffset = Math.ceil(c.pos / alignment) * alignment;
    const tensors = infos.map((info) => this.placeTensor(info, dataOffset));
    checkNoOverlap(tensors);
    return { version, metadata, tensors, alignment, dataOffset, fileSize: this.source.size };
  }

  /** A declared count, refused when over the budget or when the file cannot hold that many items. */
  private count(value: bigint, limit: number, minItemBytes: number, what: string): number {
    if (value > BigInt(limit)) throw new FormatError(`its ${what} ${value} is over the limit of ${limit}`);
    if (value * BigInt(minItemBytes) > BigInt(this.cursor.remaining)) {
      throw new FormatError(`its ${what} ${value} cannot fit in the ${this.cursor.remaining} bytes left`);
    }
    return Number(value);
  }

  private async string(cap: number, what: string): Promise<string> {
    const length = await this.cursor.u64();
    const bytes = await this.cursor.bytes(length, cap, what);
    return bytes.toString('utf8');
  }

  private async valueType(what: string): Promise<GgufValueType> {
    const id = await this.cursor.u32();
    const type = ggufValueTypes[id as keyof typeof ggufValueTypes] as GgufValueType | undefined;
    if (!type) throw new FormatError(`the ${what} has unknown type ${id}`);
    return type;
  }

  private async value(type: GgufValueType, key: string, keep = true): Promise<GgufValue> {
    const c = this.cursor;
    switch (type) {
      case 'string': {
        if (!keep) {
          c.skip(await c.u64(), `string in "${key}"`);
          return '';
        }
        const text = await this.string(ggufLimits.maxStringBytes, `string "${key}"`);
        this.kept += text.length;
        if (this.kept > ggufLimits.maxKeptBytes)
          throw new FormatError('its metadata is larger than any model');
        return text;
      }
      case 'array':
        return this.array(key);
      case 'bool':
        return (await c.u8()) !== 0;
      case 'uint8':
        return c.u8();
      case 'int8':
        return ((await c.u8()) << 24) >> 24;
      case 'uint16':
        return c.u16();
      case 'int16':
        return ((await c.u16()) << 16) >> 16;
      case 'uint32':
        return c.u32();
      case 'int32':
        return c.i32();
      case 'float32':
        return (await c.bytes(4, 4, key)).readFloatLE(0);
      case 'float64':
        return (await c.bytes(8, 8, key)).readDoubleLE(0);
      case 'uint64':
        return c.u64();
      case 'int64':
        return BigInt.asIntN(64, await c.u64());
    }
  }

  private async array(key: string): Promise<GgufArray> {
    const elementType = await this.valueType(`array "${key}"`);
    if (elementType === 'array') throw new FormatError(`its array "${key}" nests arrays`);
    // Strings carry an 8-byte length each, so the count alone already bounds the file size.
    const itemBytes = scalarSize[elementType] ?? 8;
    const declared = await this.cursor.u64();
    const length = this.count(declared, Number.MAX_SAFE_INTEGER, itemBytes, `array "${key}" length`);
    const keep = length <= ggufLimits.maxKeptArray;
    if (!keep && elementType !== 'string') {
      this.cursor.skip(length * itemBytes, `array "${key}"`);
      return { kind: 'array', elementType, length };
    }
    const values: GgufScalar[] = [];
    for (let i = 0; i < length; i++) {
      const value = (await this.value(elementType, key, keep)) as GgufScalar;
      if (keep) values.push(value);
    }
    return keep ? { kind: 'array', elementType, length, values } : { kind: 'array', elementType, length };
  }

  private alignment(value: GgufValue | undefined): number {
    if (value === undefined) return 32;
    if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0 || (value & (value - 1)) !== 0) {
      const shown = typeof value === 'object' ? 'an array' : String(value);
      throw new FormatError(`its alignment ${shown} is not a power of two`);
    }
    return value;
  }

  private async tensorInfo(alignment: number): Promise<PendingTensor> {
    const c = this.cursor;
    const name = await this.string(ggufLimits.maxTensorNameBytes, 'tensor name');
    const nDims = await c.u32();
    if (nDims > ggufLimits.maxDims) throw new FormatError(`its tensor "${name}" has ${nDims} dimensions`);
    const dims: bigint[] = [];
    let elements = 1n;
    for (let i = 0; i < nDims; i++) {
      const ne = await c.u64();
      if (ne === 0n || ne > int64Max) throw new FormatError(`its tensor "${name}" has dimension ${ne}`);
      elements *= ne;
      if (elements > int64Max) throw new FormatError(`its tensor "${name}" has too many elements`);
      dims.push(ne);
    }
    const typeId = await c.u32();
    const type = tensorTypes.get(typeId);
    if (!type) throw new FormatError(`its tensor "${name}" has unknown type ${typeId}`);
    if ((dims[0] ?? 1n) % BigInt(type.blockSize) !== 0n) {
      throw new FormatError(`its tensor "${name}" row is not a whole number of ${type.name} blocks`);
    }
    const offset = await c.u64();
    if (offset % BigInt(alignment) !== 0n) throw new FormatError(`its tensor "${name}" is not aligned`);
    if (offset > BigInt(this.source.size)) throw new FormatError(`its tensor "${name}" starts past the end`);
    const size = (elements / BigInt(type.blockSize)) * BigInt(type.typeSize);
    return { name, dims, type: type.name, elements, offset: Number(offset), size };
  }

  /** CVE-2026-7482: data offset + tensor offset + size must end inside the file. */
  private placeTensor(info: PendingTensor, dataOffset: number): GgufTensor {
    const end = BigInt(dataOffset) + BigInt(info.offset) + info.size;
    if (end > BigInt(this.source.size)) {
      throw new FormatError(
        `its tensor "${info.name}" ends at byte ${end}, past the end of the ${this.source.size}-byte file`,
      );
    }
    return { ...info, size: Number(info.size) };
  }
}

function checkNoOverlap(tensors: GgufTensor[]): void {
  const sorted = [...tensors].sort((a, b) => a.offset - b.offset);
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1]!;
    const tensor = sorted[i]!;
    if (tensor.offset < before.offset + before.size) {
      throw new FormatError(`its tensors "${before.name}" and "${tensor.name}" overlap`);
    }
  }
}
