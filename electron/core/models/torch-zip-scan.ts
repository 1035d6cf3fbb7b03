// Scans the pickles inside a PyTorch zip archive (`torch.save` since 1.6
// writes `<name>/data.pkl` beside raw tensor files) entry by entry, reading
// the central directory ourselves: nothing is extracted to disk and nothing is
// unpickled. CVE-2025-32434 showed `torch.load(weights_only=True)` still ran
// code from such archives, so the report explains; MI-01 refuses regardless.
import type { ByteSource } from './byte-source';
import { FormatError } from './cursor';
import { scanPickle, type PickleScan } from './pickle-scan';
import { openZipEntry, peekZipEntry, readZipDirectory, type ZipEntry } from './zip-reader';

export interface ArchiveScan {
  verdict: PickleScan['verdict'];
  entries: { name: string; scan: PickleScan }[];
  problem?: string;
}

/** Pickles larger than this are not inspected (a state dict's data.pkl is kilobytes to a few megabytes). */
const maxPickleBytes = 256 * 1024 * 1024;
const rank: Record<PickleScan['verdict'], number> = { dangerous: 3, unreadable: 2, suspicious: 1, clean: 0 };

export async function scanTorchZip(source: ByteSource): Promise<ArchiveScan> {
  let directory: ZipEntry[];
  try {
    directory = await readZipDirectory(source);
  } catch (error) {
    if (!(error instanceof FormatError || error instanceof RangeError)) throw error;
    return { verdict: 'unreadable', entries: [], problem: error.message };
  }
  const entries: ArchiveScan['entries'] = [];
  for (const entry of directory) {
    if (!(await looksLikePickle(source, entry))) continue;
    entries.push({ name: entry.name, scan: await scanEntry(source, entry) });
  }
  const worst = entries.reduce<PickleScan['verdict']>(
    (acc, { scan }) => (rank[scan.verdict] > rank[acc] ? scan.verdict : acc),
    'clean',
  );
  return { verdict: worst, entries };
}

async function scanEntry(source: ByteSource, entry: ZipEntry): Promise<PickleScan> {
  try {
    return await scanPickle(await openZipEntry(source, entry, maxPickleBytes));
  } catch (error) {
    if (!(error instanceof FormatError || error instanceof RangeError)) throw error;
    return { verdict: 'unreadable', imports: [], problem: error.message };
  }
}

/**
 * Entries named like pickles, plus any other entry that opens with a pickle
 * protocol marker (a payload renamed to hide), except torch's raw tensor files.
 */
async function looksLikePickle(source: ByteSource, entry: ZipEntry): Promise<boolean> {
  if (/\.(pkl|pickle)$/i.test(entry.name)) return true;
  if (/(^|\/)data\/\d+$/.test(entry.name) || entry.name.endsWith('/')) return false;
  try {
    const head = await peekZipEntry(source, entry, 2);
    return head[0] === 0x80 && head[1] !== undefined && head[1] >= 2 && head[1] <= 5;
  } catch {
    // An entry we cannot even open is reported by scanEntry as unreadable.
    return true;
  }
}
