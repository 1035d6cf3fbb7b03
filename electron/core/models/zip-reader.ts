// Reads a zip's central directory and hands out one entry's bytes, with every
// size checked against the file and a cap on inflation (zip bombs). Enough to
// inspect PyTorch archives (`archive/data.pkl`) without extracting anything to
// disk; ZIP64 is handled because torch.save writes it for large models.
import { constants, inflateRawSync } from 'node:zlib';
import { bufferSource, sliceSource, type ByteSource } from './byte-source';
import { FormatError } from './cursor';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else cannot be inspected. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const eocdSignature = 0x06054b50;
const maxComment = 0xffff;
const maxDirectoryBytes = 64 * 1024 * 1024;
const maxEntries = 200_000;

export async function readZipDirectory(source: ByteSource): Promise<ZipEntry[]> {
  const { entries, size, offset } = await findDirectory(source);
  if (size > maxDirectoryBytes || entries > maxEntries || entries * 46 > size) {
    throw new FormatError(`its zip directory (${entries} entries, ${size} bytes) is not plausible`);
  }
  if (offset + size > source.size) throw new FormatError('its zip directory lies past the end of the file');
  const directory = await source.read(offset, size);
  const list: ZipEntry[] = [];
  let at = 0;
  for (let i = 0; i < entries; i++) {
    if (at + 46 > directory.length || directory.readUInt32LE(at) !== 0x02014b50) {
      throw new FormatError(`its zip directory entry ${i} is damaged`);
    }
    const flags = directory.readUInt16LE(at + 8);
    const nameLength = directory.readUInt16LE(at + 28);
    const extraLength = directory.readUInt16LE(at + 30);
    const commentLength = directory.readUInt16LE(at + 32);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > directory.length) throw new FormatError(`its zip directory entry ${i} runs past the directory`);
    const sizes = {
      compressed: directory.readUInt32LE(at + 20),
      uncompressed: directory.readUInt32LE(at + 24),
      offset: directory.readUInt32LE(at + 42),
    };
    applyZip64(sizes, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    list.push({
      name: directory.toString('utf8', at + 46, at + 46 + nameLength),
      method: directory.readUInt16LE(at + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: sizes.compressed,
      uncompressedSize: sizes.uncompressed,
      localHeaderOffset: sizes.offset,
    });
    at = end;
  }
  return list;
}

/** The entry's uncompressed bytes as a source; stored entries are read in place, deflated ones inflated up to `cap`. */
export async function openZipEntry(source: ByteSource, entry: ZipEntry, cap: number): Promise<ByteSource> {
  const start = await dataStart(source, entry);
  if (entry.method === 0) return sliceSource(source, start, entry.compressedSize);
  if (entry.method !== 8)
    throw new FormatError(`its zip entry "${entry.name}" uses compression ${entry.method}`);
  if (entry.compressedSize > cap)
    throw new FormatError(`its zip entry "${entry.name}" is too large to inspect`);
  const compressed = await source.read(start, entry.compressedSize);
  try {
    // maxOutputLength bounds memory whatever the entry claims (zip bombs).
    return bufferSource(inflateRawSync(compressed, { maxOutputLength: cap }));
  } catch {
    throw new FormatError(`its zip entry "${entry.name}" does not inflate within ${cap} bytes`);
  }
}

/** The first bytes of an entry (at most `n`), inflating only a little of a deflated one. */
export async function peekZipEntry(source: ByteSource, entry: ZipEntry, n: number): Promise<Buffer> {
  const start = await dataStart(source, entry);
  if (entry.method === 0) return source.read(start, Math.min(n, entry.compressedSize));
  if (entry.method !== 8) return Buffer.alloc(0);
  // 4 KiB of deflate input inflates to at most a few megabytes; a sync flush yields what is there.
  const input = await source.read(start, Math.min(4096, entry.compressedSize));
  try {
    return inflateRawSync(input, { finishFlush: constants.Z_SYNC_FLUSH }).subarray(0, n);
  } catch {
    return Buffer.alloc(0);
  }
}

async function dataStart(source: ByteSource, entry: ZipEntry): Promise<number> {
  if (entry.encrypted) throw new FormatError(`its zip entry "${entry.name}" is encrypted`);
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== 0x04034b50)
    throw new FormatError(`its zip entry "${entry.name}" is damaged`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > source.size) {
    throw new FormatError(`its zip entry "${entry.name}" runs past the end of the file`);
  }
  return start;
}

async function findDirectory(source: ByteSource): Promise<{ entries: number; size: number; offset: number }> {
  const tailLength = Math.min(source.size, 22 + maxComment);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === eocdSignature) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new FormatError('it has no zip directory');
  const entries = tail.readUInt16LE(at + 10);
  const size = tail.readUInt32LE(at + 12);
  const offset = tail.readUInt32LE(at + 16);
  if (entries !== 0xffff && size !== 0xffffffff && offset !== 0xffffffff) return { entries, size, offset };
  // ZIP64: a locator sits just before the classic record and points at the 64-bit one.
  const locatorAt = tailStart + at - 20;
  if (locatorAt < 0) throw new FormatError('its ZIP64 locator is missing');
  const locator = await source.read(locatorAt, 20);
  if (locator.readUInt32LE(0) !== 0x07064b50) throw new FormatError('its ZIP64 locator is missing');
  const recordAt = safe(locator.readBigUInt64LE(8), source.size, 'ZIP64 record offset');
  if (recordAt + 56 > source.size) throw new FormatError('its ZIP64 record lies past the end');
  const record = await source.read(recordAt, 56);
  if (record.readUInt32LE(0) !== 0x06064b50) throw new FormatError('its ZIP64 record is damaged');
  return {
    entries: safe(record.readBigUInt64LE(32), maxEntries, 'ZIP64 entry count'),
    size: safe(record.readBigUInt64LE(40), maxDirectoryBytes, 'ZIP64 directory size'),
    offset: safe(record.readBigUInt64LE(48), source.size, 'ZIP64 directory offset'),
  };
}

/** Fills the 32-bit fields that say 0xffffffff from the ZIP64 extra field (id 1), in spec order. */
function applyZip64(
  sizes: { compressed: number; uncompressed: number; offset: number },
  extra: Buffer,
): void {
  for (let at = 0; at + 4 <= extra.length;) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length)
          throw new FormatError('its ZIP64 field is short');
        const value = safe(extra.readBigUInt64LE(field), Number.MAX_SAFE_INTEGER, 'ZIP64 size');
        field += 8;
        return value;
      };
      if (sizes.uncompressed === 0xffffffff) sizes.uncompressed = next();
      if (sizes.compressed === 0xffffffff) sizes.compressed = next();
      if (sizes.offset === 0xffffffff) sizes.offset = next();
      return;
    }
    at += 4 + length;
  }
}

function safe(value: bigint, limit: number, what: string): number {
  if (value > BigInt(limit)) throw new FormatError(`its ${what} ${value} is out of range`);
  return Number(value);
}
