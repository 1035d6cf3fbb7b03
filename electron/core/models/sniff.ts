// Tells a model file's type from its first bytes, never from its name
// (SECURITY.md MI-01): a `.gguf` that is really a pickle is still a pickle.
// Only GGUF and safetensors are accepted; pickle-family files and archives
// are refused before any scanning, with a sentence saying why.
import type { ByteSource } from './byte-source';
import { readZipDirectory } from './zip-reader';

export type ModelFormat =
  'gguf' | 'safetensors' | 'pickle' | 'pytorch-zip' | 'zip' | 'archive' | 'numpy' | 'other';

export interface Sniffed {
  format: ModelFormat;
  /** What the bytes look like, in words ("7z archive", "pickle protocol 2"). */
  detail: string;
  accepted: boolean;
  /** For a refused format: why, as sentences a user can act on. */
  explanation?: string;
}

const pickleWhy =
  'Loading a Python pickle runs code: the file names functions (such as os.system) that Python calls to rebuild it, so a model file can take over the computer the moment it is opened. Airlock never loads pickles; ask for a GGUF or safetensors version of this model.';

const explanations: Record<Exclude<ModelFormat, 'gguf' | 'safetensors'>, string> = {
  pickle: `This is a Python pickle file (.pkl, .bin, .pt, .pth, .ckpt). ${pickleWhy}`,
  'pytorch-zip': `This is a PyTorch checkpoint (.bin, .pt, .pth, .ckpt): a zip archive whose data.pkl is a Python pickle. ${pickleWhy}`,
  zip: 'This is a zip archive. Archives can hide pickles and can unpack outside their folder (Zip Slip, CVE-2024-45436), so Airlock does not import them: unpack it yourself and import the GGUF file inside.',
  archive:
    'This is a compressed archive. Archives can hide pickles that scanners miss (nullifAI, 2025), so Airlock does not import them: unpack it yourself and import the GGUF file inside.',
  numpy: `This is a NumPy array file, which can hold pickled Python objects. ${pickleWhy}`,
  other:
    'Airlock does not recognise this file as a model. It imports GGUF and safetensors files only, recognised by their contents, not their name.',
};

// Magic numbers of archive formats nobody should hand us as a model.
const archives: [string, number[], number][] = [
  ['7z archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], 0],
  ['gzip archive', [0x1f, 0x8b], 0],
  ['bzip2 archive', [0x42, 0x5a, 0x68], 0],
  ['xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], 0],
  ['zstd archive', [0x28, 0xb5, 0x2f, 0xfd], 0],
  ['rar archive', [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], 0],
  ['tar archive', [0x75, 0x73, 0x74, 0x61, 0x72], 257],
];

// Opcodes a protocol 0/1 pickle commonly starts with (MARK, containers, scalars, GLOBAL).
const oldPickleStarts = new Set([...'(}])NISVdlKJMXUTLFGc'].map((c) => c.charCodeAt(0)));

export async function sniffFormat(source: ByteSource): Promise<Sniffed> {
  const head = await source.read(0, Math.min(source.size, 512));
  const tail = source.size > 0 ? (await source.read(source.size - 1, 1))[0] : undefined;
  const sniffed = await classify(source, head, tail);
  if (sniffed.format === 'gguf' || sniffed.format === 'safetensors') return { ...sniffed, accepted: true };
  return { ...sniffed, accepted: false, explanation: explanations[sniffed.format] };
}

async function classify(
  source: ByteSource,
  head: Buffer,
  tail: number | undefined,
): Promise<{ format: ModelFormat; detail: string }> {
  if (head.length >= 8 && head.toString('latin1', 0, 4) === 'GGUF') {
    const version = head.readUInt32LE(4);
    if (version === 2 || version === 3) return { format: 'gguf', detail: `GGUF version ${version}` };
    return { format: 'other', detail: `GGUF of unsupported version ${version}` };
  }
  if (head.length >= 9 && head[8] === 0x7b) {
    const length = head.readBigUInt64LE(0);
    if (length > 0n && length <= BigInt(source.size - 8))
      return { format: 'safetensors', detail: 'safetensors' };
  }
  if (head.length >= 4 && head.readUInt32LE(0) === 0x04034b50) return sniffZip(source);
  for (const [detail, magic, at] of archives) {
    if (magic.every((byte, i) => head[at + i] === byte)) return { format: 'archive', detail };
  }
  if (head.toString('latin1', 0, 6) === '\x93NUMPY') return { format: 'numpy', detail: 'NumPy array' };
  if (head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5) {
    return { format: 'pickle', detail: `pickle protocol ${head[1]}` };
  }
  // Protocol 0/1 pickles have no header: a GLOBAL line first, or a usual first opcode and STOP last.
  if (/^c[A-Za-z_][\w.]*\n[A-Za-z_][\w.]*\n/.test(head.toString('latin1', 0, 256))) {
    return { format: 'pickle', detail: 'pickle protocol 0' };
  }
  if (head[0] !== undefined && oldPickleStarts.has(head[0]) && tail === 0x2e) {
    return { format: 'pickle', detail: 'pickle protocol 0 or 1' };
  }
  return { format: 'other', detail: 'unknown' };
}

async function sniffZip(source: ByteSource): Promise<{ format: ModelFormat; detail: string }> {
  try {
    const entries = await readZipDirectory(source);
    if (entries.some((e) => /(^|\/)data\.pkl$/.test(e.name))) {
      return { format: 'pytorch-zip', detail: 'PyTorch zip archive with data.pkl' };
    }
    return { format: 'zip', detail: 'zip archive' };
  } catch {
    return { format: 'zip', detail: 'damaged zip archive' };
  }
}
