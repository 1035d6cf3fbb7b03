// SHA-256 of the one file inside a tar stream (what Docker's getArchive sends
// for a path), hashed as the bytes arrive so a model of many gigabytes never
// sits in memory. Only what Docker writes is handled: ustar headers, an
// optional PAX or GNU long-name header first, sizes in octal, base-256 or a
// PAX `size` record.
import { createHash } from 'node:crypto';

const block = 512;

export interface TarDigest {
  sha256: string;
  size: number;
}

export async function digestTarFile(stream: AsyncIterable<Buffer | string>): Promise<TarDigest> {
  let pending = Buffer.alloc(0);
  let paxSize: number | undefined;
  /** Bytes of the current entry still to come, then its padding. */
  let remaining = 0;
  let padding = 0;
  let hash: ReturnType<typeof createHash> | undefined;
  let fileSize = 0;
  let meta: Buffer[] | undefined;

  for await (const raw of stream) {
    pending = Buffer.concat([pending, typeof raw === 'string' ? Buffer.from(raw) : raw]);
    for (;;) {
      if (remaining > 0) {
        if (pending.length === 0) break;
        const take = pending.subarray(0, Math.min(remaining, pending.length));
        if (hash) hash.update(take);
        else meta?.push(Buffer.from(take));
        remaining -= take.length;
        pending = pending.subarray(take.length);
        if (remaining > 0) break;
        if (hash) return { sha256: hash.digest('hex'), size: fileSize };
        if (meta) paxSize = paxRecordSize(Buffer.concat(meta)) ?? paxSize;
        meta = undefined;
      }
      if (padding > 0) {
        const skip = Math.min(padding, pending.length);
        padding -= skip;
        pending = pending.subarray(skip);
        if (padding > 0) break;
      }
      if (pending.length < block) break;
      const header = pending.subarray(0, block);
      pending = pending.subarray(block);
      if (header.every((byte) => byte === 0)) throw new Error('the archive holds no file');
      const type = String.fromCharCode(header[156]!);
      const size = entrySize(header.subarray(124, 136));
      padding = (block - (size % block)) % block;
      if (type === '0' || type === '\0') {
        fileSize = paxSize ?? size;
        padding = (block - (fileSize % block)) % block;
        hash = createHash('sha256');
        remaining = fileSize;
        if (fileSize === 0) return { sha256: hash.digest('hex'), size: 0 };
      } else if (type === 'x' || type === 'L' || type === 'g') {
        meta = type === 'x' ? [] : undefined;
        remaining = size;
        if (size === 0) meta = undefined;
      } else {
        throw new Error(`the archive holds a ${type} entry, not a plain file`);
      }
    }
  }
  throw new Error('the archive ended before the file did');
}

function entrySize(field: Buffer): number {
  // Base-256 (GNU): the high bit of the first byte set, then a big-endian number.
  if ((field[0]! & 0x80) !== 0) {
    let value = field[0]! & 0x7f;
    for (let i = 1; i < field.length; i++) value = value * 256 + field[i]!;
    return value;
  }
  const text = field.toString('latin1').replace(/\0.*$/s, '').trim();
  return text ? parseInt(text, 8) : 0;
}

/** PAX records are "<len> key=value\n"; Go's archive/tar puts a size over 8 GiB there. */
function paxRecordSize(records: Buffer): number | undefined {
  const match = /(?:^|\n)\d+ size=(\d+)\n/.exec(records.toString('utf8'));
  return match ? Number(match[1]) : undefined;
}
