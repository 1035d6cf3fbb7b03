// The tar reader behind the sandbox check hashes exactly the file's bytes
// however Docker's stream is cut into chunks, past a PAX long-name header,
// with a size in a PAX record or in base-256, and refuses what is not one
// plain file (a directory, an archive cut short) instead of hashing a guess.
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tarStream } from '../engines/image/tar-pack';
import { digestTarFile } from './tar-file-digest';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

/** The archive as a stream in pieces of the given sizes (cycled), as a socket might cut it. */
function chunked(bytes: Buffer, sizes: number[]): Readable {
  const pieces: Buffer[] = [];
  for (let at = 0, i = 0; at < bytes.length; i++) {
    const size = sizes[i % sizes.length]!;
    pieces.push(bytes.subarray(at, at + size));
    at += size;
  }
  return Readable.from(pieces);
}

/** A bare ustar header: the reader checks the type and size fields only. */
function header(type: string, sizeField: Buffer | string): Buffer {
  const buf = Buffer.alloc(512);
  buf.write('model.gguf', 0, 'ascii');
  if (typeof sizeField === 'string') buf.write(sizeField, 124, 'ascii');
  else sizeField.copy(buf, 124);
  buf.write(type, 156, 'ascii');
  buf.write('ustar\0', 257, 'ascii');
  return buf;
}

const pad = (bytes: Buffer) => Buffer.concat([bytes, Buffer.alloc((512 - (bytes.length % 512)) % 512)]);

describe('digestTarFile', () => {
  it('hashes the one file whatever the chunk boundaries (fixed seed)', async () => {
    const file = Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256));
    const archive = await collect(tarStream([{ kind: 'bytes', path: 'model.gguf', bytes: file }]));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 1500 }), { minLength: 1, maxLength: 8 }),
        async (sizes) => {
          expect(await digestTarFile(chunked(archive, sizes))).toEqual({ sha256: sha(file), size: 3000 });
        },
      ),
      { seed: 6, numRuns: 60 },
    );
  });

  it('reads past a PAX header that carries a long name', async () => {
    const file = Buffer.from('GGUF long-named');
    const path = `${'d'.repeat(120)}.gguf`;
    const archive = await collect(tarStream([{ kind: 'bytes', path, bytes: file }]));
    expect(archive.subarray(156, 157).toString()).toBe('x');
    expect(await digestTarFile(chunked(archive, [100]))).toEqual({ sha256: sha(file), size: file.length });
  });

  it('takes the size from a PAX record or a base-256 field', async () => {
    const file = Buffer.from('seventeen bytes!!');
    const record = `11 size=${file.length}\n`; // 11: the record's own length, as PAX counts it
    const pax = Buffer.concat([
      header('x', `${record.length.toString(8).padStart(11, '0')}\0`),
      pad(Buffer.from(record)),
    ]);
    const viaPax = Buffer.concat([pax, header('0', '00000000000\0'), pad(file), Buffer.alloc(1024)]);
    expect(await digestTarFile(chunked(viaPax, [512]))).toEqual({ sha256: sha(file), size: 17 });

    const base256 = Buffer.alloc(12);
    base256[0] = 0x80;
    base256[11] = file.length;
    const viaBase256 = Buffer.concat([header('0', base256), pad(file)]);
    expect(await digestTarFile(chunked(viaBase256, [7]))).toEqual({ sha256: sha(file), size: 17 });
  });

  it('refuses a directory and an archive cut short', async () => {
    await expect(digestTarFile(chunked(header('5', '00000000000\0'), [512]))).rejects.toThrow(
      /not a plain file/,
    );
    const cut = Buffer.concat([header('0', '00000000144\0'), Buffer.from('only some')]);
    await expect(digestTarFile(chunked(cut, [64]))).rejects.toThrow(/ended before the file did/);
  });
});
