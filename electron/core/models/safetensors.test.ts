// safetensors header validation: a well-formed file passes with its facts;
// lengths, JSON, dtypes, shapes and offsets that do not add up are refused.
import { describe, expect, it } from 'vitest';
import { AirlockError } from '../errors';
import { bufferSource } from './byte-source';
import { parseSafetensors } from './safetensors';
import { sniffFormat } from './sniff';

type Header = Record<string, unknown>;

function file(header: Header | string, dataBytes: number, declared?: bigint): Buffer {
  const json = Buffer.from(typeof header === 'string' ? header : JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(declared ?? BigInt(json.length));
  return Buffer.concat([length, json, Buffer.alloc(dataBytes)]);
}

const valid: Header = {
  __metadata__: { format: 'pt' },
  'a.weight': { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] },
  'b.bias': { dtype: 'BF16', shape: [4], data_offsets: [24, 32] },
  empty: { dtype: 'I64', shape: [0, 5], data_offsets: [32, 32] },
  nibbles: { dtype: 'F4', shape: [4], data_offsets: [32, 34] },
};

async function refused(bytes: Buffer): Promise<string> {
  const error = await parseSafetensors(bufferSource(bytes)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AirlockError);
  expect((error as AirlockError).details).toEqual({ reason: 'invalid_safetensors' });
  return (error as AirlockError).message;
}

describe('parseSafetensors', () => {
  it('reads a valid file', async () => {
    const bytes = file(valid, 34);
    expect((await sniffFormat(bufferSource(bytes))).format).toBe('safetensors');
    const info = await parseSafetensors(bufferSource(bytes));
    expect(info.metadata).toEqual({ format: 'pt' });
    expect(info.tensors).toHaveLength(4);
    expect(info.parameterCount).toBe(6 + 4 + 0 + 4);
    expect(info.dtypes.F32).toEqual({ count: 1, bytes: 24 });
  });

  it.each([
    ['a header over 100 MB', () => file(valid, 34, 100_000_001n), /claims 100000001 bytes/],
    ['a header longer than the file', () => file(valid, 0, 1_000_000n), /runs past the end/],
    ['a header of 2^64-1 bytes', () => file(valid, 34, (1n << 64n) - 1n), /claims/],
    ['a tiny file', () => Buffer.alloc(6), /only 6 bytes/],
    ['broken JSON', () => file('{"a": ', 0), /not valid UTF-8 JSON/],
    ['a JSON array', () => file('[1, 2]', 0), /not a JSON object/],
    [
      'invalid UTF-8',
      () => Buffer.from([7, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d]),
      /UTF-8/,
    ],
    [
      'an unknown dtype',
      () => file({ w: { dtype: 'F128', shape: [1], data_offsets: [0, 16] } }, 16),
      /unknown dtype/,
    ],
    [
      'a negative dimension',
      () => file({ w: { dtype: 'F32', shape: [-1], data_offsets: [0, 4] } }, 4),
      /bad shape/,
    ],
    [
      'a fractional offset',
      () => file({ w: { dtype: 'U8', shape: [1], data_offsets: [0, 1.5] } }, 2),
      /data_offsets/,
    ],
    [
      'offsets beyond the data',
      () => file({ w: { dtype: 'F32', shape: [4], data_offsets: [0, 16] } }, 8),
      /outside/,
    ],
    ['begin after end', () => file({ w: { dtype: 'U8', shape: [0], data_offsets: [4, 0] } }, 4), /outside/],
    [
      'a shape that does not match the bytes',
      () => file({ w: { dtype: 'F32', shape: [3], data_offsets: [0, 8] } }, 8),
      /shape does not match/,
    ],
    [
      'a shape whose size overflows 64 bits',
      () => file({ w: { dtype: 'F32', shape: [2 ** 40, 2 ** 40, 2 ** 40], data_offsets: [0, 0] } }, 0),
      /shape does not match/,
    ],
    [
      'overlapping tensors',
      () =>
        file(
          {
            a: { dtype: 'U8', shape: [4], data_offsets: [0, 4] },
            b: { dtype: 'U8', shape: [4], data_offsets: [2, 6] },
          },
          6,
        ),
      /overlaps/,
    ],
    [
      'a gap between tensors',
      () =>
        file(
          {
            a: { dtype: 'U8', shape: [2], data_offsets: [0, 2] },
            b: { dtype: 'U8', shape: [2], data_offsets: [4, 6] },
          },
          6,
        ),
      /unexplained bytes/,
    ],
    [
      'trailing data nobody owns',
      () => file({ a: { dtype: 'U8', shape: [2], data_offsets: [0, 2] } }, 10),
      /cover 2 of 10/,
    ],
    ['metadata that is not strings', () => file({ __metadata__: { n: 1 } }, 0), /__metadata__/],
  ])('refuses %s', async (_name, build, message) => {
    expect(await refused(build())).toMatch(message);
  });
});
