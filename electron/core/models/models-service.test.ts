// The Models service on real files, a real SQLite database and the real
// event hub: an import lands as a file plus a ready row and reports its
// phases; every refusal (wrong hash, pickle, cancel, taken name) leaves no
// row and no file; delete removes both, and waits for a model mid-answer.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ModelsProgress } from '../../../shared/models-contract';
import { modelsProgressEvent } from '../../../shared/models-contract';
import { buildDemoModel } from '../engines/demo-model';
import { encodeGguf } from '../engines/gguf-write';
import { AirlockError } from '../errors';
import { EventHub } from '../event-hub';
import { openDatabase, type AirlockDatabase } from '../store/database';
import { baseFromSource, ModelsService } from './models-service';

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const model = encodeGguf(buildDemoModel(7));
const modelSha = sha(model);

let stores: AirlockDatabase[] = [];
afterEach(() => {
  for (const store of stores) store.close();
  stores = [];
});

function setup(options: { busy?: string[] } = {}) {
  const root = mkdtempSync(join(tmpdir(), 'airlock-models-'));
  const store = openDatabase(root);
  stores.push(store);
  const events = new EventHub();
  const seen: ModelsProgress[] = [];
  events.on('models.progress', (p) => seen.push(p));
  const modelsDir = join(root, 'models');
  const service = new ModelsService({
    modelsDir,
    db: store.db,
    events,
    log: () => undefined,
    isAnswering: (name) => (options.busy ?? []).includes(name),
  });
  const put = (name: string, bytes: Buffer) => {
    const path = join(root, name);
    writeFileSync(path, bytes);
    return path;
  };
  /** Resolves with an import's last event, whichever way it ended. */
  const ended = (operationId: string) =>
    new Promise<ModelsProgress>((resolve) => {
      const check = () => {
        const last = seen.filter((p) => p.operationId === operationId).at(-1);
        if (last && (last.phase === 'done' || last.phase === 'failed')) return resolve(last);
        setTimeout(check, 10);
      };
      check();
    });
  const folder = () => readdirSync(modelsDir).sort();
  return { service, seen, put, ended, folder, modelsDir };
}

async function refusal(promise: Promise<unknown>): Promise<AirlockError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AirlockError);
  return error as AirlockError;
}

describe('the Models service', () => {
  it('imports a GGUF by path: phases in order, a ready row, the file under its name', async () => {
    const { service, seen, put, ended, folder } = setup();
    const path = put('Tiny Llama.Q8.gguf', model);
    const { operationId } = await service.startImport({ path, sha256: modelSha }, 'admin');
    const last = await ended(operationId);
    expect(last.phase).toBe('done');
    const phases = seen.filter((p) => p.operationId === operationId).map((p) => p.phase);
    expect(phases[0]).toBe('hashing');
    expect(phases).toContain('scanning');
    expect(phases.indexOf('scanning')).toBeLessThan(phases.indexOf('done'));
    for (const event of seen) expect(modelsProgressEvent.safeParse(event).success).toBe(true);

    expect(last.entry).toMatchObject({
      name: 'Tiny-Llama.Q8:latest',
      fileName: 'Tiny-Llama.Q8.gguf',
      source: { kind: 'file', label: 'Tiny Llama.Q8.gguf' },
      sha256: modelSha,
      size: model.length,
      format: 'gguf',
      architecture: 'llama',
      templateVerdict: 'safe',
      scan: { verdict: 'passed', findings: [] },
      importedBy: 'admin',
    });
    expect(last.entry!.parameterCount).toBeGreaterThan(0);
    expect(folder()).toEqual(['Tiny-Llama.Q8.gguf']);
    const listed = await service.list('kid');
    expect(listed).toEqual({ models: [last.entry], canManage: false });
    expect(service.status(operationId)).toEqual(last);
  });

  it('refuses a wrong hash with both hashes named, and keeps no row and no file', async () => {
    const { service, put, ended, folder } = setup();
    const path = put('tiny.gguf', model);
    const wrong = 'f'.repeat(64);
    const { operationId } = await service.startImport({ path, sha256: wrong }, 'admin');
    const last = await ended(operationId);
    expect(last.phase).toBe('failed');
    expect(last.error).toMatchObject({ code: 'invalid_input', reason: 'DIGEST_MISMATCH' });
    expect(last.message).toContain(wrong);
    expect(last.message).toContain(modelSha);
    expect(folder()).toEqual([]);
    expect((await service.list('admin')).models).toEqual([]);
  });

  it('refuses a pickle by its bytes, whatever its name, as UNSUPPORTED_FORMAT', async () => {
    const { service, put, ended, folder } = setup();
    const pickle = Buffer.from("cposix\nsystem\n(S'echo pwned'\ntR.", 'latin1');
    const path = put('innocent.gguf', pickle);
    const { operationId } = await service.startImport({ path, sha256: sha(pickle) }, 'admin');
    const last = await ended(operationId);
    expect(last.error?.reason).toBe('UNSUPPORTED_FORMAT');
    expect(last.message).toMatch(/pickle/);
    expect(folder()).toEqual([]);
  });

  it('refuses the same bytes twice, a taken name, and a relative path before any work', async () => {
    const { service, put, ended } = setup();
    const path = put('tiny.gguf', model);
    await ended((await service.startImport({ path, sha256: modelSha }, 'admin')).operationId);
    const again = await refusal(service.startImport({ path, sha256: `sha256:${modelSha}` }, 'admin'));
    expect(again.code).toBe('conflict');
    expect(again.message).toBe('This model is already in the inventory as tiny:latest.');
    const other = encodeGguf(buildDemoModel(8));
    const otherPath = put('other.gguf', other);
    const taken = await refusal(
      service.startImport({ path: otherPath, sha256: sha(other), name: 'tiny' }, 'admin'),
    );
    expect(taken.details).toEqual({ reason: 'NAME_TAKEN' });
    // Without a name, a taken one from the file gets a suffix instead.
    const copy = put('tiny.gguf', other);
    const suffixed = await ended(
      (await service.startImport({ path: copy, sha256: sha(other) }, 'admin')).operationId,
    );
    expect(suffixed.entry?.name).toBe('tiny-2:latest');
    const third = encodeGguf(buildDemoModel(9));
    const relative = await refusal(service.startImport({ path: 'tiny.gguf', sha256: sha(third) }, 'admin'));
    expect(relative.details).toEqual({ reason: 'PATH_NOT_ABSOLUTE' });
  });

  it('imports from a loopback URL: downloading, then the entry shows the address without its query', async () => {
    const { service, seen, ended, folder } = setup();
    const server = createServer((req, res) => {
      if (req.url?.startsWith('/files/remote.gguf'))
        res.writeHead(200, { 'content-length': model.length }).end(model);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const url = `http://127.0.0.1:${port}/files/remote.gguf?token=secret`;
      const { operationId } = await service.startImport({ url, sha256: modelSha }, 'admin');
      const last = await ended(operationId);
      expect(seen.find((p) => p.operationId === operationId)?.phase).toBe('downloading');
      expect(last.entry).toMatchObject({
        name: 'remote:latest',
        source: { kind: 'url', label: `http://127.0.0.1:${port}/files/remote.gguf` },
      });
      expect(JSON.stringify(last)).not.toContain('secret');
      expect(folder()).toEqual(['remote.gguf']);
    } finally {
      server.close();
    }
  });

  it('names an unnamed import after its file, with -2 when that is taken', () => {
    expect(baseFromSource({ kind: 'file', path: '/x/Llama 3.2 (1B).Q4_K_M.gguf' })).toBe(
      'Llama-3.2-1B-.Q4_K_M',
    );
    expect(baseFromSource({ kind: 'url', url: 'https://h.test/a/%E2%9C%93model.GGUF?x=1' })).toBe('model');
    expect(baseFromSource({ kind: 'file', path: '/x/.gguf' })).toBe('model');
  });

  it('cancels an import: a failed event saying so, nothing kept', async () => {
    const { service, put, ended, folder } = setup();
    const path = put('tiny.gguf', model);
    const { operationId } = await service.startImport({ path, sha256: modelSha }, 'admin');
    expect(service.cancel(operationId)).toEqual({ cancelled: true });
    const last = await ended(operationId);
    expect(last.error).toMatchObject({ code: 'cancelled', reason: 'CANCELLED' });
    expect(folder()).toEqual([]);
    expect(service.cancel(operationId)).toEqual({ cancelled: false });
    expect((await refusal(Promise.resolve().then(() => service.cancel('nope')))).code).toBe('not_found');
  });

  it('deletes the file and the row, and refuses while the model is answering', async () => {
    const busy = setup({ busy: ['tiny:latest'] });
    const path = busy.put('tiny.gguf', model);
    await busy.ended((await busy.service.startImport({ path, sha256: modelSha }, 'admin')).operationId);
    const [entry] = (await busy.service.list('admin')).models;
    const refused = await refusal(busy.service.delete(entry!.id));
    expect(refused.details).toEqual({ reason: 'MODEL_BUSY' });
    expect(busy.folder()).toEqual(['tiny.gguf']);

    const idle = setup();
    const idlePath = idle.put('tiny.gguf', model);
    await idle.ended(
      (await idle.service.startImport({ path: idlePath, sha256: modelSha }, 'admin')).operationId,
    );
    const [idleEntry] = (await idle.service.list('admin')).models;
    expect(await idle.service.delete(idleEntry!.id)).toEqual({ deleted: true });
    expect(idle.folder()).toEqual([]);
    expect((await idle.service.list('admin')).models).toEqual([]);
    expect((await refusal(idle.service.delete(idleEntry!.id))).code).toBe('not_found');
  });

  it('records the demo model as source "demo", once however often it is written', async () => {
    const { service, modelsDir } = setup();
    const bytes = encodeGguf(buildDemoModel(1));
    for (let i = 0; i < 2; i++) {
      writeFileSync(join(modelsDir, 'airlock-demo.gguf'), bytes);
      await service.recordDemo({ name: 'airlock-demo:latest', sha256: sha(bytes), size: bytes.length });
    }
    const { models } = await service.list('admin');
    expect(models).toHaveLength(1);
    expect(models[0]).toMatchObject({
      name: 'airlock-demo:latest',
      source: { kind: 'demo' },
      importedBy: 'airlock',
    });
  });
});
