// The Models service: verified import into the model folder the built-in
// engine serves, the inventory in SQLite, and delete (issue 4; SECURITY.md
// MI-01…MI-04 through importModel, MI-06 here). An import answers with an
// operation id at once and reports through models.progress; its row is written
// as 'importing' before the file is renamed into place and made 'ready' after,
// and reconcileModelFolder settles whatever a crash left between the two.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { basename, isAbsolute, join } from 'node:path';
import type { CallInput, CallOutput, Role } from '../../../shared/contract';
import type { ModelsProgress } from '../../../shared/models-contract';
import { AirlockError } from '../errors';
import {
  createModelInventory,
  toEntry,
  type InventoryRow,
  type ModelInventory,
} from '../store/model-inventory';
import type Database from 'libsql';
import type { EventHub } from '../event-hub';
import { openFileSource } from './byte-source';
import { parseSha256 } from './digest';
import { checkModelUrl } from './download';
import { importModel, type ImportSource } from './import-model';
import { ImportOperations, type Operation } from './import-operations';
import { inspectModel } from './inspect-model';
import { rowFromReport } from './inventory-row';
import { MemoryModelAuditSink, type ModelAuditSink } from './model-audit';
import { modelFileName, quarantineDir, reconcileModelFolder } from './reconcile-folder';
import { verifyModels, type VerifyDeps, type VerifyScope } from './verify-models';
import type { SandboxVolume } from './verify-sandbox';

/** Files up to this size are re-hashed before the first call at start; bigger ones after, in the background. */
const startupCheckBytes = 64 * 1024 * 1024;

export interface ModelsServiceOptions {
  modelsDir: string;
  db: Database.Database;
  events: EventHub;
  log: (line: string) => void;
  /** Whether a chat is answering with this model now (delete is refused then). */
  isAnswering?: (name: string) => boolean;
  now?: () => number;
  maxBytes?: number;
  /** Where integrity alerts go (MI-06); in memory until the storage issue's audit log lands. */
  audit?: ModelAuditSink;
  /** The running sandbox's model volume, so verify can check the copies there too. */
  sandboxVolume?: () => Promise<SandboxVolume | undefined>;
  /** Crash tests: the process kills itself right after this step of an import. */
  crashAt?: 'recorded' | 'renamed';
}

export class ModelsService {
  /** Settles once the folder has been reconciled with the inventory; every call waits for it. */
  readonly ready: Promise<void>;
  private readonly inventory: ModelInventory;
  private readonly operations: ImportOperations;
  /** Base names and digests of imports in flight, so two cannot race for one name or one file. */
  private readonly reserved = new Set<string>();
  private readonly now: () => number;
  private readonly runs = new Set<Promise<void>>();
  readonly audit: ModelAuditSink;
  /** One verify pass at a time: two passes moving the same file aside would race. */
  private verifying: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ModelsServiceOptions) {
    this.now = options.now ?? Date.now;
    this.audit = options.audit ?? new MemoryModelAuditSink();
    this.inventory = createModelInventory(options.db);
    this.operations = new ImportOperations(options.events, this.now);
    const failed = (what: string) => (error: unknown) => options.log(`${what}: ${String(error)}`);
    const reconciled = reconcileModelFolder({
      dir: options.modelsDir,
      inventory: this.inventory,
      log: options.log,
      now: this.now,
    }).then(() => undefined, failed('The model folder could not be checked'));
    // Small files are checked before the first call so a tampered one is never served; big ones and the
    // sandbox's copies (Docker may be slow to answer) right after, without holding calls up.
    this.ready = reconciled
      .then(() => this.serialVerify({ maxBytes: startupCheckBytes, sandbox: false }))
      .then(() => undefined, failed('The model files could not be re-checked'));
    const background = this.ready
      .then(() => this.serialVerify({}))
      .then(() => undefined, failed('The model files could not be re-checked'));
    this.runs.add(background);
    void background.finally(() => this.runs.delete(background));
  }

  /** models.verify: re-hash one model or all, flag what changed or went missing (MI-06). */
  async verify(id: string | undefined): Promise<CallOutput<'models.verify'>> {
    await this.ready;
    if (id !== undefined && this.inventory.get(id)?.state !== 'ready')
      throw new AirlockError('not_found', 'That model is not in the inventory.');
    const results = await this.serialVerify(id !== undefined ? { id } : {});
    return { results, checkedAt: this.now() };
  }

  private serialVerify(scope: VerifyScope) {
    const deps: VerifyDeps = {
      modelsDir: this.options.modelsDir,
      inventory: this.inventory,
      audit: this.audit,
      log: this.options.log,
      now: this.now,
      ...(this.options.sandboxVolume ? { sandbox: this.options.sandboxVolume } : {}),
    };
    const pass = this.verifying.then(() => verifyModels(deps, scope));
    this.verifying = pass.catch(() => undefined);
    return pass;
  }

  async startImport(input: CallInput<'models.import'>, role: Role): Promise<CallOutput<'models.import'>> {
    await this.ready;
    const sha256 = parseSha256(input.sha256);
    const source = checkSource(input);
    const known = this.inventory.bySha256(sha256);
    if (known || this.reserved.has(sha256)) {
      throw new AirlockError(
        'conflict',
        known
          ? `This model is already in the inventory as ${known.name}.`
          : 'This model is being imported already.',
        { reason: 'ALREADY_IMPORTED' },
      );
    }
    // Importing a flagged model's bytes again replaces its entry (MI-06: "until you import it again").
    for (const stale of this.inventory.list()) {
      if (stale.sha256 === sha256 && stale.integrity?.state !== 'ok') await this.removeFlagged(stale);
    }
    const base = this.chooseBase(input.name, source);
    this.reserved.add(sha256).add(base);
    const operation = this.operations.start(source.kind === 'url' ? 'downloading' : 'hashing');
    const run = this.run(operation, source, { sha256, base, role }).finally(() => {
      this.reserved.delete(sha256);
      this.reserved.delete(base);
      this.runs.delete(run);
    });
    this.runs.add(run);
    return { operationId: operation.id };
  }

  status(operationId: string): ModelsProgress {
    const operation = this.operations.get(operationId);
    if (!operation) throw new AirlockError('not_found', 'Airlock knows no import with that id.');
    return operation.state;
  }

  cancel(operationId: string): { cancelled: boolean } {
    const operation = this.operations.get(operationId);
    if (!operation) throw new AirlockError('not_found', 'Airlock knows no import with that id.');
    const running = operation.state.phase !== 'done' && operation.state.phase !== 'failed';
    if (running) operation.controller.abort();
    return { cancelled: running };
  }

  async list(role: Role): Promise<CallOutput<'models.inventory'>> {
    await this.ready;
    return { models: this.inventory.list().map(toEntry), canManage: role === 'admin' };
  }

  async delete(id: string): Promise<{ deleted: boolean }> {
    await this.ready;
    const row = this.inventory.get(id);
    if (!row || row.state !== 'ready' || !modelFileName.test(row.fileName))
      throw new AirlockError('not_found', 'That model is not in the inventory.');
    if (this.options.isAnswering?.(row.name)) {
      throw new AirlockError(
        'conflict',
        `${row.name} is answering a chat right now. Stop the answer or wait for it to end, then delete the model.`,
        { reason: 'MODEL_BUSY' },
      );
    }
    if (row.integrity?.state !== 'ok') {
      await this.removeFlagged(row);
      return { deleted: true };
    }
    // The file goes first: a crash in between leaves a row without a file, which the next start removes.
    await rm(join(this.options.modelsDir, row.fileName), { force: true });
    this.inventory.remove(id);
    return { deleted: true };
  }

  /** A flagged model's file is in quarantine/ (changed) or gone (missing); both go with the row. */
  private async removeFlagged(row: InventoryRow): Promise<void> {
    await rm(join(this.options.modelsDir, quarantineDir, row.fileName), { force: true });
    await rm(join(this.options.modelsDir, row.fileName), { force: true });
    this.inventory.remove(row.id);
  }

  /** Cancels the imports in flight and waits until each has cleaned up, before the database closes. */
  async dispose(): Promise<void> {
    for (const operation of this.operations.running()) operation.controller.abort();
    await Promise.all([...this.runs]);
    await this.ready;
  }

  /** Records the demo model models.demo just wrote (the engine serves `<file>.gguf` as `<file>:latest`). */
  async recordDemo(demo: { name: string; sha256: string; size: number }): Promise<void> {
    await this.ready;
    const fileName = `${demo.name.replace(/:latest$/, '')}.gguf`;
    const source = await openFileSource(join(this.options.modelsDir, fileName));
    let report;
    try {
      report = await inspectModel(source);
    } finally {
      await source.close();
    }
    const existing = this.inventory.byFileName(fileName);
    this.inventory.upsertByFileName(
      rowFromReport({
        id: existing?.id ?? randomUUID(),
        fileName,
        sourceKind: 'demo',
        sourceRef: fileName,
        sha256: demo.sha256,
        size: demo.size,
        report,
        importedAt: this.now(),
        importedBy: 'airlock',
        state: 'ready',
      }),
    );
  }

  private async run(
    operation: Operation,
    source: ImportSource,
    plan: { sha256: string; base: string; role: Role },
  ): Promise<void> {
    const id = randomUUID();
    let recorded: InventoryRow | undefined;
    let placed: string | undefined;
    try {
      const imported = await importModel(source, {
        storeDir: this.options.modelsDir,
        sha256: plan.sha256,
        signal: operation.controller.signal,
        ...(this.options.maxBytes ? { maxBytes: this.options.maxBytes } : {}),
        onProgress: (p) =>
          this.operations.update(operation, {
            bytes: p.bytesDone,
            ...(p.bytesTotal !== null ? { totalBytes: p.bytesTotal } : {}),
          }),
        onScan: () => this.operations.update(operation, { phase: 'scanning' }),
        fileName: (report) => `${plan.base}.${report.format}`,
        beforeRename: (model) => {
          if (existsSync(model.path)) throw nameTaken(plan.base);
          recorded = rowFromReport({
            id,
            fileName: basename(model.path),
            sourceKind: source.kind,
            sourceRef: source.kind === 'url' ? source.url : source.path,
            sha256: model.sha256,
            size: model.size,
            report: model.report,
            importedAt: this.now(),
            importedBy: plan.role,
            state: 'importing',
            importerPid: process.pid,
          });
          this.inventory.insert(recorded);
          this.crashAt('recorded');
        },
      });
      placed = imported.path;
      this.crashAt('renamed');
      this.inventory.markReady(id);
      this.operations.finish(operation, {
        bytes: imported.size,
        entry: toEntry({ ...recorded!, state: 'ready' }),
      });
    } catch (error) {
      if (placed) await rm(placed, { force: true }).catch(() => undefined);
      if (recorded) this.inventory.remove(id);
      if (!(error instanceof AirlockError)) this.options.log(`A model import failed: ${String(error)}`);
      this.operations.fail(operation, error);
    }
  }

  /** The caller's name, refused when taken; else one from the source, made unique with -2, -3… */
  private chooseBase(requested: string | undefined, source: ImportSource): string {
    if (requested !== undefined) {
      if (this.taken(requested)) throw nameTaken(requested);
      return requested;
    }
    const stem = baseFromSource(source);
    for (let n = 1; n < 1000; n++) {
      const candidate = n === 1 ? stem : `${stem}-${n}`;
      if (!this.taken(candidate)) return candidate;
    }
    return `model-${randomUUID().slice(0, 8)}`;
  }

  private taken(base: string): boolean {
    if (this.reserved.has(base)) return true;
    return ['gguf', 'safetensors'].some(
      (ext) =>
        this.inventory.byFileName(`${base}.${ext}`) !== undefined ||
        existsSync(join(this.options.modelsDir, `${base}.${ext}`)),
    );
  }

  private crashAt(step: 'recorded' | 'renamed'): void {
    if (this.options.crashAt === step) process.kill(process.pid, 'SIGKILL');
  }
}

function checkSource(input: CallInput<'models.import'>): ImportSource {
  if (input.url !== undefined) return { kind: 'url', url: checkModelUrl(input.url).toString() };
  const path = input.path!;
  if (!isAbsolute(path))
    throw new AirlockError('invalid_input', 'Give the full path of the model file, starting at the root.', {
      reason: 'PATH_NOT_ABSOLUTE',
    });
  return { kind: 'file', path };
}

/** "Llama-3.2-1B.Q4_K_M.gguf" → "Llama-3.2-1B.Q4_K_M": the engine's file-name rules, at most 80 characters. */
export function baseFromSource(source: ImportSource): string {
  const raw = source.kind === 'url' ? urlPath(source.url) : source.path;
  const stem = (raw.split(/[\\/]/).pop() ?? '').replace(/\.(gguf|safetensors)$/i, '');
  const cleaned = stem
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[^A-Za-z0-9]+/, '')
    .slice(0, 80);
  return cleaned || 'model';
}

function urlPath(url: string): string {
  const path = new URL(url).pathname;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function nameTaken(base: string): AirlockError {
  return new AirlockError(
    'conflict',
    `A model named ${base} is already in the model folder. Choose another name for this one.`,
    { reason: 'NAME_TAKEN' },
  );
}
