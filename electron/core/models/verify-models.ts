// Re-verification of the stored models (SECURITY.md MI-06): each ready
// model's file is hashed again, streamed as at import, and compared with the
// SHA-256 recorded then; so is its copy in a running sandbox's model volume.
// A changed or missing model is flagged in the inventory, recorded in the
// audit sink and logged. A changed host file moves to quarantine/ (where
// reconcile puts refused files) and a changed sandbox copy is removed from the
// volume, so neither engine lists it; the flag stays until the model is
// imported again or deleted.
import { mkdir, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { VerifyResult } from '../../../shared/models-contract';
import type { InventoryRow, ModelInventory } from '../store/model-inventory';
import { hashFile } from './inventory-row';
import type { ModelAuditSink } from './model-audit';
import { modelFileName, quarantineDir } from './reconcile-folder';
import { removeFromSandbox, sandboxDigests, type SandboxVolume } from './verify-sandbox';

export interface VerifyDeps {
  modelsDir: string;
  inventory: ModelInventory;
  audit: ModelAuditSink;
  log: (line: string) => void;
  now: () => number;
  /** The running sandbox's model volume, or undefined when no sandbox runs. */
  sandbox?: () => Promise<SandboxVolume | undefined>;
}

export interface VerifyScope {
  /** One model; default every ready model. */
  id?: string;
  /** Only host files at most this big (the start-up pass that runs before the first call). */
  maxBytes?: number;
  /** Check the sandbox's copies as well (default true). */
  sandbox?: boolean;
}

export async function verifyModels(deps: VerifyDeps, scope: VerifyScope = {}): Promise<VerifyResult[]> {
  const rows = deps.inventory
    .list()
    .filter((row) => (scope.id === undefined || row.id === scope.id) && modelFileName.test(row.fileName))
    .filter((row) => scope.maxBytes === undefined || row.size <= scope.maxBytes);
  const results: VerifyResult[] = [];
  for (const row of rows) results.push(await verifyHost(deps, row));
  if (scope.sandbox !== false && deps.sandbox) results.push(...(await verifySandbox(deps, rows)));
  // A sandbox copy flagged earlier was removed from the volume: its flag is the answer until re-import.
  for (const row of rows) {
    const flag = row.integrity;
    if (flag?.where !== 'sandbox' || flag.state === 'ok') continue;
    if (results.some((r) => r.id === row.id && r.where === 'sandbox')) continue;
    results.push({
      id: row.id,
      name: row.name,
      status: flag.state,
      expected: row.sha256,
      where: 'sandbox',
      ...(flag.found ? { found: flag.found } : {}),
    });
  }
  return results;
}

async function verifyHost(deps: VerifyDeps, row: InventoryRow): Promise<VerifyResult> {
  const base = { id: row.id, name: row.name, expected: row.sha256 };
  const flag = row.integrity;
  // A flagged file was moved aside already (or has gone): the flag is the answer until re-import or delete.
  if (flag && flag.state !== 'ok' && flag.where !== 'sandbox') {
    return { ...base, status: flag.state, where: 'host', ...(flag.found ? { found: flag.found } : {}) };
  }
  const path = join(deps.modelsDir, row.fileName);
  const found = (await isFile(path)) ? await hashFile(path).catch(() => undefined) : undefined;
  if (found === row.sha256) {
    deps.inventory.setIntegrity(row.id, { state: 'ok', checkedAt: deps.now() });
    return { ...base, status: 'ok', found, where: 'host' };
  }
  if (found !== undefined) {
    await mkdir(join(deps.modelsDir, quarantineDir), { recursive: true, mode: 0o700 });
    await rename(path, join(deps.modelsDir, quarantineDir, row.fileName)).catch((error: unknown) =>
      deps.log(`Could not move the changed model file ${row.fileName} aside: ${String(error)}`),
    );
  }
  return flagged(deps, row, found, 'host');
}

async function verifySandbox(deps: VerifyDeps, rows: InventoryRow[]): Promise<VerifyResult[]> {
  const volume = await deps.sandbox!().catch((error: unknown) => {
    deps.log(`The sandbox's model copies could not be checked: ${String(error)}`);
    return undefined;
  });
  if (!volume) return [];
  // Only GGUF files are copied into a sandbox; a name the volume does not hold was never copied there.
  const candidates = rows.filter((row) => row.fileName.endsWith('.gguf'));
  const digests = await sandboxDigests(
    volume,
    candidates.map((row) => row.fileName),
  );
  const results: VerifyResult[] = [];
  for (const row of candidates) {
    const copy = digests.get(row.fileName);
    if (!copy) continue;
    const base = { id: row.id, name: row.name, expected: row.sha256, found: copy.sha256 };
    if (copy.sha256 === row.sha256) {
      results.push({ ...base, status: 'ok', where: 'sandbox' });
      continue;
    }
    await removeFromSandbox(volume, row.fileName).catch((error: unknown) =>
      deps.log(`Could not remove the changed copy of ${row.fileName} from the sandbox: ${String(error)}`),
    );
    results.push(flagged(deps, row, copy.sha256, 'sandbox'));
  }
  return results;
}

function flagged(
  deps: VerifyDeps,
  row: InventoryRow,
  found: string | undefined,
  where: 'host' | 'sandbox',
): VerifyResult {
  const state = found === undefined ? 'missing' : 'changed';
  const at = deps.now();
  deps.inventory.setIntegrity(row.id, { state, where, checkedAt: at, ...(found ? { found } : {}) });
  deps.audit.record({
    at,
    action: state === 'changed' ? 'integrity_changed' : 'integrity_missing',
    model: { id: row.id, name: row.name },
    where,
    expected: row.sha256,
    ...(found ? { found } : {}),
  });
  const place = where === 'host' ? 'the model folder' : "the sandbox's model volume";
  deps.log(
    state === 'changed'
      ? `The model file ${row.fileName} in ${place} changed since it was imported; it is flagged and no longer served.`
      : `The model file ${row.fileName} has gone from ${place}; it is flagged.`,
  );
  return {
    id: row.id,
    name: row.name,
    status: state,
    expected: row.sha256,
    where,
    ...(found ? { found } : {}),
  };
}

async function isFile(path: string): Promise<boolean> {
  return (await stat(path).catch(() => null))?.isFile() ?? false;
}
