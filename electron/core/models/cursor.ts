// A sequential reader over a ByteSource with a small window, so parsers walk
// headers of any size in bounded chunks (never the whole file in memory) and
// every read is checked against the bytes that are really there.
import type { ByteSource } from './byte-source';

/** A structural problem in a file; parsers turn it into a sentence for the user. */
export class FormatError extends Error {
  override name = 'FormatError';
}

const defaultChunk = 256 * 1024;

export class Cursor {
  private window: Buffer = Buffer.alloc(0);
  private windowStart = 0;
  pos: number;

  constructor(
    readonly source: ByteSource,
    start = 0,
    private readonly chunk = defaultChunk,
  ) {
    this.pos = start;
  }

  get remaining(): number {
    return this.source.size - this.pos;
  }

  /** Makes the next `n` bytes available, or says the file ends first. */
  private async need(n: number): Promise<Buffer> {
    if (n > this.remaining) {
      throw new FormatError(`it ends early (needs ${n} bytes at offset ${this.pos}, ${this.remaining} left)`);
    }
    const at = this.pos - this.windowStart;
    if (at < 0 || at + n > this.window.length) {
      const length = Math.min(Math.max(n, this.chunk), this.remaining);
      this.window = await this.source.read(this.pos, length);
      this.windowStart = this.pos;
    }
    const from = this.pos - this.windowStart;
    this.pos += n;
    return this.window.subarray(from, from + n);
  }

  async u8(): Promise<number> {
    return (await this.need(1))[0]!;
  }
  async u16(): Promise<number> {
    return (await this.need(2)).readUInt16LE(0);
  }
  async u32(): Promise<number> {
    return (await this.need(4)).readUInt32LE(0);
  }
  async i32(): Promise<number> {
    return (await this.need(4)).readInt32LE(0);
  }
  async u64(): Promise<bigint> {
    return (await this.need(8)).readBigUInt64LE(0);
  }

  /** `n` bytes as a copy, refused above `cap` before anything is allocated. */
  async bytes(n: number | bigint, cap: number, what: string): Promise<Buffer> {
    const length = this.checkLength(n, cap, what);
    return Buffer.from(await this.need(length));
  }

  /** Steps over `n` bytes without reading them (tensor data, big blobs). */
  skip(n: number | bigint, what: string): void {
    const length = this.checkLength(n, Number.MAX_SAFE_INTEGER, what);
    this.pos += length;
  }

  /** Bytes up to the next newline (pickle protocol 0 arguments), at most `cap`. */
  async line(cap: number, what: string): Promise<Buffer> {
    const parts: Buffer[] = [];
    let length = 0;
    for (;;) {
      const byte = await this.u8();
      if (byte === 0x0a) return Buffer.concat(parts);
      if (++length > cap) throw new FormatError(`its ${what} is longer than ${cap} bytes`);
      parts.push(Buffer.of(byte));
    }
  }

  private checkLength(n: number | bigint, cap: number, what: string): number {
    const big = BigInt(n);
    if (big < 0n) throw new FormatError(`its ${what} has a negative length`);
    if (big > BigInt(this.remaining)) {
      throw new FormatError(`its ${what} claims ${big} bytes but only ${this.remaining} remain in the file`);
    }
    if (big > BigInt(cap)) throw new FormatError(`its ${what} is ${big} bytes, over the limit of ${cap}`);
    return Number(big);
  }
}
