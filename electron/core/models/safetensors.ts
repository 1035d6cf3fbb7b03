// Validates a safetensors file's header (8-byte little-endian length, then a
// JSON table of tensors) against the bytes really there: length limits, valid
// UTF-8 JSON, known dtypes, shapes whose byte size matches the declared
// offsets, offsets inside the data section, no overlap and no gaps, the same
// rules as the reference Rust loader (huggingface/safetensors `validate`).
import { AirlockError } from '../errors';
import type { ByteSource } from './byte-source';
import { FormatError } from './cursor';

export interface SafetensorsTensor {
  name: string;
  dtype: string;
  shape: number[];
  /** Byte range inside the data section. */
  begin: number;
  end: number;
}

export interface SafetensorsInfo {
  headerBytes: number;
  tensors: SafetensorsTensor[];
  metadata: Record<string, string> | null;
  parameterCount: number;
  dtypes: Record<string, { count: number; bytes: number }>;
}

/** The reference loader's own limit (safetensors MAX_HEADER_SIZE). */
export const maxHeaderBytes = 100_000_000;

const dtypeBits: Record<string, number> = {
  BOOL: 8,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  I64: 64,
  U64: 64,
  F64: 64,
  C64: 64,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
};

export async function parseSafetensors(source: ByteSource): Promise<SafetensorsInfo> {
  try {
    return await parse(source);
  } catch (error) {
    if (error instanceof FormatError || error instanceof RangeError) {
      throw new AirlockError(
        'invalid_input',
        `This safetensors file is damaged or crafted: ${error.message}.`,
        {
          reason: 'invalid_safetensors',
        },
      );
    }
    throw error;
  }
}

async function parse(source: ByteSource): Promise<SafetensorsInfo> {
  if (source.size < 10) throw new FormatError(`it is only ${source.size} bytes long`);
  const declared = (await source.read(0, 8)).readBigUInt64LE(0);
  if (declared > BigInt(maxHeaderBytes)) throw new FormatError(`its header claims ${declared} bytes`);
  const headerBytes = Number(declared);
  if (8 + headerBytes > source.size)
    throw new FormatError(`its ${headerBytes}-byte header runs past the end`);
  const raw = await source.read(8, headerBytes);
  if (raw[0] !== 0x7b) throw new FormatError('its header is not a JSON object');
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new FormatError('its header is not valid UTF-8 JSON');
  }
  if (!isRecord(header)) throw new FormatError('its header is not a JSON object');

  const dataBytes = source.size - 8 - headerBytes;
  const tensors: SafetensorsTensor[] = [];
  let metadata: Record<string, string> | null = null;
  for (const [name, entry] of Object.entries(header)) {
    if (name === '__metadata__') metadata = readMetadata(entry);
    else tensors.push(readTensor(name, entry, dataBytes));
  }
  checkLayout(tensors, dataBytes);

  const dtypes: SafetensorsInfo['dtypes'] = {};
  let parameters = 0n;
  for (const t of tensors) {
    parameters += t.shape.reduce((n, d) => n * BigInt(d), 1n);
    const entry = (dtypes[t.dtype] ??= { count: 0, bytes: 0 });
    entry.count++;
    entry.bytes += t.end - t.begin;
  }
  return { headerBytes, tensors, metadata, parameterCount: Number(parameters), dtypes };
}

function readMetadata(entry: unknown): Record<string, string> {
  if (!isRecord(entry) || !Object.values(entry).every((v) => typeof v === 'string')) {
    throw new FormatError('its __metadata__ is not a map of strings');
  }
  return entry as Record<string, string>;
}

function readTensor(name: string, entry: unknown, dataBytes: number): SafetensorsTensor {
  if (!isRecord(entry)) throw new FormatError(`its tensor "${name}" is not described by an object`);
  const { dtype, shape, data_offsets: offsets } = entry;
  if (typeof dtype !== 'string' || !(dtype in dtypeBits)) {
    throw new FormatError(`its tensor "${name}" has unknown dtype ${JSON.stringify(dtype)}`);
  }
  if (!Array.isArray(shape) || !shape.every(isCount))
    throw new FormatError(`its tensor "${name}" has a bad shape`);
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    throw new FormatError(`its tensor "${name}" has bad data_offsets`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataBytes) {
    throw new FormatError(
      `its tensor "${name}" spans bytes ${begin}-${end} outside the ${dataBytes}-byte data`,
    );
  }
  // BigInt: a shape like [2^40, 2^40] must not wrap around to a small size.
  const bits = shape.reduce((n, d) => n * BigInt(d), 1n) * BigInt(dtypeBits[dtype]!);
  if (bits % 8n !== 0n || bits / 8n !== BigInt(end - begin)) {
    throw new FormatError(`its tensor "${name}" shape does not match its ${end - begin} bytes`);
  }
  return { name, dtype, shape, begin, end };
}

/** Tensors tile the data section exactly: sorted by offset, each starts where the last ended. */
function checkLayout(tensors: SafetensorsTensor[], dataBytes: number): void {
  const sorted = [...tensors].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let at = 0;
  for (const t of sorted) {
    if (t.begin < at) throw new FormatError(`its tensor "${t.name}" overlaps another`);
    if (t.begin > at) throw new FormatError(`it has unexplained bytes before tensor "${t.name}"`);
    at = t.end;
  }
  if (at !== dataBytes) throw new FormatError(`its tensors cover ${at} of ${dataBytes} data bytes`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}
