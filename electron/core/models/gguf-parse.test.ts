// The GGUF validator (MI-03) against a tiny valid file and the hostile headers
// of the advisories: each is refused with a sentence, quickly, without a crash
// or a large allocation; a fuzz run of random mutations never escapes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { bufferSource } from './byte-source';
import { parseGguf } from './gguf-parse';
import { summarizeGguf } from './gguf-summary';
import { RawGguf, ggufType, tensorType, tinyGguf } from './testing/gguf-fixture';

const int64Max = (1n << 63n) - 1n;

async function refusal(bytes: Buffer): Promise<AirlockError> {
  const started = performance.now();
  const error = await parseGguf(bufferSource(bytes)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(performance.now() - started).toBeLessThan(200);
  expect(error).toBeInstanceOf(AirlockError);
  expect((error as AirlockError).details).toEqual({ reason: 'invalid_gguf' });
  return error as AirlockError;
}

/** A header with one KV and one F32 tensor, padded, and `dataBytes` of data: the base of the tensor cases. */
function oneTensor(
  dims: (bigint | number)[],
  offset: bigint | number = 0,
  type = tensorType.F32,
  dataBytes = 64,
) {
  return new RawGguf()
    .header(3, 1, 1)
    .kvString('general.architecture', 'llama')
    .tensor('w', dims, type, offset)
    .pad()
    .raw(Buffer.alloc(dataBytes))
    .bytes();
}

describe('parseGguf on a valid file', () => {
  it('reads architecture, parameters, quantization and context length', async () => {
    const header = await parseGguf(bufferSource(tinyGguf()));
    expect(header.version).toBe(3);
    expect(header.tensors.map((t) => t.type)).toEqual(['F32', 'Q8_0', 'F32']);
    expect(summarizeGguf(header)).toMatchObject({
      name: 'tiny test model',
      architecture: 'llama',
      parameterCount: 64 * 16 + 64 * 64 + 64,
      quantization: 'Q8_0',
      contextLength: 2048,
      tensorCount: 3,
    });
    const tokens = header.metadata.get('tokenizer.ggml.tokens');
    // 1500 tokens are checked, then dropped: big arrays keep only their length.
    expect(tokens).toEqual({ kind: 'array', elementType: 'string', length: 1500 });
  });

  it('accepts version 2', async () => {
    expect((await parseGguf(bufferSource(tinyGguf({ version: 2 })))).version).toBe(2);
  });
});

describe('parseGguf refuses hostile headers', () => {
  const cases: [string, () => Buffer, RegExp][] = [
    ['a 4-byte file (CVE-2024-39720)', () => Buffer.from('GGUF'), /only 4 bytes/],
    ['wrong magic', () => Buffer.concat([Buffer.from('GGUX'), tinyGguf().subarray(4)]), /magic/],
    ['version 1', () => new RawGguf().header(1, 0, 0).bytes(), /version 1/],
    ['big-endian', () => new RawGguf().header(0x03000000, 0, 0).bytes(), /big-endian/],
    ['n_kv = 2^63', () => new RawGguf().header(3, 0, 1n << 63n).bytes(), /metadata count/],
    ['n_tensors = 2^64-1', () => new RawGguf().header(3, (1n << 64n) - 1n, 0).bytes(), /tensor count/],
    [
      'more tensors than the file can hold',
      () => new RawGguf().header(3, 1000, 0).u64(0).bytes(),
      /cannot fit/,
    ],
    [
      'a key of 2^62 bytes',
      () =>
        new RawGguf()
          .header(3, 0, 1)
          .u64(1n << 62n)
          .raw(Buffer.alloc(32))
          .bytes(),
      /claims/,
    ],
    [
      'a string value longer than the file',
      () => new RawGguf().header(3, 0, 1).str('k').u32(ggufType.string).u64(1_000_000).bytes(),
      /claims 1000000 bytes/,
    ],
    [
      'array count x element size overflow',
      () =>
        new RawGguf()
          .header(3, 0, 1)
          .str('k')
          .u32(ggufType.array)
          .u32(ggufType.uint64)
          .u64(1n << 61n)
          .u64(0)
          .bytes(),
      /array "k" length/,
    ],
    [
      'an array of strings claiming 2^40 items',
      () =>
        new RawGguf()
          .header(3, 0, 1)
          .str('k')
          .u32(ggufType.array)
          .u32(ggufType.string)
          .u64(1n << 40n)
          .bytes(),
      /cannot fit/,
    ],
    [
      'nested arrays',
      () => new RawGguf().header(3, 0, 1).str('k').u32(ggufType.array).u32(ggufType.array).u64(1).bytes(),
      /nests arrays/,
    ],
    [
      'an unknown value type',
      () => new RawGguf().header(3, 0, 1).str('k').u32(13).u64(0).bytes(),
      /unknown type 13/,
    ],
    [
      'a duplicate key',
      () => new RawGguf().header(3, 0, 2).kvU32('a', 1).kvU32('a', 2).raw(Buffer.alloc(32)).bytes(),
      /appears twice/,
    ],
    [
      'an alignment that is not a power of two',
      () => new RawGguf().header(3, 0, 1).kvU32('general.alignment', 24).raw(Buffer.alloc(32)).bytes(),
      /power of two/,
    ],
    [
      'n_dims = 1000000',
      () => new RawGguf().header(3, 1, 0).str('w').u32(1_000_000).raw(Buffer.alloc(64)).bytes(),
      /1000000 dimensions/,
    ],
    ['ne = 0', () => oneTensor([0, 4]), /dimension 0/],
    ['ne = (INT64_MAX, 2)', () => oneTensor([int64Max, 2]), /too many elements/],
    ['ne above INT64_MAX', () => oneTensor([int64Max + 1n]), /dimension/],
    ['an unknown tensor type', () => oneTensor([16], 0, 4), /unknown type 4/],
    ['a row that is not whole Q8_0 blocks', () => oneTensor([16], 0, tensorType.Q8_0), /whole number/],
    ['a misaligned tensor offset', () => oneTensor([4], 8), /not aligned/],
    ['offset + size > file size (CVE-2026-7482)', () => oneTensor([1024]), /past the end of the/],
    ['an offset far beyond the file', () => oneTensor([4], 1n << 60n), /starts past the end/],
    [
      'a tensor name over 63 bytes',
      () =>
        new RawGguf().header(3, 1, 0).tensor('n'.repeat(64), [4], 0, 0).pad().raw(Buffer.alloc(16)).bytes(),
      /tensor name/,
    ],
    [
      'two tensors sharing bytes',
      () =>
        new RawGguf()
          .header(3, 2, 0)
          .tensor('a', [8], 0, 0)
          .tensor('b', [8], 0, 0)
          .pad()
          .raw(Buffer.alloc(64))
          .bytes(),
      /overlap/,
    ],
    [
      'two tensors with one name',
      () =>
        new RawGguf()
          .header(3, 2, 0)
          .tensor('a', [8], 0, 0)
          .tensor('a', [8], 0, 32)
          .pad()
          .raw(Buffer.alloc(64))
          .bytes(),
      /appears twice/,
    ],
  ];

  it.each(cases)('%s', async (_name, build, message) => {
    const error = await refusal(build());
    expect(error.message).toMatch(/^This GGUF file is damaged or crafted to attack the loader: .+\.$/);
    expect(error.message).toMatch(message);
  });

  it('refuses every truncation of a valid file', async () => {
    const bytes = tinyGguf();
    for (let cut = 0; cut < bytes.length; cut += 97) await refusal(bytes.subarray(0, cut));
    await refusal(bytes.subarray(0, bytes.length - 1));
  });

  it('reads a hostile header in bounded chunks, never the size it claims', async () => {
    const bytes = new RawGguf()
      .header(3, 0, 1)
      .str('k')
      .u32(ggufType.string)
      .u64(1n << 40n)
      .bytes();
    const reads: number[] = [];
    const source = bufferSource(bytes);
    await expect(
      parseGguf({
        size: source.size,
        read: (offset, length) => (reads.push(length), source.read(offset, length)),
      }),
    ).rejects.toThrow(/claims/);
    expect(Math.max(...reads)).toBeLessThanOrEqual(bytes.length);
  });
});

describe('parseGguf fuzz (MI-03)', () => {
  it('never throws anything but a refusal, and each run stays under 1 s', async () => {
    const valid = tinyGguf({ chatTemplate: '{% for m in messages %}{{ m.content }}{% endfor %}' });
    const headerEnd = valid.length - 9000; // mutations aim at the header, where the parser lives
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(headerEnd), fc.nat(255)), { minLength: 1, maxLength: 6 }),
        fc.option(fc.nat(valid.length), { freq: 4 }),
        async (flips, cut) => {
          const bytes = Buffer.from(valid);
          for (const [at, value] of flips) bytes[at] = value;
          const started = performance.now();
          try {
            await parseGguf(bufferSource(cut === null ? bytes : bytes.subarray(0, cut)));
          } catch (error) {
            if (!(error instanceof AirlockError)) throw error;
          }
          expect(performance.now() - started).toBeLessThan(1000);
        },
      ),
      { numRuns: 10_000 },
    );
  }, 120_000);
});
