// Type by magic bytes, never by name (MI-01): each format is recognised from
// its contents, and only GGUF and safetensors are accepted.
import { describe, expect, it } from 'vitest';
import { bufferSource } from './byte-source';
import { sniffFormat } from './sniff';
import { tinyGguf } from './testing/gguf-fixture';

const sniff = (bytes: Buffer) => sniffFormat(bufferSource(bytes));

describe('sniffFormat', () => {
  it('accepts GGUF v3 and v2 only', async () => {
    expect(await sniff(tinyGguf())).toMatchObject({
      format: 'gguf',
      accepted: true,
      detail: 'GGUF version 3',
    });
    const v1 = Buffer.from(tinyGguf());
    v1.writeUInt32LE(1, 4);
    expect(await sniff(v1)).toMatchObject({ format: 'other', accepted: false });
  });

  it.each([
    ['7z (nullifAI wrapper)', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4], 'archive'],
    ['gzip', [0x1f, 0x8b, 8, 0], 'archive'],
    ['xz', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 'archive'],
    ['numpy', [...Buffer.from('\x93NUMPY\x01\x00', 'latin1')], 'numpy'],
    ['pickle protocol 2', [0x80, 0x02, 0x7d, 0x2e], 'pickle'],
    ['pickle protocol 0 GLOBAL', [...Buffer.from("cos\nsystem\n(S'id'\ntR.", 'latin1')], 'pickle'],
    ['pickle protocol 1 dict', [...Buffer.from('}q\x00.', 'latin1')], 'pickle'],
    ['text', [...Buffer.from('hello, world\n')], 'other'],
    ['empty', [], 'other'],
  ])('%s', async (_name, bytes, format) => {
    const sniffed = await sniff(Buffer.from(bytes));
    expect(sniffed.format).toBe(format);
    expect(sniffed.accepted).toBe(false);
    expect(sniffed.explanation).toMatch(/\.$/);
  });

  it('recognises a tar archive by its ustar field', async () => {
    const tar = Buffer.alloc(1024);
    tar.write('ustar', 257, 'latin1');
    expect((await sniff(tar)).format).toBe('archive');
  });

  it('explains why pickles are refused', async () => {
    const sniffed = await sniff(Buffer.from([0x80, 0x04, 0x2e]));
    expect(sniffed.explanation).toMatch(/runs? code/);
    expect(sniffed.explanation).toMatch(/GGUF or safetensors/);
  });

  it('does not take a safetensors-like length that points past the file', async () => {
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(1000n);
    bytes[8] = 0x7b;
    expect((await sniff(bytes)).format).toBe('other');
  });
});
