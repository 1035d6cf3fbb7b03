// The model inventory in SQLite (SECURITY.md MI-06): where each model came
// from, its SHA-256, size, what the scan found, and when and by whom it came
// in. A row is 'importing' while its file is being moved into the model
// folder and 'ready' after; only ready rows are the inventory.
import type Database from 'libsql';
import type { ModelEntry } from '../../../shared/models-contract';

export type SourceKind = ModelEntry['source']['kind'];

export type Integrity = ModelEntry['integrity'];

/** A row as the core sees it; `sourceRef` (a full path or URL) never leaves the core. */
export interface InventoryRow extends Omit<ModelEntry, 'source' | 'integrity'> {
  /** What the last on-disk check found (MI-06); absent on a row being written, read back as 'ok'. */
  integrity?: Integrity;
  state: 'importing' | 'ready';
  sourceKind: SourceKind;
  sourceRef: string;
  /** The process that was importing it, so a restart can tell its own leftovers from a live import. */
  importerPid?: number;
}

export interface ModelInventory {
  /** The ready models, oldest first. */
  list(): InventoryRow[];
  get(id: string): InventoryRow | undefined;
  byFileName(fileName: string): InventoryRow | undefined;
  /** A ready model with these bytes, if any. */
  bySha256(sha256: string): InventoryRow | undefined;
  /** Every row, ready or not: what a restart reconciles against the folder. */
  all(): InventoryRow[];
  /** Inserts a row; throws when its file name is taken (the UNIQUE constraint). */
  insert(row: InventoryRow): void;
  /** Inserts or replaces the row for a file name (the demo model, rewritten in place). */
  upsertByFileName(row: InventoryRow): void;
  markReady(id: string): void;
  remove(id: string): void;
  /** Records a check's outcome: 'ok' only moves the checked time, a flag stays until re-import or delete. */
  setIntegrity(id: string, integrity: Integrity): void;
}

interface Row {
  id: string;
  name: string;
  file_name: string;
  state: 'importing' | 'ready';
  importer_pid: number | null;
  source_kind: SourceKind;
  source_ref: string;
  sha256: string;
  size: number;
  format: 'gguf' | 'safetensors';
  architecture: string | null;
  parameter_count: number | null;
  quantization: string | null;
  context_length: number | null;
  template_verdict: ModelEntry['templateVerdict'];
  scan_verdict: ModelEntry['scan']['verdict'];
  scan_findings: string;
  imported_at: number;
  imported_by: string;
  integrity: Integrity['state'];
  integrity_where: Integrity['where'] | null;
  integrity_found: string | null;
  integrity_checked_at: number | null;
}

const columns =
  'id, name, file_name, state, importer_pid, source_kind, source_ref, sha256, size, format, architecture, ' +
  'parameter_count, quantization, context_length, template_verdict, scan_verdict, scan_findings, ' +
  'imported_at, imported_by';
const integrityColumns = 'integrity, integrity_where, integrity_found, integrity_checked_at';
const placeholders = columns
  .split(', ')
  .map((c) => `@${c}`)
  .join(', ');

export function createModelInventory(db: Database.Database): ModelInventory {
  const select = (where: string) => db.prepare(`SELECT ${columns}, ${integrityColumns} FROM models ${where}`);
  const listReady = select("WHERE state = 'ready' ORDER BY imported_at, rowid");
  const listAll = select('ORDER BY imported_at, rowid');
  const byId = select('WHERE id = ?');
  const byFile = select('WHERE file_name = ?');
  // A flagged row no longer vouches for these bytes: importing them again replaces it.
  const bySha = select("WHERE sha256 = ? AND state = 'ready' AND integrity = 'ok' LIMIT 1");
  const insert = db.prepare(`INSERT INTO models (${columns}) VALUES (${placeholders})`);
  const replace = db.prepare(`INSERT OR REPLACE INTO models (${columns}) VALUES (${placeholders})`);
  const ready = db.prepare("UPDATE models SET state = 'ready', importer_pid = NULL WHERE id = ?");
  const drop = db.prepare('DELETE FROM models WHERE id = ?');
  const checked = db.prepare('UPDATE models SET integrity_checked_at = @at WHERE id = @id');
  const flag = db.prepare(
    'UPDATE models SET integrity = @state, integrity_where = @where, integrity_found = @found, ' +
      'integrity_checked_at = @at WHERE id = @id',
  );
  const one = (statement: Database.Statement, arg: string) => {
    const row = statement.get(arg) as Row | undefined;
    return row ? fromRow(row) : undefined;
  };

  return {
    list: () => (listReady.all() as Row[]).map(fromRow),
    all: () => (listAll.all() as Row[]).map(fromRow),
    get: (id) => one(byId, id),
    byFileName: (fileName) => one(byFile, fileName),
    bySha256: (sha256) => one(bySha, sha256),
    insert: (row) => void insert.run(toRow(row)),
    upsertByFileName: (row) => void replace.run(toRow(row)),
    markReady: (id) => void ready.run(id),
    remove: (id) => void drop.run(id),
    setIntegrity: (id, integrity) => {
      const at = integrity.checkedAt ?? null;
      if (integrity.state === 'ok') return void checked.run({ id, at });
      flag.run({
        id,
        at,
        state: integrity.state,
        where: integrity.where ?? null,
        found: integrity.found ?? null,
      });
    },
  };
}

/** What a window may see of a row: the source's base name or URL without its query, never a host path. */
export function toEntry(row: InventoryRow): ModelEntry {
  const { state: _state, sourceKind, sourceRef, importerPid: _pid, integrity, ...entry } = row;
  return {
    ...entry,
    source: { kind: sourceKind, label: sourceLabel(sourceKind, sourceRef) },
    integrity: integrity ?? { state: 'ok' },
  };
}

export function sourceLabel(kind: SourceKind, ref: string): string {
  if (kind === 'url') {
    try {
      const url = new URL(ref);
      // A signed download URL carries its token in the query: never shown.
      return `${url.origin}${url.pathname}`;
    } catch {
      return 'a web address';
    }
  }
  return ref.split(/[\\/]/).pop() || ref;
}

function toRow(
  row: InventoryRow,
): Omit<Row, 'integrity' | 'integrity_where' | 'integrity_found' | 'integrity_checked_at'> {
  return {
    id: row.id,
    name: row.name,
    file_name: row.fileName,
    state: row.state,
    importer_pid: row.importerPid ?? null,
    source_kind: row.sourceKind,
    source_ref: row.sourceRef,
    sha256: row.sha256,
    size: row.size,
    format: row.format,
    architecture: row.architecture ?? null,
    parameter_count: row.parameterCount ?? null,
    quantization: row.quantization ?? null,
    context_length: row.contextLength ?? null,
    template_verdict: row.templateVerdict,
    scan_verdict: row.scan.verdict,
    scan_findings: JSON.stringify(row.scan.findings),
    imported_at: row.importedAt,
    imported_by: row.importedBy,
  };
}

function fromRow(row: Row): InventoryRow {
  const findings = JSON.parse(row.scan_findings) as unknown;
  return {
    id: row.id,
    name: row.name,
    fileName: row.file_name,
    state: row.state,
    ...(row.importer_pid !== null ? { importerPid: row.importer_pid } : {}),
    sourceKind: row.source_kind,
    sourceRef: row.source_ref,
    sha256: row.sha256,
    size: row.size,
    format: row.format,
    ...(row.architecture !== null ? { architecture: row.architecture } : {}),
    ...(row.parameter_count !== null ? { parameterCount: row.parameter_count } : {}),
    ...(row.quantization !== null ? { quantization: row.quantization } : {}),
    ...(row.context_length !== null ? { contextLength: row.context_length } : {}),
    templateVerdict: row.template_verdict,
    scan: {
      verdict: row.scan_verdict,
      findings: Array.isArray(findings) ? findings.map(String) : [],
    },
    importedAt: row.imported_at,
    importedBy: row.imported_by,
    integrity: {
      state: row.integrity,
      ...(row.integrity_where !== null ? { where: row.integrity_where } : {}),
      ...(row.integrity_found !== null ? { found: row.integrity_found } : {}),
      ...(row.integrity_checked_at !== null ? { checkedAt: row.integrity_checked_at } : {}),
    },
  };
}
