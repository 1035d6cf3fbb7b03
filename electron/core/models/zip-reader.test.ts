// The zip reader refuses directories and entries that do not fit the file,
// and caps inflation whatever an entry claims (a zip bomb stays small).
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source';
import { FormatError } from './cursor';
import { openZipEntry, readZipDirectory } from './zip-reader';

/** One-entry zip written by hand: local header, data, central directory, end record. */
function zip(name: string, data: Buffer, method: number, uncompressed: number): Buffer {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(uncompressed, 22);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(uncompressed, 24);
  central.writeUInt16LE(n.length, 28);
  const cdOffset = 30 + n.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(cdOffset, 16);
  return Buffer.concat([local, n, data, central, n, end]);
}

describe('zip reader', () => {
  it('reads a stored and a deflated entry', async () => {
    const stored = bufferSource(zip('a/data.pkl', Buffer.from('hello'), 0, 5));
    const [entry] = await readZipDirectory(stored);
    expect(entry).toMatchObject({ name: 'a/data.pkl', method: 0, compressedSize: 5 });
    expect((await (await openZipEntry(stored, entry!, 100)).read(0, 5)).toString()).toBe('hello');
    const deflated = bufferSource(zip('x', deflateRawSync(Buffer.from('hello hello')), 8, 11));
    const [d] = await readZipDirectory(deflated);
    expect((await (await openZipEntry(deflated, d!, 100)).read(0, 11)).toString()).toBe('hello hello');
  });

  it('caps a zip bomb at the limit instead of inflating what it claims', async () => {
    const bomb = deflateRawSync(Buffer.alloc(50 * 1024 * 1024));
    const source = bufferSource(zip('bomb.pkl', bomb, 8, 1));
    const [entry] = await readZipDirectory(source);
    await expect(openZipEntry(source, entry!, 1024 * 1024)).rejects.toThrow(/does not inflate within/);
  });

  it('refuses a directory that lies past the end, or claims impossible counts', async () => {
    const bytes = zip('a', Buffer.from('x'), 0, 1);
    bytes.writeUInt32LE(0x7fffffff, bytes.length - 6);
    await expect(readZipDirectory(bufferSource(bytes))).rejects.toThrow(FormatError);
    const many = zip('a', Buffer.from('x'), 0, 1);
    many.writeUInt16LE(60_000, many.length - 12);
    await expect(readZipDirectory(bufferSource(many))).rejects.toThrow(/not plausible/);
  });

  it('refuses an entry whose data runs past the end of the file', async () => {
    const bytes = zip('a', Buffer.from('x'), 0, 1);
    const source = bufferSource(bytes);
    const [entry] = await readZipDirectory(source);
    await expect(openZipEntry(source, { ...entry!, compressedSize: 10_000 }, 100)).rejects.toThrow(
      /past the end/,
    );
  });
});
