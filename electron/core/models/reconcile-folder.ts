// Settles the model folder against the inventory when the core starts, so a
// crash at any step of an import leaves nothing unexplained (MI-06):
// - a temp file of an import whose process is gone is removed;
// - an 'importing' row whose file is in place (the crash came after the
//   rename) is finished if the file's SHA-256 is the one recorded, else both go;
//   one whose file is not there (the crash came before) is removed;
// - a ready row whose file has gone is removed (the inventory lists what is served);
// - a model file with no row (copied in by hand, or the demo model written just
//   before a crash) is scanned like an import: kept and recorded as "found"
//   (or "demo") if it passes, moved to quarantine/ if not, so the engine never serves it.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { InventoryRow, ModelInventory } from '../store/model-inventory';
import { openFileSource } from './byte-source';
import { tempPrefix } from './import-model';
import { inspectModel } from './inspect-model';
import { hashFile, rowFromReport } from './inventory-row';

export const demoFileName = 'airlock-demo.gguf';
export const quarantineDir = 'quarantine';

/** Names the engine could serve or the inventory could hold; anything else in the folder is left alone. */
export const modelFileName = /^[A-Za-z0-9][A-Za-z0-9._-]*\.(gguf|safetensors)$/;

export interface ReconcileOptions {
  dir: string;
  inventory: ModelInventory;
  log: (line: string) => void;
  now?: () => number;
  /** Whether a process still runs; injected so tests can play a live importer. */
  isAlive?: (pid: number) => boolean;
}

export interface ReconcileReport {
  removedTemps: string[];
  finished: string[];
  dropped: string[];
  adopted: string[];
  quarantined: string[];
}

export async function reconcileModelFolder(options: ReconcileOptions): Promise<ReconcileReport> {
  const { dir, inventory, log } = options;
  const alive = options.isAlive ?? processAlive;
  const report: ReconcileReport = {
    removedTemps: [],
    finished: [],
    dropped: [],
    adopted: [],
    quarantined: [],
  };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const names = await readdir(dir);

  for (const name of names) {
    const pid = tempPid(name);
    if (pid === undefined || (pid !== process.pid && alive(pid))) continue;
    await rm(join(dir, name), { force: true });
    report.removedTemps.push(name);
  }

  const rows = inventory.all();
  for (const row of rows) {
    if (row.state === 'importing' && row.importerPid !== undefined && row.importerPid !== process.pid) {
      if (alive(row.importerPid)) continue;
    }
    const path = join(dir, row.fileName);
    const present = modelFileName.test(row.fileName) && (await isFile(path));
    if (row.state === 'ready') {
      // A model flagged by re-verification (MI-06) keeps its row and flag until it is imported again or deleted.
      if (present || (row.integrity && row.integrity.state !== 'ok')) continue;
      inventory.remove(row.id);
      report.dropped.push(row.fileName);
      log(`The model file ${row.fileName} has gone from the model folder; its inventory entry was removed.`);
      continue;
    }
    if (present && (await hashFile(path)) === row.sha256) {
      inventory.markReady(row.id);
      report.finished.push(row.fileName);
      log(`Finished the import of ${row.fileName}, interrupted after its file was in place.`);
      continue;
    }
    if (present) await rm(path, { force: true });
    inventory.remove(row.id);
    report.dropped.push(row.fileName);
    log(`Removed an unfinished import of ${row.fileName}.`);
  }

  const known = new Set(inventory.all().map((row) => row.fileName));
  for (const name of names) {
    if (!modelFileName.test(name) || known.has(name)) continue;
    const path = join(dir, name);
    if (!(await isFile(path))) continue;
    const row = await scanStray(path, name, options.now ?? Date.now);
    if (row.scan.verdict === 'passed') {
      try {
        inventory.insert(row);
        report.adopted.push(name);
        log(`Recorded ${name}, found in the model folder, in the inventory.`);
      } catch {
        // Another Airlock process (app and serve share the folder) recorded it first.
      }
      continue;
    }
    await mkdir(join(dir, quarantineDir), { recursive: true, mode: 0o700 });
    await rename(path, join(dir, quarantineDir, name));
    report.quarantined.push(name);
    log(`Moved ${name} to the quarantine folder: ${row.scan.findings.join('; ') || 'its scan failed'}.`);
  }
  return report;
}

async function scanStray(path: string, name: string, now: () => number): Promise<InventoryRow> {
  const source = await openFileSource(path);
  let report;
  try {
    report = await inspectModel(source);
  } finally {
    await source.close();
  }
  const size = (await stat(path)).size;
  const facts = {
    id: randomUUID(),
    fileName: name,
    sourceKind: name === demoFileName ? ('demo' as const) : ('found' as const),
    sourceRef: name,
    sha256: await hashFile(path),
    size,
    importedAt: now(),
    importedBy: 'airlock',
    state: 'ready' as const,
  };
  // A file named like a model but holding something else (a pickle renamed .gguf) is recorded as GGUF, refused.
  const format = report.format === 'safetensors' ? 'safetensors' : 'gguf';
  const row = rowFromReport({ ...facts, report: { ...report, format } });
  if (report.accepted) return row;
  return { ...row, scan: { verdict: 'quarantined', findings: [report.reason ?? report.detail] } };
}

function tempPid(name: string): number | undefined {
  if (!name.startsWith(tempPrefix) || !name.endsWith('.partial')) return undefined;
  const match = /^(\d+)-/.exec(name.slice(tempPrefix.length));
  // A temp file of an older build (no pid) cannot belong to a live import of this one.
  return match ? Number(match[1]) : 0;
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}

function processAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
