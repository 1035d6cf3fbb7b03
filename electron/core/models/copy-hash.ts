// Copies bytes into the store's temp file while hashing them, in one pass:
// the digest is of exactly the bytes we keep, so a source that changes after
// the check cannot slip in other bytes. Reads, hashing and writes overlap so
// import runs at hashing speed (bench/model-import.bench.ts).
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { AirlockError } from '../errors';

export interface ImportProgress {
  bytesDone: number;
  /** Null when a server does not announce the size. */
  bytesTotal: number | null;
}

export interface CopyOptions {
  total: number | null;
  maxBytes: number;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
  /** Least time between progress reports; the last report always comes. */
  progressIntervalMs?: number;
}

const chunkBytes = 4 * 1024 * 1024;

/** Reads a file in large chunks with one read always in flight ahead of the consumer. */
export async function* readFileChunks(handle: FileHandle): AsyncGenerator<Buffer> {
  const readAt = async (position: number): Promise<Buffer> => {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    const { bytesRead } = await handle.read(buffer, 0, chunkBytes, position);
    return buffer.subarray(0, bytesRead);
  };
  let position = 0;
  let next = readAt(position);
  try {
    for (;;) {
      const chunk = await next;
      if (chunk.length === 0) return;
      position += chunk.length;
      next = readAt(position);
      yield chunk;
    }
  } finally {
    // The consumer may stop early (limit, mismatch, cancel): the read ahead is no longer wanted.
    next.catch(() => undefined);
  }
}

async function writeAll(dest: FileHandle, chunk: Uint8Array): Promise<void> {
  for (let at = 0; at < chunk.length;) {
    const { bytesWritten } = await dest.write(chunk, at, chunk.length - at);
    at += bytesWritten;
  }
}

export async function copyAndHash(
  chunks: AsyncIterable<Uint8Array>,
  dest: FileHandle,
  options: CopyOptions,
): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  const interval = options.progressIntervalMs ?? 100;
  let done = 0;
  let lastReport = 0;
  let writing: Promise<void> = Promise.resolve();
  for await (const chunk of chunks) {
    if (options.signal?.aborted) throw new AirlockError('cancelled', 'The import was cancelled.');
    done += chunk.length;
    if (done > options.maxBytes) {
      throw new AirlockError(
        'invalid_input',
        `The model is larger than the limit of ${formatBytes(options.maxBytes)}.`,
        {
          reason: 'too_large',
          maxBytes: options.maxBytes,
        },
      );
    }
    hash.update(chunk);
    await writing;
    writing = writeAll(dest, chunk);
    const now = Date.now();
    if (options.onProgress && now - lastReport >= interval) {
      lastReport = now;
      options.onProgress({ bytesDone: done, bytesTotal: options.total });
    }
  }
  await writing;
  options.onProgress?.({ bytesDone: done, bytesTotal: options.total ?? done });
  return { sha256: hash.digest('hex'), bytes: done };
}

export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
