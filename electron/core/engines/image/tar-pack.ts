// A streaming tar writer for what Airlock hands to the Docker engine: the
// engine image's build context and a model going into the sandbox's volume.
// Files are read as they are sent, never whole into memory, so a 40 GB model
// costs one read buffer. PAX headers carry sizes past ustar's 8 GiB and long
// paths. https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';

export type TarEntry =
  | { kind: 'dir'; path: string; mode?: number; uid?: number; gid?: number }
  | { kind: 'file'; path: string; source: string; mode?: number; uid?: number; gid?: number }
  | { kind: 'bytes'; path: string; bytes: Buffer; mode?: number; uid?: number; gid?: number };

const block = 512;
const ustarMaxSize = 0o77777777777;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(
  name: string,
  size: number,
  type: '0' | '5' | 'x',
  entry: { mode?: number; uid?: number; gid?: number },
): Buffer {
  const buf = Buffer.alloc(block);
  buf.write(name, 0, 100, 'utf8');
  buf.write(octal(entry.mode ?? (type === '5' ? 0o755 : 0o644), 8), 100, 'ascii');
  buf.write(octal(entry.uid ?? 0, 8), 108, 'ascii');
  buf.write(octal(entry.gid ?? 0, 8), 116, 'ascii');
  buf.write(octal(Math.min(size, ustarMaxSize), 12), 124, 'ascii');
  // A fixed mtime: the same inputs give the same bytes, so Docker's build cache and our hash agree.
  buf.write(octal(0, 12), 136, 'ascii');
  buf.write('        ', 148, 'ascii');
  buf.write(type, 156, 'ascii');
  buf.write('ustar\0', 257, 'ascii');
  buf.write('00', 263, 'ascii');
  let sum = 0;
  for (const byte of buf) sum += byte;
  buf.write(octal(sum, 7) + ' ', 148, 'ascii');
  return buf;
}

function paxRecord(key: string, value: string): string {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (`${length}${body}`.length !== length) length = `${length}${body}`.length;
  return `${length}${body}`;
}

/** The header blocks for one entry: a PAX header first when the name or size does not fit ustar. */
function headersFor(path: string, size: number, type: '0' | '5', entry: TarEntry): Buffer[] {
  const name = path.replace(/^\/+/, '') + (type === '5' && !path.endsWith('/') ? '/' : '');
  const records: string[] = [];
  if (Buffer.byteLength(name) > 99) records.push(paxRecord('path', name));
  if (size > ustarMaxSize) records.push(paxRecord('size', String(size)));
  const out: Buffer[] = [];
  if (records.length) {
    const pax = Buffer.from(records.join(''), 'utf8');
    out.push(header('PaxHeader', pax.length, 'x', {}), pad(pax));
  }
  out.push(header(Buffer.byteLength(name) > 99 ? name.slice(-99) : name, size, type, entry));
  return out;
}

function pad(data: Buffer): Buffer {
  const rest = data.length % block;
  return rest === 0 ? data : Buffer.concat([data, Buffer.alloc(block - rest)]);
}

async function* generate(entries: Iterable<TarEntry>): AsyncGenerator<Buffer> {
  for (const entry of entries) {
    if (entry.kind === 'dir') {
      yield* headersFor(entry.path, 0, '5', entry);
    } else if (entry.kind === 'bytes') {
      yield* headersFor(entry.path, entry.bytes.length, '0', entry);
      if (entry.bytes.length) yield pad(entry.bytes);
    } else {
      const { size } = await stat(entry.source);
      yield* headersFor(entry.path, size, '0', entry);
      let sent = 0;
      for await (const chunk of createReadStream(entry.source)) {
        sent += (chunk as Buffer).length;
        yield chunk as Buffer;
      }
      // A file that changed size while it was sent would corrupt every entry after it.
      if (sent !== size) throw new Error(`${entry.source} changed while it was being packed`);
      if (size % block) yield Buffer.alloc(block - (size % block));
    }
  }
  yield Buffer.alloc(block * 2);
}

/** A tar stream of the entries, in order; file contents are read while the stream is consumed. */
export function tarStream(entries: Iterable<TarEntry>): Readable {
  return Readable.from(generate(entries), { objectMode: false });
}
