// Re-verification on real files and a real SQLite database (MI-06): a demo
// GGUF imported through the service, then one byte of the stored file flipped
// or the file deleted. verify answers changed or missing with both digests,
// the flag survives a restart, the changed file is moved to quarantine/ so
// the engine no longer lists it, an audit event is recorded, and importing the
// same bytes again clears the flag.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { modelsVerifyOutput, type ModelsProgress } from '../../../shared/models-contract';
import { buildDemoModel } from '../engines/demo-model';
import { encodeGguf } from '../engines/gguf-write';
import { EventHub } from '../event-hub';
import { openDatabase } from '../store/database';
import { MemoryModelAuditSink } from './model-audit';
import { ModelsService } from './models-service';

const model = encodeGguf(buildDemoModel(11));
const modelSha = createHash('sha256').update(model).digest('hex');

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const step of cleanup.reverse()) step();
  cleanup = [];
});

function open(root: string, audit = new MemoryModelAuditSink()) {
  const store = openDatabase(root);
  const events = new EventHub();
  const seen: ModelsProgress[] = [];
  events.on('models.progress', (p) => seen.push(p));
  const service = new ModelsService({
    modelsDir: join(root, 'models'),
    db: store.db,
    events,
    log: () => undefined,
    audit,
  });
  const close = async () => {
    await service.dispose();
    store.close();
  };
  return { service, seen, audit, close };
}

async function imported(root: string) {
  const opened = open(root);
  const path = join(root, 'tiny.gguf');
  writeFileSync(path, model);
  const { operationId } = await opened.service.startImport({ path, sha256: modelSha }, 'admin');
  for (let i = 0; i < 500; i++) {
    const last = opened.seen.filter((p) => p.operationId === operationId).at(-1);
    if (last?.phase === 'done') return { ...opened, entry: last.entry! };
    if (last?.phase === 'failed') throw new Error(last.message);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the import did not end');
}

function tempRoot() {
  const root = mkdtempSync(join(tmpdir(), 'airlock-h6-verify-'));
  cleanup.push(() => rmSync(root, { recursive: true, force: true }));
  return root;
}

describe('models.verify on the host', () => {
  it('answers ok for an untouched file and records when it checked', async () => {
    const root = tempRoot();
    const { service, entry, audit, close } = await imported(root);
    const answer = await service.verify(undefined);
    expect(modelsVerifyOutput.parse(answer).results).toEqual([
      { id: entry.id, name: 'tiny:latest', status: 'ok', expected: modelSha, found: modelSha, where: 'host' },
    ]);
    const [listed] = (await service.list('admin')).models;
    expect(listed!.integrity.state).toBe('ok');
    expect(listed!.integrity.checkedAt).toBeTypeOf('number');
    expect(audit.events).toEqual([]);
    await close();
  });

  it('flags a file with one byte flipped: changed, quarantined, audited, and still flagged after a restart', async () => {
    const root = tempRoot();
    const { service, entry, audit, close } = await imported(root);
    const stored = join(root, 'models', 'tiny.gguf');
    const bytes = readFileSync(stored);
    bytes.writeUInt8(bytes.readUInt8(bytes.length - 1) ^ 0x01, bytes.length - 1);
    writeFileSync(stored, bytes);
    const tamperedSha = createHash('sha256').update(bytes).digest('hex');

    const { results } = await service.verify(entry.id);
    expect(results).toEqual([
      {
        id: entry.id,
        name: 'tiny:latest',
        status: 'changed',
        expected: modelSha,
        found: tamperedSha,
        where: 'host',
      },
    ]);
    // The built-in engine lists the model folder: the changed file is no longer in it.
    expect(readdirSync(join(root, 'models')).filter((n) => n.endsWith('.gguf'))).toEqual([]);
    expect(existsSync(join(root, 'models', 'quarantine', 'tiny.gguf'))).toBe(true);
    expect(audit.events).toEqual([
      {
        at: expect.any(Number) as number,
        action: 'integrity_changed',
        model: { id: entry.id, name: 'tiny:latest' },
        where: 'host',
        expected: modelSha,
        found: tamperedSha,
      },
    ]);
    const [listed] = (await service.list('kid')).models;
    expect(listed!.integrity).toMatchObject({ state: 'changed', where: 'host', found: tamperedSha });
    await close();

    // A restart reconciles the folder (the file is gone from it) but keeps the flagged row, and
    // checking again reports the flag without a second alert.
    const again = open(root);
    const [kept] = (await again.service.list('admin')).models;
    expect(kept!.integrity.state).toBe('changed');
    expect((await again.service.verify(undefined)).results.map((r) => r.status)).toEqual(['changed']);
    expect(again.audit.events).toEqual([]);

    // Importing the original bytes again replaces the flagged entry under the same name.
    const path = join(root, 'tiny.gguf');
    const { operationId } = await again.service.startImport({ path, sha256: modelSha }, 'admin');
    for (let i = 0; i < 500 && again.seen.at(-1)?.phase !== 'done'; i++) {
      expect(again.seen.at(-1)?.phase).not.toBe('failed');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(again.service.status(operationId).phase).toBe('done');
    const models = (await again.service.list('admin')).models;
    expect(models.map((m) => [m.name, m.integrity.state])).toEqual([['tiny:latest', 'ok']]);
    expect(existsSync(join(root, 'models', 'quarantine', 'tiny.gguf'))).toBe(false);
    await again.close();
  });

  it('flags a deleted file as missing and delete then removes the entry', async () => {
    const root = tempRoot();
    const { service, entry, audit, close } = await imported(root);
    rmSync(join(root, 'models', 'tiny.gguf'));
    const { results } = await service.verify(undefined);
    expect(results).toEqual([
      { id: entry.id, name: 'tiny:latest', status: 'missing', expected: modelSha, where: 'host' },
    ]);
    expect(audit.events.map((e) => [e.action, e.found])).toEqual([['integrity_missing', undefined]]);
    expect((await service.list('admin')).models[0]!.integrity.state).toBe('missing');
    await expect(service.delete(entry.id)).resolves.toEqual({ deleted: true });
    expect((await service.list('admin')).models).toEqual([]);
    await close();
  });

  it('checks at start-up before the first call answers', async () => {
    const root = tempRoot();
    const first = await imported(root);
    await first.close();
    const stored = join(root, 'models', 'tiny.gguf');
    writeFileSync(stored, Buffer.concat([readFileSync(stored), Buffer.from('x')]));
    const audit = new MemoryModelAuditSink();
    const restarted = open(root, audit);
    const [listed] = (await restarted.service.list('admin')).models;
    expect(listed!.integrity.state).toBe('changed');
    expect(audit.events.map((e) => e.action)).toEqual(['integrity_changed']);
    await restarted.close();
  });

  it('refuses an id that is not in the inventory', async () => {
    const root = tempRoot();
    const { service, close } = open(root);
    await expect(service.verify('no-such-model')).rejects.toMatchObject({ code: 'not_found' });
    await close();
  });
});
