// Bounded random-access reads from a model file: every parser in this folder
// reads through here, so a hostile length can never make us allocate more
// than the caller's cap, and nothing is read past the end of the file.
import { open, type FileHandle } from 'node:fs/promises';
import { AirlockError } from '../errors';

export interface ByteSource {
  /** Size in bytes; parsers check every declared offset against it. */
  readonly size: number;
  /** Reads exactly `length` bytes at `offset`, or throws when the file is shorter. */
  read(offset: number, length: number): Promise<Buffer>;
}

/** The largest single read any parser may ask for (a 100 MB safetensors header is the biggest). */
export const maxReadBytes = 100 * 1024 * 1024;

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

export async function openFileSource(path: string): Promise<FileSource> {
  const handle: FileHandle = await open(path, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) throw new AirlockError('invalid_input', 'This is not a regular file.');
    return handleSource(handle, stat.size);
  } catch (error) {
    await handle.close();
    throw error;
  }
}

function handleSource(handle: FileHandle, size: number): FileSource {
  return {
    size,
    async read(offset, length) {
      checkRange(size, offset, length);
      const buffer = Buffer.alloc(length);
      let done = 0;
      while (done < length) {
        const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
        // The file shrank under us: treat it as truncated rather than return zeros.
        if (bytesRead === 0) throw new AirlockError('invalid_input', 'The file changed while it was read.');
        done += bytesRead;
      }
      return buffer;
    },
    close: () => handle.close(),
  };
}

/** An in-memory source, for bytes already bounded (a zip entry we inflated with a cap). */
export function bufferSource(bytes: Buffer): ByteSource {
  return {
    size: bytes.length,
    read(offset, length) {
      checkRange(bytes.length, offset, length);
      return Promise.resolve(bytes.subarray(offset, offset + length));
    },
  };
}

/** A window of another source (a stored zip entry), so scanners see only its bytes. */
export function sliceSource(parent: ByteSource, start: number, size: number): ByteSource {
  checkRange(parent.size, start, size);
  return {
    size,
    read(offset, length) {
      checkRange(size, offset, length);
      return parent.read(start + offset, length);
    },
  };
}

function checkRange(size: number, offset: number, length: number): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new RangeError(`bad read ${offset}+${length}`);
  }
  if (length > maxReadBytes) throw new RangeError(`read of ${length} bytes is over the cap`);
  if (offset + length > size) throw new RangeError(`read ${offset}+${length} past end ${size}`);
}
