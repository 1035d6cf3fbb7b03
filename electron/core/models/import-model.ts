// Imports a model file into the store (issue 4, "Model files" 1): from a local
// path or an https URL, with the publisher's SHA-256. The bytes are copied to a
// temp file inside the store while hashed, then sniffed and scanned; only a
// file whose hash matches and whose scan passes is renamed into place, so the
// store never holds a partial, unverified or refused file (MI-01, MI-02, MI-03).
import { randomUUID } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { AirlockError } from '../errors';
import { openFileSource } from './byte-source';
import { copyAndHash, readFileChunks, type ImportProgress } from './copy-hash';
import { parseSha256 } from './digest';
import { checkModelUrl, openDownload } from './download';
import { inspectModel, type InspectOptions, type ModelReport } from './inspect-model';
import { sniffFormat } from './sniff';

export type ImportSource = { kind: 'file'; path: string } | { kind: 'url'; url: string };

export interface ImportOptions {
  /** The model store folder (the lead wires it to the data folder). */
  storeDir: string;
  sha256: string;
  maxBytes?: number;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignal;
  /** A download that sends nothing for this long is abandoned. */
  stallMs?: number;
  inspect?: InspectOptions;
  /** The name in the store folder; default `<sha256>.<format>`. The caller keeps names unique. */
  fileName?: (report: ModelReport) => string;
  /** Called once the bytes are copied, before they are scanned. */
  onScan?: () => void;
  /**
   * Called after the hash matched and the scan passed, before the rename: the
   * inventory records the file here, so no file ever lands without a record.
   * A throw refuses the import and the temp file goes.
   */
  beforeRename?: (model: ImportedModel) => Promise<void> | void;
}

export interface ImportedModel {
  /** Where the file now lives: `<storeDir>/<sha256>.<gguf|safetensors>`. */
  path: string;
  sha256: string;
  size: number;
  report: ModelReport;
}

export const defaultMaxBytes = 256 * 1024 ** 3;

/** Temp files are `.import-<pid>-<uuid>.partial` in the store folder. */
export const tempPrefix = '.import-';

export async function importModel(source: ImportSource, options: ImportOptions): Promise<ImportedModel> {
  // Everything the caller gave us is checked before the first byte moves.
  const expected = parseSha256(options.sha256);
  const url = source.kind === 'url' ? checkModelUrl(source.url) : null;
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });

  await mkdir(options.storeDir, { recursive: true, mode: 0o700 });
  // The pid lets a restart tell a dead import's temp file from a live one in another process.
  const tempPath = join(options.storeDir, `${tempPrefix}${process.pid}-${randomUUID()}.partial`);
  let input: FileHandle | undefined;
  let temp: FileHandle | undefined;
  try {
    let chunks: AsyncIterable<Uint8Array>;
    let total: number | null;
    if (url) {
      ({ chunks, total } = await openDownload(url, controller.signal, options.stallMs ?? 60_000));
    } else {
      input = await openLocal((source as { path: string }).path);
      total = (await input.stat()).size;
      await refuseEarly(input, total);
      chunks = readFileChunks(input);
    }
    if (total !== null && total > maxBytes) {
      throw new AirlockError('invalid_input', `The model is ${total} bytes, over the limit of ${maxBytes}.`, {
        reason: 'too_large',
        maxBytes,
      });
    }
    temp = await open(tempPath, 'wx', 0o600);
    const { sha256, bytes } = await copyAndHash(chunks, temp, {
      total,
      maxBytes,
      signal: controller.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    await temp.sync();
    await temp.close();
    temp = undefined;
    if (sha256 !== expected) {
      throw new AirlockError(
        'invalid_input',
        `The file's SHA-256 does not match, so it was not imported: expected ${expected}, found ${sha256}.`,
        { reason: 'digest_mismatch', expected, found: sha256 },
      );
    }
    options.onScan?.();
    const report = await inspectFile(tempPath, options.inspect);
    if (!report.accepted) {
      throw new AirlockError('invalid_input', report.reason!, {
        reason: report.refusal!,
        format: report.format,
      });
    }
    const path = join(options.storeDir, options.fileName?.(report) ?? `${expected}.${report.format}`);
    const imported = { path, sha256: expected, size: bytes, report };
    await options.beforeRename?.(imported);
    await rename(tempPath, path);
    return imported;
  } catch (error) {
    if (controller.signal.aborted && !(error instanceof AirlockError && error.code === 'cancelled')) {
      throw new AirlockError('cancelled', 'The import was cancelled.');
    }
    throw error;
  } finally {
    options.signal?.removeEventListener('abort', onAbort);
    controller.abort();
    await input?.close();
    await temp?.close().catch(() => undefined);
    // Removes the temp on every failure; after a successful rename there is nothing left to remove.
    await rm(tempPath, { force: true });
  }
}

async function openLocal(path: string): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AirlockError('not_found', 'The model file was not found.');
    if (code === 'EACCES') throw new AirlockError('forbidden', 'Airlock may not read the model file.');
    throw error;
  }
  if (!(await handle.stat()).isFile()) {
    await handle.close();
    throw new AirlockError('invalid_input', 'The model path is not a regular file.');
  }
  return handle;
}

/** A local pickle or archive is refused before copying gigabytes; the copy is still checked again. */
async function refuseEarly(input: FileHandle, size: number): Promise<void> {
  const sniffed = await sniffFormat({
    size,
    read: async (offset, length) => {
      const buffer = Buffer.alloc(length);
      const { bytesRead } = await input.read(buffer, 0, length, offset);
      return buffer.subarray(0, bytesRead);
    },
  });
  if (!sniffed.accepted) {
    throw new AirlockError('invalid_input', sniffed.explanation!, {
      reason: 'unsupported_format',
      format: sniffed.format,
    });
  }
}

async function inspectFile(path: string, options: InspectOptions | undefined): Promise<ModelReport> {
  const source = await openFileSource(path);
  try {
    return await inspectModel(source, options);
  } finally {
    await source.close();
  }
}
